package org.gongyu.city.catalogue;

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
  List<CatalogueEntryResponse> catalogue() {
    return mapper.toResponses(repo.all());
  }
}
