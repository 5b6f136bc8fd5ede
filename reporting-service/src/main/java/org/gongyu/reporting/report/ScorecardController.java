package org.gongyu.reporting.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.gongyu.chassis.security.Rules;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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
  private final ReadyDocuments ready;
  private final Documents documents;

  ScorecardController(ScorecardService scorecards, ReadyDocuments ready, Documents documents) {
    this.scorecards = scorecards;
    this.ready = ready;
    this.documents = documents;
  }

  @GetMapping("/scorecard")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(
      summary = "Counties × indicators and the city: value, target, met, completeness, timeliness",
      description = "Every catalogue indicator in its own period containing the first day of `periodId` (of any type), "
          + "with the target of that period; for the city and every known county the published rollup: numerator, "
          + "denominator, value (rate), met, schools meeting/reporting/expected, completeness, timeliness, version, "
          + "asOf. Small cells of sensitive indicators are withheld (`suppressed`). City roles only.")
  ResponseEntity<Document<CityScorecard>> city(@PathVariable String periodId) {
    return documents.respond(ready.cityScorecard(periodId));
  }

  @GetMapping("/counties/{countyId}/scorecard")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(
      summary = "The county's schools × indicators (by membership in each indicator's period) and the county's own row",
      description = "Per indicator (in its own period containing the first day of `periodId`) the county's own rollup, and "
          + "for every school that belonged to the county on the first day of that period its latest snapshot: value, "
          + "target, met (null where the indicator does not apply to the school's type), version, asOf, 学区. Small "
          + "cells are withheld. County roles of that county and city roles.")
  ResponseEntity<Document<CountyScorecard>> county(
      @PathVariable String periodId, @PathVariable @Pattern(regexp = ReportController.ID) String countyId) {
    return documents.respond(ready.countyScorecard(periodId, countyId));
  }

  @GetMapping("/schools/{schoolId}/scorecard")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  @Operation(
      summary = "One school's own indicators against their targets, and what is missing",
      description = "Every catalogue indicator in its own period containing the first day of `periodId`, with the "
          + "school's latest snapshot (value, target, met, version, asOf) and `missing`: the indicator applies to the "
          + "school's type and no snapshot exists for that period. Exact for the school's own users; small cells of "
          + "sensitive indicators are withheld for county and city users. The school's users, its county's users and "
          + "city users; any other school answers 404.")
  SchoolScorecard school(
      @PathVariable String periodId,
      @PathVariable @Pattern(regexp = ReportController.ID) String schoolId,
      Authentication authentication) {
    return scorecards.school(periodId, schoolId, ownSchool(authentication));
  }

  /** The scope rule has let through only the school's own users at the school tier. */
  static boolean ownSchool(Authentication authentication) {
    return Caller.of(authentication).map(c -> c.tier() == Role.Tier.SCHOOL).orElse(false);
  }
}
