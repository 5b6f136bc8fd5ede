package org.gongyu.school.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The school's own latest figures, as it published them. */
@Tag(name = "School indicators · 学校指标", description = "The school's published indicator snapshots · 学校已发布的指标快照")
@RestController
class IndicatorController {

  private final SnapshotService snapshots;
  private final SchoolRegistry registry;
  private final CityCalendar calendar;

  IndicatorController(SnapshotService snapshots, SchoolRegistry registry, CityCalendar calendar) {
    this.snapshots = snapshots;
    this.registry = registry;
    this.calendar = calendar;
  }

  record SnapshotResponse(
      String indicatorCode, String periodId, long numerator, long denominator, BigDecimal rate, long version, Instant asOf) {}

  @Operation(summary = "Latest indicator snapshots of a school for a period", description = "返回学校在某期间每个指标的最新快照（分子、分母、版本）。期间须为该指标的期间类型。")
  @GetMapping("/api/school/schools/{schoolId}/indicators/{periodId}")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  List<SnapshotResponse> latest(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId, @PathVariable String periodId) {
    try {
      calendar.parse(periodId);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("periodId", e));
    }
    registry.require(schoolId);
    return snapshots.latestForPeriod(schoolId, periodId).stream()
        .map(s -> new SnapshotResponse(s.indicatorCode(), s.periodId(), s.numerator(), s.denominator(),
            s.figure().rate(), s.version(), s.asOf()))
        .toList();
  }
}
