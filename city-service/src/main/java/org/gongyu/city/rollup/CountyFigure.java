package org.gongyu.city.rollup;

import java.time.Instant;
import org.gongyu.contracts.indicator.Rollup;

/**
 * A known county's latest rollup for one indicator and period.
 *
 * @param schoolsOnTime reporting schools on time; null while the county has set no deadline
 * @param deadline      the county's deadline for the period, null if none
 * @param signOffs      its counts of sign-offs, null when its rollup predates them
 */
record CountyFigure(String countyId, long version, Rollup rollup, Integer schoolsOnTime, Instant deadline, SignOffs signOffs) {

  /** A county rollup of a period without a deadline. */
  CountyFigure(String countyId, long version, Rollup rollup) {
    this(countyId, version, rollup, null, null, null);
  }

  /** A county rollup without sign-off counts. */
  CountyFigure(String countyId, long version, Rollup rollup, Integer schoolsOnTime, Instant deadline) {
    this(countyId, version, rollup, schoolsOnTime, deadline, null);
  }

  /**
   * A county's sign-offs of the period (ADR 0019).
   *
   * @param signedOff       in force
   * @param signedOffOnTime in force and made by the deadline; null without one
   * @param approved        approved by the county
   */
  record SignOffs(int signedOff, Integer signedOffOnTime, int approved) {

    /** From the three nullable columns or event fields: null when the county did not send them. */
    static SignOffs of(Integer signedOff, Integer signedOffOnTime, Integer approved) {
      return signedOff == null || approved == null ? null : new SignOffs(signedOff, signedOffOnTime, approved);
    }
  }

  boolean hasDeadline() {
    return deadline != null;
  }
}
