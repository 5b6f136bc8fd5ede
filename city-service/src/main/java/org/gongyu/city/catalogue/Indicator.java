package org.gongyu.city.catalogue;

import java.util.List;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.PeriodType;

/**
 * A catalogue entry as stored: the definition and its whole target schedule, ordered by period.
 *
 * @param schoolTypes registry school types the indicator applies to; empty = all
 * @param version     the definition version, one more for every change (of the schedule too)
 */
record Indicator(
    String code,
    String nameZh,
    String nameEn,
    IndicatorKind kind,
    PeriodType periodType,
    TargetComparator comparator,
    boolean sensitive,
    List<String> schoolTypes,
    List<TargetStep> targets,
    long version) {

  Indicator {
    schoolTypes = List.copyOf(schoolTypes);
    targets = List.copyOf(targets);
  }

  /** The event that announces this version: everything, with the full schedule. */
  IndicatorDefined toEvent() {
    return new IndicatorDefined(code, nameZh, nameEn, kind, periodType, comparator, sensitive, schoolTypes,
        targets.stream().map(t -> new PeriodTarget(t.fromPeriod(), t.value())).toList(), version);
  }
}
