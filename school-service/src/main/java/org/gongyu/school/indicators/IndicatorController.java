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
import java.util.Set;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.gongyu.contracts.indicator.SmallCells;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The school's latest figures, as it published them: exact for the school's own users; for county
 * and city users a figure of a sensitive indicator with a count of 1–4 is withheld (numerator,
 * denominator and rate null, {@code suppressed: true}), as in every view above the school
 * ({@link SmallCells}, ADR 0010).
 */
@Tag(name = "School indicators · 学校指标", description = "The school's published indicator snapshots · 学校已发布的指标快照")
@RestController
class IndicatorController {

  private final SnapshotService snapshots;
  private final SchoolRegistry registry;
  private final CityCalendar calendar;
  private final Set<String> sensitive;

  IndicatorController(SnapshotService snapshots, SchoolRegistry registry, CityCalendar calendar,
      @Value("${gongyu.school.sensitive-indicators:SPECIAL_CARE,CONSULTATION_RESOLUTION,PROBLEM_DISCOVERY}") Set<String> sensitive) {
    this.snapshots = snapshots;
    this.registry = registry;
    this.calendar = calendar;
    this.sensitive = Set.copyOf(sensitive);
  }

  record SnapshotResponse(
      String indicatorCode, String periodId, Long numerator, Long denominator, BigDecimal rate, boolean suppressed, long version,
      Instant asOf) {}

  @Operation(summary = "Latest indicator snapshots of a school for a period", description = "返回学校在某期间每个指标的最新快照（分子、分母、版本）。期间须为该指标的期间类型。区县和市级用户看到的敏感指标小数（1–4）不显示具体数字（suppressed=true）。")
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
    boolean ownSchool = Caller.of(SecurityContextHolder.getContext().getAuthentication())
        .filter(c -> c.tier() == Role.Tier.SCHOOL && schoolId.equals(c.schoolId()))
        .isPresent();
    return snapshots.latestForPeriod(schoolId, periodId).stream()
        .map(s -> !ownSchool && SmallCells.suppressed(sensitive.contains(s.indicatorCode()), s.numerator(), s.denominator())
            ? new SnapshotResponse(s.indicatorCode(), s.periodId(), null, null, null, true, s.version(), s.asOf())
            : new SnapshotResponse(s.indicatorCode(), s.periodId(), s.numerator(), s.denominator(),
                s.figure().rate(), false, s.version(), s.asOf()))
        .toList();
  }
}
