package org.gongyu.reporting.figures;

import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;

/**
 * The latest rollup a city published for one indicator and period. {@code schoolsOnTime} and
 * {@code schoolsUnderDeadline} (schools expected in the counties that set a deadline) are null
 * when no county set one. The sign-off counts (ADR 0019) are the sums over the counties whose
 * rollups carry them, null when none does; {@code schoolsSignedOffOnTime} counts only the counties
 * with a deadline (its base is {@code schoolsUnderDeadline}).
 */
public record CityRollupRow(
    String cityId,
    String cityName,
    String periodId,
    long numerator,
    long denominator,
    int countiesReporting,
    int countiesExpected,
    int schoolsReporting,
    int schoolsExpected,
    int schoolsMeetingTarget,
    long version,
    Instant asOf,
    Integer schoolsOnTime,
    Integer schoolsUnderDeadline,
    Integer schoolsSignedOff,
    Integer schoolsSignedOffOnTime,
    Integer schoolsApproved) {

  public Rollup rollup() {
    return new Rollup(new Figure(numerator, denominator), schoolsReporting, schoolsExpected, schoolsMeetingTarget);
  }
}
