package org.gongyu.city.rollup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.Msg;
import org.gongyu.city.CityProperties;
import org.gongyu.city.catalogue.Catalogue;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.period.Period;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "City rollups · 市级汇总", description = "City-level figures of an indicator · 指标的市级汇总数据")
@RestController
class CityRollupController {

  private final CityRollups rollups;
  private final CityRollupMapper mapper;
  private final CityProperties city;
  private final CityCalendar calendar;
  private final Catalogue catalogue;

  CityRollupController(
      CityRollups rollups, CityRollupMapper mapper, CityProperties city, CityCalendar calendar, Catalogue catalogue) {
    this.rollups = rollups;
    this.mapper = mapper;
    this.city = city;
    this.calendar = calendar;
    this.catalogue = catalogue;
  }

  /**
   * The period must be of the indicator's period type. A code the catalogue does not know (a
   * rollup can arrive before its definition) is treated as sensitive and has no target.
   */
  @Operation(summary = "City rollup of an indicator for a period", description = "返回指标在某期间的市级汇总（分子、分母、目标值、是否达标）。期间须为该指标的期间类型；目录中尚未定义的指标按敏感指标处理且无目标值。")
  @GetMapping("/api/city/rollups/{indicatorCode}/{periodId}")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  CityRollupResponse rollup(
      @PathVariable @Pattern(regexp = "[A-Z0-9_]{1,60}") String indicatorCode, @PathVariable String periodId) {
    Optional<IndicatorDefined> definition = catalogue.definition(indicatorCode);
    Period period;
    try {
      period = definition.isPresent() ? calendar.parse(definition.get().periodType(), periodId) : calendar.parse(periodId);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("periodId", e));
    }
    return rollups.find(new RollupKey(indicatorCode, period.id()))
        .map(row -> mapper.toResponse(row, definition, period))
        .orElseThrow(() -> ApiProblem.notFound(
            Msg.msg("city.rollup.none", city.id(), indicatorCode, period.id())));
  }
}
