package org.gongyu.city.rollup;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.security.Rules;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.city.CityProperties;
import org.gongyu.chassis.calendar.CityCalendar;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CityRollupController {

  private final CityRollups rollups;
  private final CityRollupMapper mapper;
  private final CityProperties city;
  private final CityCalendar calendar;

  CityRollupController(CityRollups rollups, CityRollupMapper mapper, CityProperties city, CityCalendar calendar) {
    this.rollups = rollups;
    this.mapper = mapper;
    this.city = city;
    this.calendar = calendar;
  }

  @GetMapping("/api/city/rollups/{indicatorCode}/{periodId}")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  CityRollupResponse rollup(
      @PathVariable @Pattern(regexp = "[A-Z0-9_]{1,60}") String indicatorCode, @PathVariable String periodId) {
    String period = period(periodId);
    return rollups.find(new RollupKey(indicatorCode, period))
        .map(mapper::toResponse)
        .orElseThrow(() -> ApiProblem.notFound(
            "city " + city.id() + " has no rollup of " + indicatorCode + " for " + period));
  }

  /** A period of any type on the city's calendar: each indicator has its own period type. */
  private String period(String periodId) {
    try {
      return calendar.parse(periodId).id();
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
  }
}
