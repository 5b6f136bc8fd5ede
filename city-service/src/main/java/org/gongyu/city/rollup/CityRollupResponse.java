package org.gongyu.city.rollup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A city rollup as the API shows it; {@code rate} and {@code completeness} are null when undefined.
 * Timeliness ({@code schoolsOnTime} / {@code schoolsUnderDeadline}) covers the counties that set a
 * deadline for the period; all three are null while none has.
 */
record CityRollupResponse(
    String cityId,
    String indicatorCode,
    String periodId,
    long numerator,
    long denominator,
    BigDecimal rate,
    int countiesReporting,
    int countiesExpected,
    int schoolsReporting,
    int schoolsExpected,
    int schoolsMeetingTarget,
    BigDecimal completeness,
    long version,
    Instant asOf,
    List<Source> lineage,
    Integer schoolsOnTime,
    Integer schoolsUnderDeadline,
    BigDecimal timeliness) {

  /** A county rollup version the city rollup was computed from. */
  record Source(String countyId, long version) {}
}
