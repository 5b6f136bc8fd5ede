package org.gongyu.school.indicators;

import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;

/**
 * How one indicator is computed from a school's own records. Implemented by the feature that owns
 * the records, so this package knows no record tables.
 */
public interface IndicatorDerivation {

  /** The catalogue code this derivation computes. */
  String indicatorCode();

  /** The period type the indicator is evaluated in (as the city's catalogue defines it). */
  PeriodType periodType();

  /**
   * The school's figure for a period of {@link #periodType()}, counting only what happened before
   * {@code endExclusive} (the period's end).
   */
  Figure derive(String schoolId, Period period, Instant endExclusive);
}
