package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@link CountyFigures} plus the school snapshot versions the rollup used (empty while the county
 * has not published a rollup).
 */
public record CountyDetail(
    String id,
    String name,
    boolean suppressed,
    Long numerator,
    Long denominator,
    BigDecimal rate,
    Boolean met,
    Integer schoolsMeetingTarget,
    Integer schoolsReporting,
    Integer schoolsExpected,
    BigDecimal completeness,
    Integer schoolsOnTime,
    Instant deadline,
    BigDecimal timeliness,
    SignOffs signOffs,
    Long version,
    Instant asOf,
    List<SchoolVersion> lineage,
    Approval approved) {

  /**
   * One school snapshot version the county rollup was computed from, and when the school made that
   * version ({@code asOf}; null if that version never reached this service).
   */
  public record SchoolVersion(String schoolId, long version, Instant asOf) {}
}
