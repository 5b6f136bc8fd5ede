package org.gongyu.reporting.report;

import java.util.List;

/**
 * The city scorecard for {@code periodId}: per catalogue indicator, its own period containing
 * {@code periodId}'s first day, the city's rollup and every known county's.
 */
public record CityScorecard(String periodId, List<IndicatorLine> indicators) {

  /** One indicator: its period, the city's cell ({@code id} null while the city has published none) and the counties'. */
  public record IndicatorLine(IndicatorView indicator, String periodId, RollupCell city, List<RollupCell> counties) {}
}
