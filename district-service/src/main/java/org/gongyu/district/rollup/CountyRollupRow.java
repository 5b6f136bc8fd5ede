package org.gongyu.district.rollup;

import java.time.Instant;
import java.util.List;

/**
 * A stored {@code county_rollup} row; version 0 is the unpublished placeholder. {@code
 * schoolsOnTime} and {@code deadline} are null while the county has set no deadline for the period;
 * the sign-off counts are null in rows written before sign-offs existed ({@code
 * schoolsSignedOffOnTime} also without a deadline).
 */
record CountyRollupRow(
    String countyId,
    String indicatorCode,
    String periodId,
    long numerator,
    long denominator,
    int schoolsReporting,
    int schoolsExpected,
    int schoolsMeetingTarget,
    long version,
    Instant asOf,
    List<SchoolVersion> lineage,
    Integer schoolsOnTime,
    Instant deadline,
    Integer schoolsSignedOff,
    Integer schoolsSignedOffOnTime,
    Integer schoolsApproved) {}
