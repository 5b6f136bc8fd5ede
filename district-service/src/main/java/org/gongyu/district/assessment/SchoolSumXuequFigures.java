package org.gongyu.district.assessment;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.chassis.assessment.UnitFigures;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A 学区's figure summed from the latest snapshots of the schools that belonged to it: for each
 * period, a school counts in the 学区 of its membership in force on the period's first day (as the
 * county rollup attributes it to a county), and only schools of this county count. Schools
 * without a 学区 count in none.
 */
@Component
class SchoolSumXuequFigures implements XuequFigures {

  /** The membership in force on :day: the latest from on or before it, else the first (as SchoolDirectory). */
  private static final String SUM = """
      select m.xuequ_id, sum(s.numerator), sum(s.denominator)
      from school_snapshot s
      join lateral (
        select mm.county_id, mm.xuequ_id from school_membership mm where mm.school_id = s.school_id
        order by (mm.from_day <= :day) desc, case when mm.from_day <= :day then mm.from_day end desc, mm.from_day
        limit 1) m on true
      where s.indicator_code = :code and s.period_id = :period
        and s.school_id in (select school_id from school_membership where county_id = :county)
        and m.county_id = :county and m.xuequ_id is not null
      group by m.xuequ_id
      """;

  private final JdbcClient jdbc;
  private final CityCalendar calendar;

  SchoolSumXuequFigures(JdbcClient jdbc, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  @Override
  public UnitFigures of(String countyId) {
    return (indicatorCode, periodIds) -> sum(countyId, indicatorCode, periodIds);
  }

  private Map<String, Figure> sum(String countyId, String indicatorCode, List<String> periodIds) {
    Map<String, Figure> figures = new HashMap<>();
    for (String periodId : periodIds) {
      LocalDate day = Period.parse(periodId).start(calendar.calendar());
      jdbc.sql(SUM).param("day", day).param("code", indicatorCode).param("period", periodId).param("county", countyId)
          .query(rs -> {
            figures.merge(rs.getString(1), new Figure(rs.getLong(2), rs.getLong(3)), Figure::plus);
          });
    }
    return figures;
  }
}
