package org.gongyu.city.catalogue;

import java.math.BigDecimal;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.PeriodType;

/** A stored {@code indicator_definition} row. */
record IndicatorDefinitionRow(
    String code,
    String nameZh,
    String nameEn,
    IndicatorKind kind,
    PeriodType periodType,
    BigDecimal target,
    TargetComparator comparator,
    boolean sensitive,
    long version,
    long publishedVersion) {}
