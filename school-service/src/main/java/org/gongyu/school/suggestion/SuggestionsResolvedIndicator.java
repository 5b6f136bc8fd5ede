package org.gongyu.school.suggestion;

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
 * {@code SUGGESTIONS_RESOLVED} per school year: suggestions received in the year and resolved on or
 * before its last day / suggestions received in the year.
 */
@Component
class SuggestionsResolvedIndicator implements IndicatorDerivation {

  private final JdbcClient jdbc;
  private final CityCalendar calendar;

  SuggestionsResolvedIndicator(JdbcClient jdbc, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** What the figure needs of a suggestion. */
  record Dates(LocalDate receivedOn, LocalDate resolvedOn) {}

  @Override
  public String indicatorCode() {
    return IndicatorCodes.SUGGESTIONS_RESOLVED;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SCHOOL_YEAR;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    LocalDate start = period.start(calendar.calendar());
    LocalDate end = period.endExclusive(calendar.calendar());
    List<Dates> received = jdbc.sql("""
            select received_on, case when status = 'RESOLVED' then resolved_on end from parent_suggestion
            where school_id = ? and received_on >= ? and received_on < ?
            """)
        .params(schoolId, Date.valueOf(start), Date.valueOf(end))
        .query((rs, n) -> new Dates(rs.getDate(1).toLocalDate(), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()))
        .list();
    return figure(received, start, end);
  }

  /** The rule itself: of the suggestions received in [start, end), those resolved before {@code end}. */
  static Figure figure(List<Dates> suggestions, LocalDate start, LocalDate end) {
    long received = 0;
    long resolved = 0;
    for (Dates s : suggestions) {
      if (s.receivedOn().isBefore(start) || !s.receivedOn().isBefore(end)) {
        continue;
      }
      received++;
      if (s.resolvedOn() != null && s.resolvedOn().isBefore(end)) {
        resolved++;
      }
    }
    return new Figure(resolved, received);
  }
}
