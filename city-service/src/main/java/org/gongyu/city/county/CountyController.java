package org.gongyu.city.county;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Counties · 区县", description = "The city's counties · 本市的区县")
@RestController
@RequestMapping("/api/city/counties")
class CountyController {

  private final CountyService service;

  CountyController(CountyService service) {
    this.service = service;
  }

  @Operation(summary = "Register or rename a county", description = "登记（201）或更名（200）本市的一个区县；kind 为 CITY_DIRECT 时登记本市唯一的市直学校单位（其学校、汇总与审核同区县，管理员为市级人员）。已登记单位的类型不可更改（409）；已有市直学校单位时再登记一个返回 409；类型不合法返回 422。")
  @PutMapping("/{countyId}")
  @PreAuthorize(Rules.CITY_ADMIN + Rules.OF_COUNTY) // for city staff: a county of their city
  ResponseEntity<CountyResponse> put(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String countyId, @Valid @RequestBody PutCountyRequest body) {
    Upserted<CountyRow> result = service.put(countyId, body.name(), body.kind());
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(CountyResponse.of(result.row()));
  }

  @Operation(summary = "List the city's counties", description = "列出本市的全部区县。")
  @GetMapping
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  List<CountyResponse> all() {
    return service.all().stream().map(CountyResponse::of).toList();
  }

  @Operation(summary = "Read a county", description = "读取一个区县；未登记时返回 404。")
  @GetMapping("/{countyId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  CountyResponse one(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String countyId) {
    return CountyResponse.of(service.one(countyId));
  }
}
