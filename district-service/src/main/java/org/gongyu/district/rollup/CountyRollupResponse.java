package org.gongyu.district.rollup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A county rollup as the API shows it; {@code rate} and {@code completeness} are null when undefined. */
record CountyRollupResponse(
    String countyId,
    String indicatorCode,
    String periodId,
    long numerator,
    long denominator,
    BigDecimal rate,
    int schoolsReporting,
    int schoolsExpected,
    int schoolsMeetingTarget,
    BigDecimal completeness,
    long version,
    Instant asOf,
    List<Source> lineage) {

  /** A school snapshot version the rollup was computed from. */
  record Source(String schoolId, long version) {}
}
