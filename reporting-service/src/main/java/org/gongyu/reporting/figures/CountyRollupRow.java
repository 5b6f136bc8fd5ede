package org.gongyu.reporting.figures;

import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;

/**
 * The latest rollup a county published for one indicator and period. {@code schoolsOnTime} and
 * {@code deadline} are null while the county has set no deadline for the period. The sign-off
 * counts (ADR 0019: {@code schoolsSignedOff} in force, {@code schoolsSignedOffOnTime} by the
 * deadline, {@code schoolsApproved}) are null in a rollup published before sign-offs existed; on
 * time is null without a deadline too.
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
    Instant deadline,
    Integer schoolsSignedOff,
    Integer schoolsSignedOffOnTime,
    Integer schoolsApproved) {

  public Rollup rollup() {
    return new Rollup(new Figure(numerator, denominator), schoolsReporting, schoolsExpected, schoolsMeetingTarget);
  }
}
