package org.gongyu.city.county;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.security.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The city's counties. PUT answers 201 when it created the county, else 200. */
@RestController
@RequestMapping("/api/city/counties")
class CountyController {

  private final CountyService service;

  CountyController(CountyService service) {
    this.service = service;
  }

  @PutMapping("/{countyId}")
  @PreAuthorize(Rules.CITY_ADMIN + Rules.OF_COUNTY) // for city staff: a county of their city
  ResponseEntity<CountyResponse> put(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String countyId, @Valid @RequestBody PutCountyRequest body) {
    Upserted<CountyRow> result = service.put(countyId, body.name());
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(CountyResponse.of(result.row()));
  }

  @GetMapping
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  List<CountyResponse> all() {
    return service.all().stream().map(CountyResponse::of).toList();
  }

  @GetMapping("/{countyId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  CountyResponse one(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String countyId) {
    return CountyResponse.of(service.one(countyId));
  }
}
