package org.gongyu.district.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.chassis.assessment.UnitFigures;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.district.rollup.XuequRollups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A 学区's figures as its scorecard shows them ({@link XuequRollups}: the county's rules over the
 * schools whose membership on each period's first day names the 学区, only those the indicator
 * applies to), summed over the periods asked for. The assessment and the 学区 page so never disagree.
 */
@Component
class RollupXuequFigures implements XuequFigures {

  private final XuequRollups rollups;
  private final JdbcClient jdbc;

  RollupXuequFigures(XuequRollups rollups, JdbcClient jdbc) {
    this.rollups = rollups;
    this.jdbc = jdbc;
  }

  @Override
  public UnitFigures of(String countyId) {
    return (indicatorCode, periodIds) -> sum(countyId, indicatorCode, periodIds);
  }

  private Map<String, Figure> sum(String countyId, String indicatorCode, List<String> periodIds) {
    List<String> xuequ = jdbc.sql("select id from xuequ where county_id = ? order by id").param(countyId).query(String.class).list();
    Map<String, Figure> figures = new HashMap<>();
    for (String xuequId : xuequ) {
      for (String periodId : periodIds) {
        // a period in which no school of the 学区 reported is no data (an explained zero), not 0/0
        rollups.figures(countyId, xuequId, indicatorCode, periodId).filter(f -> f.rollup().schoolsReporting() > 0)
            .ifPresent(f -> figures.merge(xuequId, f.rollup().figure(), Figure::plus));
      }
    }
    return figures;
  }
}
