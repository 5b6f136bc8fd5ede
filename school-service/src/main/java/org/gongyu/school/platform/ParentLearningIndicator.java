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
    // distinct in a subquery: PostgreSQL hashes the keys instead of sorting them as count(distinct)
    // does, half the time at ~12,000 registrations a school year (issue 16, school-service README)
    long guardians = jdbc.sql("""
            select count(*) from (select distinct r.guardian_key from platform_registration r
            join school_class c on c.school_id = r.school_id and c.class_id = r.class_id
            where r.school_id = ? and c.school_year = ? and r.registered_at < ?) guardians
            """)
        .params(schoolId, period.id(), end)
        .query(Long.class)
        .single();
    return new Figure(activities, guardians);
  }
}
