package org.gongyu.contracts.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.gongyu.contracts.period.Period;

/**
 * One step of an indicator's target schedule: from {@code fromPeriod} on (until a later step), the
 * target is {@code value}. A {@code null} value means no fixed target ("rising"): nothing is judged
 * met or not met. A target set for a coming period never changes a period that has started.
 *
 * @param fromPeriod first period (of the indicator's period type) the value applies to
 * @param value      the target value, or {@code null} for none
 */
public record PeriodTarget(String fromPeriod, BigDecimal value) {

  public PeriodTarget {
    Objects.requireNonNull(fromPeriod, "fromPeriod");
    if (value != null && value.signum() < 0) {
      throw new IllegalArgumentException("a target cannot be negative: " + value);
    }
  }

  /**
   * The target that applies to {@code period}: the step with the latest {@code fromPeriod} not after
   * it. {@code null} when no step applies yet or that step has no value.
   */
  public static Target forPeriod(List<PeriodTarget> schedule, IndicatorKind kind, TargetComparator comparator, Period period) {
    PeriodTarget applies = null;
    Period appliesFrom = null;
    for (PeriodTarget step : schedule) {
      Period from = Period.parse(period.type(), step.fromPeriod());
      if (from.compareTo(period) <= 0 && (appliesFrom == null || from.compareTo(appliesFrom) > 0)) {
        applies = step;
        appliesFrom = from;
      }
    }
    return applies == null || applies.value() == null ? null : new Target(kind, applies.value(), comparator);
  }
}
