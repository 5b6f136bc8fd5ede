package org.gongyu.contracts.indicator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A target and its comparator. For {@link IndicatorKind#RATIO} and {@link IndicatorKind#PER_CAPITA}
 * the value is the rate (0.60 for 60 %, 4 for four sessions per parent); for {@link
 * IndicatorKind#COUNT} it is the count itself.
 */
public record Target(IndicatorKind kind, BigDecimal value, TargetComparator comparator) {

  public Target {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(comparator, "comparator");
  }

  /**
   * Whether a figure meets the target. Compared exactly (numerator against value × denominator),
   * so 0.6 of 5 meets 60 % without rounding. A rate with nothing to divide by meets nothing.
   */
  public boolean isMetBy(Figure figure) {
    BigDecimal achieved;
    BigDecimal required;
    if (kind == IndicatorKind.COUNT) {
      achieved = BigDecimal.valueOf(figure.numerator());
      required = value;
    } else {
      if (figure.denominator() == 0) {
        return false;
      }
      achieved = BigDecimal.valueOf(figure.numerator());
      required = value.multiply(BigDecimal.valueOf(figure.denominator()));
    }
    int cmp = achieved.compareTo(required);
    return comparator == TargetComparator.AT_LEAST ? cmp >= 0 : cmp <= 0;
  }
}
