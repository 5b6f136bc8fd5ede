package org.gongyu.school.registration;

import java.sql.Timestamp;
import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.Semester;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code PLATFORM_REGISTRATION}: students of the school year's classes with at least one guardian
 * registered before the semester ended / students enrolled in those classes.
 */
@Component
class PlatformRegistrationIndicator implements IndicatorDerivation {

  private final JdbcClient jdbc;
  private final SchoolClasses classes;

  PlatformRegistrationIndicator(JdbcClient jdbc, SchoolClasses classes) {
    this.jdbc = jdbc;
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
    // the year's tally (V19, RegistrationTallies): one row per student, read from its key's index
    long registered = jdbc.sql("""
            select count(*) from registered_student
            where school_id = ? and school_year = ? and first_registered_at < ?
            """)
        .params(schoolId, semester.schoolYear(), Timestamp.from(endExclusive))
        .query(Long.class)
        .single();
    return new Figure(registered, classes.totalEnrolment(schoolId, semester.schoolYear()));
  }
}
