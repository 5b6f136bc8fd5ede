package org.gongyu.district.rollup;

import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.period.Period;
import org.gongyu.district.catalogue.IndicatorDefinitions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CountyRollupController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final CountyRollups rollups;
  private final IndicatorDefinitions definitions;
  private final CityCalendar calendar;
  private final CountyRollupMapper mapper;

  CountyRollupController(CountyRollups rollups, IndicatorDefinitions definitions, CityCalendar calendar, CountyRollupMapper mapper) {
    this.rollups = rollups;
    this.definitions = definitions;
    this.calendar = calendar;
    this.mapper = mapper;
  }

  /** A period of the indicator's own type (any type while the catalogue does not define the indicator). */
  @GetMapping("/api/district/counties/{countyId}/rollups/{indicatorCode}/{periodId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  CountyRollupResponse rollup(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = "[A-Z0-9_]{1,60}") String indicatorCode,
      @PathVariable String periodId) {
    IndicatorDefined definition = definitions.find(indicatorCode).orElse(null);
    Period period;
    try {
      period = definition == null ? calendar.parse(periodId) : calendar.parse(definition.periodType(), periodId);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("periodId: " + e.getMessage());
    }
    return rollups.find(new RollupKey(countyId, indicatorCode, period.id()))
        .map(row -> mapper.toResponse(row, definition == null ? null : definition.targetFor(period),
            definition != null && definition.sensitive()))
        .orElseThrow(() -> ApiProblem.notFound(
            "county " + countyId + " has no rollup of " + indicatorCode + " for " + period.id()));
  }
}
