package org.gongyu.school.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.stereotype.Component;

/**
 * {@code CLASS_COMMITTEE_COVERAGE} per semester (seeds reading 13's secondary measure), the state on
 * the semester's last day like {@code COMMITTEE_COVERAGE}: the classes of the semester's school year
 * with a CLASS committee in term that day / the classes of that school year (0/0 without classes).
 */
@Component
class ClassCommitteeCoverageIndicator implements IndicatorDerivation {

  private final ParentCommittees committees;
  private final SchoolClasses classes;
  private final CityCalendar calendar;

  ClassCommitteeCoverageIndicator(ParentCommittees committees, SchoolClasses classes, CityCalendar calendar) {
    this.committees = committees;
    this.classes = classes;
    this.calendar = calendar;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.CLASS_COMMITTEE_COVERAGE;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SEMESTER;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    String year = period.asSemester().schoolYear();
    List<String> classIds = classes.list(schoolId).stream().filter(c -> c.schoolYear().equals(year))
        .map(SchoolClasses.SchoolClass::classId).toList();
    return figure(committees.terms(schoolId), classIds, period.endExclusive(calendar.calendar()).minusDays(1));
  }

  /** The rule itself: the classes among {@code classIds} with a class committee in term on {@code lastDay}. */
  static Figure figure(List<CommitteeCoverageIndicator.Term> committees, Collection<String> classIds, LocalDate lastDay) {
    Set<String> covered = committees.stream()
        .filter(c -> c.level() == CommitteeRequest.Level.CLASS && c.inTermOn(lastDay))
        .map(CommitteeCoverageIndicator.Term::classId)
        .collect(Collectors.toSet());
    Set<String> all = Set.copyOf(classIds);
    return new Figure(all.stream().filter(covered::contains).count(), all.size());
  }
}
