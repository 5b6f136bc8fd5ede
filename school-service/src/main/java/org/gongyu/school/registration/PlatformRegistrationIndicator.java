package org.gongyu.school.registration;

import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.Semester;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.stereotype.Component;

/**
 * {@code PLATFORM_REGISTRATION}: students of the school year's classes with at least one guardian
 * registered before the semester ended / students enrolled in those classes.
 */
@Component
class PlatformRegistrationIndicator implements IndicatorDerivation {

  private final RegistrationCounts counts;
  private final SchoolClasses classes;

  PlatformRegistrationIndicator(RegistrationCounts counts, SchoolClasses classes) {
    this.counts = counts;
    this.classes = classes;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.PLATFORM_REGISTRATION;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SEMESTER;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    Semester semester = period.asSemester();
    // the year's students by the day of their earliest registration (V34, RegistrationCounts): one row per day, not per student
    long registered = counts.countBefore(schoolId, semester.schoolYear(), endExclusive, false);
    return new Figure(registered, classes.totalEnrolment(schoolId, semester.schoolYear()));
  }
}
