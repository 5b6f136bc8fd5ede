package org.gongyu.city.rollup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A city rollup as the API shows it. {@code rate} and {@code completeness} are null when undefined;
 * {@code target} and {@code met} when the catalogue sets no target for the period. Timeliness
 * ({@code schoolsOnTime} / {@code schoolsUnderDeadline}) covers the counties that set a deadline for
 * the period; all three are null while none has. For a sensitive indicator whose numerator or
 * denominator is between 1 and 4, {@code suppressed} is true and numerator, denominator, rate and
 * met are null (small cells). Sign-offs (ADR 0019): {@code schoolsSignedOff} over {@code
 * schoolsExpected} is {@code signOffCompleteness}, {@code schoolsSignedOffOnTime} over {@code
 * schoolsUnderDeadline} is {@code signOffTimeliness}; null while no county's rollup carries them.
 */
record CityRollupResponse(
    String cityId,
    String indicatorCode,
    String periodId,
    boolean suppressed,
    Long numerator,
    Long denominator,
    BigDecimal rate,
    BigDecimal target,
    Boolean met,
    int countiesReporting,
    int countiesExpected,
    int schoolsReporting,
    int schoolsExpected,
    int schoolsMeetingTarget,
    BigDecimal completeness,
    Integer schoolsOnTime,
    Integer schoolsUnderDeadline,
    BigDecimal timeliness,
    Integer schoolsSignedOff,
    Integer schoolsSignedOffOnTime,
    Integer schoolsApproved,
    BigDecimal signOffCompleteness,
    BigDecimal signOffTimeliness,
    long version,
    Instant asOf,
    List<Source> lineage) {

  /** A county rollup version the city rollup was computed from. */
  record Source(String countyId, long version) {}
}
