package org.gongyu.school.homevisit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code VISIT_FILES} per semester. */
@Component
class VisitFilesIndicator implements IndicatorDerivation {
  private final JdbcClient jdbc;
  private final CityCalendar calendar;

  VisitFilesIndicator(JdbcClient jdbc, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.VISIT_FILES;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SEMESTER;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    LocalDate start = period.start(calendar.calendar());
    LocalDate end = calendar.dayOf(endExclusive);
    List<HomeVisitFigures.Contact> visits = HomeVisitIndicators.contacts(jdbc, schoolId, start, end, true);
    Map<String, LocalDate> files = new java.util.HashMap<>();
    jdbc.sql("""
            select f.student_key, f.opened_on from home_visit_file f
            where f.school_id = ? and f.student_key in (
              select h.student_key from home_contact h
              where h.school_id = ? and h.mode = 'IN_HOME' and h.contact_date >= ? and h.contact_date < ?)
            """)
        .params(schoolId, schoolId, java.sql.Date.valueOf(start), java.sql.Date.valueOf(end))
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getDate(2).toLocalDate()))
        .list()
        .forEach(e -> files.put(e.getKey(), e.getValue()));
    return HomeVisitFigures.visitFiles(visits, files, start, end);
  }
}
