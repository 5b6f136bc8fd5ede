package org.gongyu.reporting.report;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.security.Rules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only reports for one indicator and semester ({@code periodId} like {@code 2026-2027-1}). */
@RestController
@RequestMapping("/api/reports/indicators/{code}/periods/{periodId}")
@Tag(name = "reports", description = "Published figures per tier with lineage")
class ReportController {

  private static final String CODE = "[A-Za-z0-9_-]{1,60}";
  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final ReportService reports;

  ReportController(ReportService reports) {
    this.reports = reports;
  }

  @GetMapping
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(summary = "The city's rollup and every known county's rollup")
  CityReport city(@PathVariable @Pattern(regexp = CODE) String code, @PathVariable String periodId) {
    return reports.city(code, periodId);
  }

  @GetMapping("/counties/{countyId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(summary = "One county's rollup with its lineage and every registered school of the county")
  CountyReport county(
      @PathVariable @Pattern(regexp = CODE) String code,
      @PathVariable String periodId,
      @PathVariable @Pattern(regexp = ID) String countyId) {
    return reports.county(code, periodId, countyId);
  }

  @GetMapping("/schools/{schoolId}")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  @Operation(summary = "One school's latest snapshot and whether its county's rollup used it")
  SchoolReport school(
      @PathVariable @Pattern(regexp = CODE) String code,
      @PathVariable String periodId,
      @PathVariable @Pattern(regexp = ID) String schoolId) {
    return reports.school(code, periodId, schoolId);
  }
}
