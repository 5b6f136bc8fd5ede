package org.gongyu.district.rollup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A county rollup as the API shows it. {@code rate} and {@code completeness} are null when
 * undefined; {@code target} and {@code met} when the period has no target; {@code schoolsOnTime}
 * and {@code deadline} when the county set no deadline for the period. For a sensitive indicator
 * whose numerator or denominator is between 1 and 4, {@code suppressed} is true and numerator,
 * denominator, rate and met are null (small cells). The sign-offs of the period among the schools
 * counted (ADR 0019): {@code schoolsSignedOff} (in force) over {@code schoolsExpected} is {@code
 * signOffCompleteness}; {@code schoolsSignedOffOnTime} (null without a deadline) over it is {@code
 * signOffTimeliness}; all null for a rollup computed before sign-offs existed.
 */
record CountyRollupResponse(
    String countyId,
    String indicatorCode,
    String periodId,
    boolean suppressed,
    Long numerator,
    Long denominator,
    BigDecimal rate,
    BigDecimal target,
    Boolean met,
    int schoolsReporting,
    int schoolsExpected,
    int schoolsMeetingTarget,
    BigDecimal completeness,
    Integer schoolsOnTime,
    Instant deadline,
    Integer schoolsSignedOff,
    Integer schoolsSignedOffOnTime,
    Integer schoolsApproved,
    BigDecimal signOffCompleteness,
    BigDecimal signOffTimeliness,
    long version,
    Instant asOf,
    List<Source> lineage) {

  /** A school snapshot version the rollup was computed from. */
  record Source(String schoolId, long version) {}
}
