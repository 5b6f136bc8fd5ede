package org.gongyu.city.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.chassis.assessment.UnitFigures;
import org.gongyu.contracts.indicator.Figure;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The counties' figures as the city holds them: the latest county rollup per (county, indicator,
 * period), summed over the periods asked for. Only the city's own counties.
 */
final class CountyFigures implements UnitFigures {

  private final JdbcClient jdbc;
  private final String cityId;

  CountyFigures(JdbcClient jdbc, String cityId) {
    this.jdbc = jdbc;
    this.cityId = cityId;
  }

  @Override
  public Map<String, Figure> sum(String indicatorCode, List<String> periodIds) {
    Map<String, Figure> figures = new HashMap<>();
    jdbc.sql("""
            select r.county_id, sum(r.numerator), sum(r.denominator)
            from county_rollup r join county c on c.id = r.county_id
            where c.city_id = :city and r.indicator_code = :code and r.period_id in (:periods)
            group by r.county_id
            """)
        .param("city", cityId).param("code", indicatorCode).param("periods", periodIds)
        .query(rs -> {
          figures.put(rs.getString(1), new Figure(rs.getLong(2), rs.getLong(3)));
        });
    return figures;
  }
}
