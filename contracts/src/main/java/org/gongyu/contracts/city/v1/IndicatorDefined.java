package org.gongyu.contracts.city.v1;

import java.math.BigDecimal;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.PeriodType;

/**
 * A catalogue entry as the city currently defines it. Consumers keep the highest version per code.
 *
 * @param code       stable indicator code
 * @param nameZh     Chinese name
 * @param nameEn     English name
 * @param kind       how figures are formed and rolled up
 * @param periodType the period the indicator is evaluated in
 * @param target     target value (a rate such as 0.60, or a count)
 * @param comparator which side of the target meets it
 * @param sensitive  whether counts below 5 are suppressed above the school tier
 * @param version    strictly increasing per code, from 1
 */
public record IndicatorDefined(
    String code,
    String nameZh,
    String nameEn,
    IndicatorKind kind,
    PeriodType periodType,
    BigDecimal target,
    TargetComparator comparator,
    boolean sensitive,
    long version) {}
