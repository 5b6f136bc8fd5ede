package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A county and its own latest rollup; every figure is null while the county has not published
 * one. {@code suppressed}: a small cell of a sensitive indicator, numerator, denominator, rate and
 * met withheld. {@code schoolsOnTime}, {@code deadline}, {@code timeliness}: null without a deadline.
 * {@code signOffs}: the sign-offs of the period, null while the rollup predates sign-offs and on
 * the approved basis (where {@code approved} counts the schools approved).
 */
public record CountyFigures(
    String id,
    String name,
    boolean suppressed,
    Long numerator,
    Long denominator,
    BigDecimal rate,
    Boolean met,
    Integer schoolsMeetingTarget,
    Integer schoolsReporting,
    Integer schoolsExpected,
    BigDecimal completeness,
    Integer schoolsOnTime,
    Instant deadline,
    BigDecimal timeliness,
    SignOffs signOffs,
    Long version,
    Instant asOf,
    Approval approved) {}
