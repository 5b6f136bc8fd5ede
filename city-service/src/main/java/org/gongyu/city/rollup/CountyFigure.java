package org.gongyu.city.rollup;

import java.time.Instant;
import org.gongyu.contracts.indicator.Rollup;

/**
 * A known county's latest rollup for one indicator and period.
 *
 * @param schoolsOnTime reporting schools on time; null while the county has set no deadline
 * @param deadline      the county's deadline for the period, null if none
 */
record CountyFigure(String countyId, long version, Rollup rollup, Integer schoolsOnTime, Instant deadline) {

  /** A county rollup of a period without a deadline. */
  CountyFigure(String countyId, long version, Rollup rollup) {
    this(countyId, version, rollup, null, null);
  }

  boolean hasDeadline() {
    return deadline != null;
  }
}
