package org.gongyu.reporting.figures;

import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;

/**
 * The latest rollup a county published for one indicator and period. {@code schoolsOnTime} and
 * {@code deadline} are null while the county has set no deadline for the period.
 */
public record CountyRollupRow(
    String countyId,
    String periodId,
    long numerator,
    long denominator,
    int schoolsReporting,
    int schoolsExpected,
    int schoolsMeetingTarget,
    long version,
    Instant asOf,
    Integer schoolsOnTime,
    Instant deadline) {

  public Rollup rollup() {
    return new Rollup(new Figure(numerator, denominator), schoolsReporting, schoolsExpected, schoolsMeetingTarget);
  }
}
