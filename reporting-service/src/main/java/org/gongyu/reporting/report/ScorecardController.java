package org.gongyu.reporting.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.security.Rules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scorecards across the whole catalogue for a period of any type: each indicator is shown in its
 * own period containing the first day of {@code periodId}.
 */
@RestController
@RequestMapping("/api/reports/periods/{periodId}")
@Tag(name = "scorecards", description = "Every indicator against its target for the city, a county or a county's schools")
class ScorecardController {

  private final ScorecardService scorecards;

  ScorecardController(ScorecardService scorecards) {
    this.scorecards = scorecards;
  }

  @GetMapping("/scorecard")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(summary = "Counties × indicators and the city: value, target, met, completeness, timeliness")
  CityScorecard city(@PathVariable String periodId) {
    return scorecards.city(periodId);
  }

  @GetMapping("/counties/{countyId}/scorecard")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(summary = "The county's schools × indicators (by membership in each indicator's period) and the county's own row")
  CountyScorecard county(
      @PathVariable String periodId, @PathVariable @Pattern(regexp = ReportController.ID) String countyId) {
    return scorecards.county(periodId, countyId);
  }
}
