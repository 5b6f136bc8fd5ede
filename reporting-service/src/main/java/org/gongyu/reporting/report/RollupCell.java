package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One unit's (the city's or a county's) own latest rollup of one indicator in a scorecard. Every
 * figure is null while the unit has not published one. {@code value} is the rate Σnum/Σden; {@code
 * met} follows {@code Rollup#meets} (a COUNT target is met when every expected school meets it; a
 * UNIT_COUNT one when the county's units, or the city's mean units per county, reach it), null
 * without a target; {@code timeliness} = schoolsOnTime / schoolsUnderDeadline (for a county
 * the base is its schools expected), null without a deadline. {@code signOffs}: the sign-offs of
 * the period beside them, null while the rollup predates sign-offs. {@code suppressed}: a small
 * cell of a sensitive indicator, numerator, denominator, value and met withheld.
 */
public record RollupCell(
    String id,
    String name,
    boolean suppressed,
    Long numerator,
    Long denominator,
    BigDecimal value,
    BigDecimal target,
    Boolean met,
    Integer schoolsMeetingTarget,
    Integer schoolsReporting,
    Integer schoolsExpected,
    BigDecimal completeness,
    Integer schoolsOnTime,
    Integer schoolsUnderDeadline,
    BigDecimal timeliness,
    SignOffs signOffs,
    Long version,
    Instant asOf) {}
