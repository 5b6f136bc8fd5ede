package org.gongyu.school.consultation;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code CONSULTATION_RESOLUTION} per school year: cases opened in the year and resolved on or before
 * its last day / cases opened in the year. A case resolved after the year ended stays unresolved for
 * that year (and counts for no other year, since it was not opened in one).
 */
@Component
class ConsultationResolutionIndicator implements IndicatorDerivation {

  private final JdbcClient jdbc;
  private final CityCalendar calendar;

  ConsultationResolutionIndicator(JdbcClient jdbc, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** What the figure needs of a case. */
  record CaseDates(LocalDate openedOn, boolean resolved, LocalDate resolvedOn) {}

  @Override
  public String indicatorCode() {
    return IndicatorCodes.CONSULTATION_RESOLUTION;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SCHOOL_YEAR;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    LocalDate start = period.start(calendar.calendar());
    LocalDate end = period.endExclusive(calendar.calendar());
    List<CaseDates> cases = jdbc.sql("""
            select opened_on, status = 'RESOLVED', resolved_on from consultation_case
            where school_id = ? and opened_on >= ? and opened_on < ?
            """)
        .params(schoolId, Date.valueOf(start), Date.valueOf(end))
        .query((rs, n) -> new CaseDates(rs.getDate(1).toLocalDate(), rs.getBoolean(2),
            rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
        .list();
    return figure(cases, start, end);
  }

  /** The rule itself: of the cases opened in [start, end), those resolved before {@code end}. */
  static Figure figure(List<CaseDates> cases, LocalDate start, LocalDate end) {
    long opened = 0;
    long resolved = 0;
    for (CaseDates c : cases) {
      if (c.openedOn().isBefore(start) || !c.openedOn().isBefore(end)) {
        continue;
      }
      opened++;
      if (c.resolved() && c.resolvedOn() != null && c.resolvedOn().isBefore(end)) {
        resolved++;
      }
    }
    return new Figure(resolved, opened);
  }
}
