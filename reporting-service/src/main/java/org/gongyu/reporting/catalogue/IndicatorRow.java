package org.gongyu.reporting.catalogue;

import java.math.BigDecimal;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.indicator.TargetComparator;

/**
 * A stored catalogue entry: the latest {@code IndicatorDefined} version. {@code target} and
 * {@code comparator} are null when the city set no target.
 */
public record IndicatorRow(
    String code,
    String nameZh,
    String nameEn,
    IndicatorKind kind,
    BigDecimal target,
    TargetComparator comparator,
    boolean sensitive,
    long version) {

  /** The target figures are judged against, or {@code null} when the city set none. */
  public Target targetOrNull() {
    return target == null || comparator == null ? null : new Target(kind, target, comparator);
  }
}
