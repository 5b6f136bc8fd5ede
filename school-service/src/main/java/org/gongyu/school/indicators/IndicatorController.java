package org.gongyu.school.indicators;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The school's own latest figures, as it published them. */
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

  @GetMapping("/api/school/schools/{schoolId}/indicators/{periodId}")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  List<SnapshotResponse> latest(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId, @PathVariable String periodId) {
    try {
      calendar.parse(periodId);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("periodId: " + e.getMessage());
    }
    registry.require(schoolId);
    return snapshots.latestForPeriod(schoolId, periodId).stream()
        .map(s -> new SnapshotResponse(s.indicatorCode(), s.periodId(), s.numerator(), s.denominator(),
            s.figure().rate(), s.version(), s.asOf()))
        .toList();
  }
}
