package org.gongyu.reporting.report;

import java.util.List;

/**
 * The city scorecard for {@code periodId}: per catalogue indicator, its own period containing
 * {@code periodId}'s first day, the city's rollup and every known county's. {@code cityDirect}: the
 * id of the city's unit of city-direct schools (市直学校, ADR 0027) among the counties' cells, null
 * when the city has none; the page labels its line and does not count it as a county.
 */
public record CityScorecard(String periodId, List<IndicatorLine> indicators, String cityDirect) {

  public CityScorecard(String periodId, List<IndicatorLine> indicators) {
    this(periodId, indicators, null);
  }

  /** One indicator: its period, the city's cell ({@code id} null while the city has published none) and the counties'. */
  public record IndicatorLine(IndicatorView indicator, String periodId, RollupCell city, List<RollupCell> counties) {}
}
