package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A registered school and its latest snapshot; figures are null while it has not reported. {@code
 * applies}: whether the indicator applies to the school's type ({@code met} is null where it does
 * not). {@code suppressed}: a small cell of a sensitive indicator shown above the school tier,
 * numerator, denominator, rate and met withheld. {@code usedInCountyRollup} is the snapshot
 * version the county's current rollup used, or null if that rollup did not use this school; it
 * differs from {@code snapshotVersion} while the county has not caught up with a correction.
 */
public record SchoolFigures(
    String id,
    String name,
    String xuequId,
    String schoolType,
    boolean applies,
    boolean suppressed,
    Long numerator,
    Long denominator,
    BigDecimal rate,
    Boolean met,
    Long snapshotVersion,
    Instant asOf,
    Long usedInCountyRollup,
    Approval approved) {}
