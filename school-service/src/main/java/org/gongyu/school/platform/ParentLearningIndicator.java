package org.gongyu.school.platform;

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
    // per-day counts (V34): at most one row per day of the year, whatever the school's size. The
    // period's bounds are day starts in the city's zone, so the days [start, end) hold exactly the
    // activities (registrations) of [start, end).
    java.sql.Date start = java.sql.Date.valueOf(period.start(calendar.calendar()));
    java.sql.Date end = java.sql.Date.valueOf(calendar.dayOf(endExclusive));
    long activities = jdbc.sql("select coalesce(sum(activities), 0) from learning_daily where school_id = ? and day >= ? and day < ?")
        .params(schoolId, start, end)
        .query(Long.class)
        .single();
    // the year's guardians by the day of their earliest registration (V34, registration.RegistrationCounts)
    long guardians = jdbc.sql("""
            select coalesce(sum(guardians), 0) from registration_daily
            where school_id = ? and school_year = ? and day < ?
            """)
        .params(schoolId, period.id(), end)
        .query(Long.class)
        .single();
    return new Figure(activities, guardians);
  }
}
