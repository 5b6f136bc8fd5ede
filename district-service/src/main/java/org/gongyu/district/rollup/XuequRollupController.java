package org.gongyu.district.rollup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A 学区's figures (issue 17 item 6, ADR 0027): read by the 学区's own staff, the county's staff and
 * the city's; anyone else gets 404, as for a 学区 that does not exist.
 */
@Tag(name = "学区 rollups · 学区汇总", description = "Figures of a 学区 over its schools · 学区所辖学校的汇总数据")
@RestController
class XuequRollupController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final XuequRollups rollups;

  XuequRollupController(XuequRollups rollups) {
    this.rollups = rollups;
  }

  @Operation(summary = "学区 figures of an indicator for a period",
      description = "按区县汇总的同一规则计算学区汇总：期间首日属于该学区且指标适用的学校。期间须为该指标的期间类型。")
  @GetMapping("/api/district/counties/{countyId}/xuequ/{xuequId}/rollups/{indicatorCode}/{periodId}")
  @PreAuthorize(Rules.XUEQU_COUNTY_OR_CITY_USER + Rules.OF_XUEQU)
  XuequRollupResponse rollup(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = ID) String xuequId,
      @PathVariable @Pattern(regexp = "[A-Z0-9_]{1,60}") String indicatorCode,
      @PathVariable String periodId) {
    try {
      return rollups.figures(countyId, xuequId, indicatorCode, periodId)
          .map(XuequRollupResponse::of)
          .orElseThrow(() -> ApiProblem.notFound(Msg.msg("district.xuequ.unknown", xuequId, countyId)));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("periodId", e));
    }
  }

  @Operation(summary = "学区 scorecard of a period",
      description = "学区记分卡：每个指标在包含所选期间首日的本期间内的学区汇总，以及学区内每所学校的数据（敏感指标的小数值不显示）。")
  @GetMapping("/api/district/counties/{countyId}/xuequ/{xuequId}/scorecard/{periodId}")
  @PreAuthorize(Rules.XUEQU_COUNTY_OR_CITY_USER + Rules.OF_XUEQU)
  XuequScorecardResponse scorecard(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = ID) String xuequId,
      @PathVariable String periodId) {
    try {
      return rollups.scorecard(countyId, xuequId, periodId)
          .map(XuequScorecardResponse::of)
          .orElseThrow(() -> ApiProblem.notFound(Msg.msg("district.xuequ.unknown", xuequId, countyId)));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("periodId", e));
    }
  }
}
