package org.gongyu.reporting.figures;

import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;

/** The latest snapshot a school published for one indicator and period. */
public record SchoolSnapshotRow(String schoolId, long numerator, long denominator, long version, Instant asOf) {

  public Figure figure() {
    return new Figure(numerator, denominator);
  }
}
