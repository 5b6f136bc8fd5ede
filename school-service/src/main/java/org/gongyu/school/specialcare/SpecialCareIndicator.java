package org.gongyu.school.specialcare;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code SPECIAL_CARE} per semester, as the register stood on the semester's last day. */
@Component
class SpecialCareIndicator implements IndicatorDerivation {

  private final JdbcClient jdbc;
  private final CityCalendar calendar;

  SpecialCareIndicator(JdbcClient jdbc, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.SPECIAL_CARE;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SEMESTER;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    LocalDate lastDay = calendar.dayOf(endExclusive).minusDays(1);
    var entries = jdbc.sql("""
            select registered_on, care_file_on, assistance_plan_on, closed_on from special_student
            where school_id = ? and registered_on <= ? and (closed_on is null or closed_on > ?)
            """)
        .params(schoolId, Date.valueOf(lastDay), Date.valueOf(lastDay))
        .query((rs, n) -> new SpecialCareFigures.Entry(day(rs.getDate(1)), day(rs.getDate(2)), day(rs.getDate(3)), day(rs.getDate(4))))
        .list();
    return SpecialCareFigures.onDay(entries, lastDay);
  }

  private static LocalDate day(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
