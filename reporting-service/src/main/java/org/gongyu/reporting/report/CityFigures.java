package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The city's own latest rollup. {@code name} is null while no tier publishes city names; {@code
 * rate}, {@code met}, {@code completeness} and {@code timeliness} are null where they cannot be
 * known. {@code suppressed}: a small cell of a sensitive indicator, numerator, denominator, rate
 * and met withheld. {@code signOffs}: the sign-offs of the period summed over the counties whose
 * rollups carry them, null while none does and on the approved basis.
 */
public record CityFigures(
    String id,
    String name,
    boolean suppressed,
    Long numerator,
    Long denominator,
    BigDecimal rate,
    Boolean met,
    int schoolsMeetingTarget,
    int schoolsReporting,
    int schoolsExpected,
    int countiesReporting,
    int countiesExpected,
    BigDecimal completeness,
    Integer schoolsOnTime,
    Integer schoolsUnderDeadline,
    BigDecimal timeliness,
    SignOffs signOffs,
    long version,
    Instant asOf,
    List<CountyVersion> lineage,
    Approval approved) {

  /** One county rollup version the city rollup was computed from. */
  public record CountyVersion(String countyId, long version) {}
}
