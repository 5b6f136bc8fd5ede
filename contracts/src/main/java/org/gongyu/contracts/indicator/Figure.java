package org.gongyu.contracts.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A numerator and denominator. Rates are always computed from these, never averaged.
 *
 * @param numerator   count of units meeting the definition, never negative
 * @param denominator count of units in scope, never negative
 */
public record Figure(long numerator, long denominator) {

  public Figure {
    if (numerator < 0 || denominator < 0) {
      throw new IllegalArgumentException("figures cannot be negative: " + numerator + "/" + denominator);
    }
  }

  /** The rate to four decimals, or {@code null} when there is nothing to divide by. */
  public BigDecimal rate() {
    if (denominator == 0) {
      return null;
    }
    return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN);
  }

  public Figure plus(Figure other) {
    return new Figure(Math.addExact(numerator, other.numerator), Math.addExact(denominator, other.denominator));
  }
}
