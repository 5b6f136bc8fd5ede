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
 * {@code RESOURCES_RECOMMENDED} per calendar year (in the city's zone): distinct resources
 * recommended to the school's parents in the year, over 1.
 */
@Component
class ResourcesRecommendedIndicator implements IndicatorDerivation {

  private final JdbcClient jdbc;
  private final CityCalendar calendar;

  ResourcesRecommendedIndicator(JdbcClient jdbc, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.RESOURCES_RECOMMENDED;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.CALENDAR_YEAR;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    // distinct in a subquery: PostgreSQL hashes the keys instead of sorting them as count(distinct)
    // does, half the time at ~12,000 registrations a school year (issue 16, school-service README)
    long resources = jdbc.sql("""
            select count(*) from (select distinct resource_id from platform_recommendation
            where school_id = ? and recommended_at >= ? and recommended_at < ?) resources
            """)
        .params(schoolId, Timestamp.from(calendar.startOf(period)), Timestamp.from(endExclusive))
        .query(Long.class)
        .single();
    return new Figure(resources, 1);
  }
}
