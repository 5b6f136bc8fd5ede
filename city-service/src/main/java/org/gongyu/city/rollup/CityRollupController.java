package org.gongyu.city.rollup;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.security.Rules;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.city.CityProperties;
import org.gongyu.contracts.period.Semester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CityRollupController {

  private final CityRollups rollups;
  private final CityRollupMapper mapper;
  private final CityProperties city;

  CityRollupController(CityRollups rollups, CityRollupMapper mapper, CityProperties city) {
    this.rollups = rollups;
    this.mapper = mapper;
    this.city = city;
  }

  @GetMapping("/api/city/rollups/{indicatorCode}/{periodId}")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  CityRollupResponse rollup(
      @PathVariable @Pattern(regexp = "[A-Z0-9_]{1,60}") String indicatorCode, @PathVariable String periodId) {
    String period = semester(periodId);
    return rollups.find(new RollupKey(indicatorCode, period))
        .map(mapper::toResponse)
        .orElseThrow(() -> ApiProblem.notFound(
            "city " + city.id() + " has no rollup of " + indicatorCode + " for " + period));
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
