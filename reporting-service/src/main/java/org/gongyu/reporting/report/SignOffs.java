package org.gongyu.reporting.report;

import java.math.BigDecimal;

/**
 * The sign-offs (完成上报, ADR 0019) of a county's or the city's schools for the period, as the
 * unit's latest rollup counts them; in a report, null while that rollup predates sign-offs. Beside
 * the snapshot-based {@code completeness} and {@code timeliness}, which count schools that
 * published figures, these count schools that vouched for them.
 *
 * @param signedOff       expected schools whose sign-off of the period is in force (signed off or
 *                        approved, not returned or reopened)
 * @param signedOffOnTime those of them that signed off by the county's deadline; null without a
 *                        deadline (for the city: summed over the counties that set one)
 * @param approved        schools whose sign-off their county approved; null if the rollup did not say
 * @param completeness    {@code signedOff} / schools expected, to four decimals; null with none expected
 * @param timeliness      {@code signedOffOnTime} / schools expected (for the city: schools under a
 *                        deadline), to four decimals; null without a deadline
 */
public record SignOffs(
    int signedOff,
    Integer signedOffOnTime,
    Integer approved,
    BigDecimal completeness,
    BigDecimal timeliness) {}
