package org.gongyu.reporting.figures;

import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;

/** The latest rollup a city published for one indicator and period. */
public record CityRollupRow(
    String cityId,
    String cityName,
    long numerator,
    long denominator,
    int countiesReporting,
    int countiesExpected,
    int schoolsReporting,
    int schoolsExpected,
    int schoolsMeetingTarget,
    long version,
    Instant asOf) {

  public Rollup rollup() {
    return new Rollup(new Figure(numerator, denominator), schoolsReporting, schoolsExpected, schoolsMeetingTarget);
  }
}
