package org.gongyu.district.rollup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.period.Period;
import org.gongyu.district.catalogue.IndicatorDefinitions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "County rollups · 区县汇总", description = "County-level figures of an indicator · 指标的区县汇总数据")
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
  @Operation(summary = "County rollup of an indicator for a period", description = "返回指标在某期间的区县汇总（分子、分母、目标值、是否达标）。期间须为该指标的期间类型（目录尚未定义该指标时任何类型均可）。")
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
      throw ApiProblem.badRequest(PeriodMessages.of("periodId", e));
    }
    return rollups.find(new RollupKey(countyId, indicatorCode, period.id()))
        .map(row -> mapper.toResponse(row, definition == null ? null : definition.targetFor(period),
            definition != null && definition.sensitive()))
        .orElseThrow(() -> ApiProblem.notFound(
            Msg.msg("district.rollup.none", countyId, indicatorCode, period.id())));
  }
}
