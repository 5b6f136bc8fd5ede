package org.gongyu.district.rollup;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.security.Rules;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.contracts.period.Semester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CountyRollupController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final CountyRollups rollups;
  private final CountyRollupMapper mapper;

  CountyRollupController(CountyRollups rollups, CountyRollupMapper mapper) {
    this.rollups = rollups;
    this.mapper = mapper;
  }

  @GetMapping("/api/district/counties/{countyId}/rollups/{indicatorCode}/{periodId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  CountyRollupResponse rollup(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = "[A-Z0-9_]{1,60}") String indicatorCode,
      @PathVariable String periodId) {
    String period = semester(periodId);
    return rollups.find(new RollupKey(countyId, indicatorCode, period))
        .map(mapper::toResponse)
        .orElseThrow(() -> ApiProblem.notFound(
            "county " + countyId + " has no rollup of " + indicatorCode + " for " + period));
  }

  // Every indicator implemented so far is per semester; other period types come with their indicators.
  private static String semester(String periodId) {
    try {
      return Semester.parse(periodId).id();
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
  }
}
