package org.gongyu.contracts.city.v2;

import java.util.List;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;

/**
 * A catalogue entry as the city currently defines it, with its whole target schedule. Consumers
 * keep the highest version per code; since a version carries the full schedule, the order versions
 * arrive in does not matter. Replaces {@code city.v1.IndicatorDefined}, whose single target could
 * not be absent nor differ per period.
 *
 * @param code        stable indicator code
 * @param nameZh      Chinese name
 * @param nameEn      English name
 * @param kind        how figures are formed and rolled up
 * @param periodType  the period the indicator is evaluated in
 * @param comparator  which side of a target meets it
 * @param sensitive   whether counts below 5 are suppressed above the school tier
 * @param schoolTypes the school types it applies to (registry school types); empty means all
 * @param targets     the target schedule, ordered by period; see {@link PeriodTarget}
 * @param version     strictly increasing per code, from 1
 */
public record IndicatorDefined(
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

  public IndicatorDefined {
    schoolTypes = schoolTypes == null ? List.of() : List.copyOf(schoolTypes);
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  /** The target for a period of this indicator's type, or {@code null} if none is set. */
  public Target targetFor(Period period) {
    return PeriodTarget.forPeriod(targets, kind, comparator, period);
  }

  /** Whether the indicator applies to a school of this type. */
  public boolean appliesTo(String schoolType) {
    return schoolTypes.isEmpty() || schoolTypes.contains(schoolType);
  }
}
