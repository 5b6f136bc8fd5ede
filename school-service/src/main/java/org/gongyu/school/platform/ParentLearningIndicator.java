package org.gongyu.school.platform;

import java.sql.Timestamp;
import java.time.Instant;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code PARENT_LEARNING_PER_CAPITA} per school year: learning activities that occurred in the
 * year / distinct guardians registered on the platform (for students of the year's classes) before
 * the year ended.
 */
@Component
class ParentLearningIndicator implements IndicatorDerivation {

  private final JdbcClient jdbc;
  private final CityCalendar calendar;

  ParentLearningIndicator(JdbcClient jdbc, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.PARENT_LEARNING_PER_CAPITA;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SCHOOL_YEAR;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    Timestamp start = Timestamp.from(calendar.startOf(period));
    Timestamp end = Timestamp.from(endExclusive);
    long activities = jdbc.sql("select count(*) from platform_learning where school_id = ? and occurred_at >= ? and occurred_at < ?")
        .params(schoolId, start, end)
        .query(Long.class)
        .single();
    // the year's guardian tally (V19, registration.RegistrationTallies): one row per guardian
    long guardians = jdbc.sql("""
            select count(*) from registered_guardian
            where school_id = ? and school_year = ? and first_registered_at < ?
            """)
        .params(schoolId, period.id(), end)
        .query(Long.class)
        .single();
    return new Figure(activities, guardians);
  }
}
