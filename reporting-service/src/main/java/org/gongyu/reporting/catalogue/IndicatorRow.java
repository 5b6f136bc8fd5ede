package org.gongyu.reporting.catalogue;

import java.util.List;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;

/**
 * A stored catalogue entry: the latest {@code IndicatorDefined} (v2) version with its whole target
 * schedule. {@code schoolTypes} empty = every school type.
 */
public record IndicatorRow(
    String code,
    String nameZh,
    String nameEn,
    IndicatorKind kind,
    PeriodType periodType,
    TargetComparator comparator,
    boolean sensitive,
    List<String> schoolTypes,
    List<PeriodTarget> targets,
    long version) {

  public IndicatorRow {
    schoolTypes = List.copyOf(schoolTypes);
    targets = List.copyOf(targets);
  }

  /** The target of a period of this indicator's type, or {@code null} when none is set for it. */
  public Target targetFor(Period period) {
    return comparator == null ? null : PeriodTarget.forPeriod(targets, kind, comparator, period);
  }

  /** Whether the indicator applies to a school of this type (an unknown type: only if it applies to all). */
  public boolean appliesTo(String schoolType) {
    return schoolTypes.isEmpty() || schoolTypes.contains(schoolType);
  }

  /**
   * Whether schools report this indicator: a {@link IndicatorKind#UNIT_COUNT} (titles) is held by
   * the county as a whole, so no school can be missing or late for it.
   */
  public boolean reportedBySchools() {
    return kind != IndicatorKind.UNIT_COUNT;
  }
}
