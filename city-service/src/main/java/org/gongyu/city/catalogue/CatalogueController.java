package org.gongyu.city.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The indicator catalogue: readable by every role, target schedules set by city admins. */
@RestController
@RequestMapping("/api/city/catalogue")
class CatalogueController {

  private final CatalogueService service;
  private final CatalogueMapper mapper;

  CatalogueController(CatalogueService service, CatalogueMapper mapper) {
    this.service = service;
    this.mapper = mapper;
  }

  @GetMapping
  @PreAuthorize(Rules.ANY_ROLE)
  List<CatalogueEntryResponse> catalogue() {
    return mapper.toResponses(service.all());
  }

  @GetMapping("/{code}")
  @PreAuthorize(Rules.ANY_ROLE)
  CatalogueEntryResponse one(@PathVariable @Pattern(regexp = "[A-Z0-9_]{1,60}") String code) {
    return mapper.toResponse(service.one(code));
  }

  /** 200 with the entry as GET shows it, whether the step changed or already had the value. */
  @PutMapping("/{code}/targets/{periodId}")
  @PreAuthorize(Rules.CITY_ADMIN + Rules.OF_CITY)
  CatalogueEntryResponse setTarget(
      @PathVariable @Pattern(regexp = "[A-Z0-9_]{1,60}") String code,
      @PathVariable @Pattern(regexp = "[0-9-]{1,20}") String periodId,
      @Valid @RequestBody SetTargetRequest body,
      Authentication authentication) {
    String by = Caller.of(authentication).map(Caller::username).orElse("unknown");
    return mapper.toResponse(service.setTarget(code, periodId, body.value(), by));
  }
}
