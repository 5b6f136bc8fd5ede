package org.gongyu.school.consultation;

import java.sql.Date;
import java.time.Instant;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code CONSULTATION_OUTREACH} per school year: distinct students of the year's classes whose family
 * received the consultation-service information on a day of the year / Σ enrolment of those classes.
 */
@Component
class ConsultationOutreachIndicator implements IndicatorDerivation {

  private final JdbcClient jdbc;
  private final SchoolClasses classes;
  private final CityCalendar calendar;

  ConsultationOutreachIndicator(JdbcClient jdbc, SchoolClasses classes, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.classes = classes;
    this.calendar = calendar;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.CONSULTATION_OUTREACH;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SCHOOL_YEAR;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    String year = period.id();
    long reached = jdbc.sql("""
            select count(distinct o.student_key) from consultation_outreach o
            join school_class c on c.school_id = o.school_id and c.class_id = o.class_id
            where o.school_id = ? and c.school_year = ? and o.delivered_on >= ? and o.delivered_on < ?
            """)
        .params(schoolId, year, Date.valueOf(period.start(calendar.calendar())),
            Date.valueOf(period.endExclusive(calendar.calendar())))
        .query(Long.class)
        .single();
    return new Figure(reached, classes.totalEnrolment(schoolId, year));
  }
}
