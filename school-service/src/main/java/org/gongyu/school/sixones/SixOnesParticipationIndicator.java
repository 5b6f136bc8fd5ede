package org.gongyu.school.sixones;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code SIX_ONES_PARTICIPATION} per school year. */
@Component
class SixOnesParticipationIndicator implements IndicatorDerivation {

  private final JdbcClient jdbc;
  private final SchoolClasses classes;
  private final CityCalendar calendar;

  SixOnesParticipationIndicator(JdbcClient jdbc, SchoolClasses classes, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.classes = classes;
    this.calendar = calendar;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.SIX_ONES_PARTICIPATION;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SCHOOL_YEAR;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    String year = period.id();
    LocalDate start = period.start(calendar.calendar());
    LocalDate end = calendar.dayOf(endExclusive);
    var participations = jdbc.sql("""
            select p.student_key, c.school_year, p.activity_date
            from six_ones_participation p join school_class c on c.school_id = p.school_id and c.class_id = p.class_id
            where p.school_id = ? and p.activity_date >= ? and p.activity_date < ?
            """)
        .params(schoolId, Date.valueOf(start), Date.valueOf(end))
        .query((rs, n) -> new SixOnesFigures.Participation(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()))
        .list();
    return SixOnesFigures.participation(participations, year, start, end, classes.totalEnrolment(schoolId, year));
  }
}
