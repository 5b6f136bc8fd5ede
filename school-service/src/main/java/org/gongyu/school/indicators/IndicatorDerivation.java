package org.gongyu.school.indicators;

import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Semester;

/**
 * How one indicator is computed from a school's own records. Implemented by the feature that owns
 * the records, so this package knows no record tables.
 */
public interface IndicatorDerivation {

  /** The catalogue code this derivation computes. */
  String indicatorCode();

  /**
   * The school's figure for a semester, counting only what happened before {@code endExclusive}.
   */
  Figure derive(String schoolId, Semester semester, Instant endExclusive);
}
