package org.gongyu.city.rollup;

import java.time.Instant;
import java.util.List;

/**
 * A stored {@code city_rollup} row; version 0 is the unpublished placeholder. {@code schoolsOnTime}
 * and {@code schoolsUnderDeadline} are null while no county has set a deadline for the period; the
 * sign-off sums while no county's rollup carries them.
 */
record CityRollupRow(
    String cityId,
    String indicatorCode,
    String periodId,
    long numerator,
    long denominator,
    int countiesReporting,
    int countiesExpected,
    int schoolsReporting,
    int schoolsExpected,
    int schoolsMeetingTarget,
    long version,
    Instant asOf,
    List<CountyVersion> lineage,
    Integer schoolsOnTime,
    Integer schoolsUnderDeadline,
    Integer schoolsSignedOff,
    Integer schoolsSignedOffOnTime,
    Integer schoolsApproved) {}
