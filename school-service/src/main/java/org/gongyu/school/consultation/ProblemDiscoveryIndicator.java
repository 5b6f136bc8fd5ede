package org.gongyu.school.consultation;

import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.stereotype.Component;

/**
 * {@code PROBLEM_DISCOVERY} per school year (seeds T10, 问题发现率): distinct students of the year's
 * classes with at least one consultation case opened on a day of the year (a family-education problem
 * the school found) / Σ enrolment of those classes. A withdrawn case has left the table and counts for
 * nothing; whether a case was resolved does not matter here (that is {@code CONSULTATION_RESOLUTION},
 * T10's other half).
 */
@Component
class ProblemDiscoveryIndicator implements IndicatorDerivation {

  private final StudentsOfTheYear students;

  ProblemDiscoveryIndicator(StudentsOfTheYear students) {
    this.students = students;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.PROBLEM_DISCOVERY;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SCHOOL_YEAR;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    return students.figure(StudentsOfTheYear.Source.CASES, schoolId, period);
  }
}
