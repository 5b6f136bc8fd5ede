package org.gongyu.city.catalogue;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.security.Rules;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogueController {

  private final CatalogueRepository repo;
  private final CatalogueMapper mapper;

  CatalogueController(CatalogueRepository repo, CatalogueMapper mapper) {
    this.repo = repo;
    this.mapper = mapper;
  }

  @GetMapping("/api/city/catalogue")
  @PreAuthorize(Rules.ANY_ROLE)
  List<CatalogueEntryResponse> catalogue() {
    return mapper.toResponses(repo.all());
  }
}
