package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The catalogue entry a report is about. {@code target} is the target of the report's period (of
 * the indicator's own type), null when the schedule sets none; {@code schoolTypes} empty = all.
 */
public record IndicatorView(
    String code,
    String nameZh,
    String nameEn,
    String kind,
    String periodType,
    String comparator,
    boolean sensitive,
    List<String> schoolTypes,
    BigDecimal target) {}
