package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;

/** A county and its own latest rollup; every figure is null while the county has not published one. */
record CountyFigures(
    String id,
    String name,
    Long numerator,
    Long denominator,
    BigDecimal rate,
    Boolean met,
    Integer schoolsMeetingTarget,
    Integer schoolsReporting,
    Integer schoolsExpected,
    BigDecimal completeness,
    Long version,
    Instant asOf) {}
