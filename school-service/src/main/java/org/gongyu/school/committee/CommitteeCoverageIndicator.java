package org.gongyu.school.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.stereotype.Component;

/**
 * {@code COMMITTEE_COVERAGE} per semester, the state on the semester's last day: 1/1 if a SCHOOL-level
 * committee is in term that day ({@code foundedOn ≤ day < termEndsOn}, not dissolved on or before it),
 * else 0/1.
 */
@Component
class CommitteeCoverageIndicator implements IndicatorDerivation {

  private final ParentCommittees committees;
  private final CityCalendar calendar;

  CommitteeCoverageIndicator(ParentCommittees committees, CityCalendar calendar) {
    this.committees = committees;
    this.calendar = calendar;
  }

  /** What the figure needs of a committee. */
  record Term(CommitteeRequest.Level level, LocalDate foundedOn, LocalDate termEndsOn, LocalDate dissolvedOn, String classId) {

    Term(CommitteeRequest.Level level, LocalDate foundedOn, LocalDate termEndsOn, LocalDate dissolvedOn) {
      this(level, foundedOn, termEndsOn, dissolvedOn, null);
    }

    boolean inTermOn(LocalDate day) {
      return !foundedOn.isAfter(day) && day.isBefore(termEndsOn) && (dissolvedOn == null || dissolvedOn.isAfter(day));
    }
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.COMMITTEE_COVERAGE;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SEMESTER;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    return figure(committees.terms(schoolId), period.endExclusive(calendar.calendar()).minusDays(1));
  }

  /** The rule itself, on the semester's last day. */
  static Figure figure(List<Term> committees, LocalDate lastDay) {
    boolean covered = committees.stream()
        .anyMatch(c -> c.level() == CommitteeRequest.Level.SCHOOL && c.inTermOn(lastDay));
    return new Figure(covered ? 1 : 0, 1);
  }
}
