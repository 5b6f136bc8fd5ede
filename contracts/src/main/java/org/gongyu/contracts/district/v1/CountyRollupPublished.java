package org.gongyu.contracts.district.v1;

import java.time.Instant;
import java.util.List;

/**
 * A county's rollup of its schools' latest snapshots for one indicator and period.
 *
 * @param countyId             the county
 * @param indicatorCode        catalogue code
 * @param periodId             period id
 * @param numerator            Σ numerator of the schools' latest snapshots
 * @param denominator          Σ denominator of the schools' latest snapshots
 * @param schoolsReporting     schools with a snapshot for the period
 * @param schoolsExpected      schools in the county's registry that should report
 * @param schoolsMeetingTarget reporting schools whose own figure meets the target
 * @param version              strictly increasing per (county, indicator, period), from 1
 * @param asOf                 when the county computed this rollup, UTC
 * @param lineage              the school snapshot versions this rollup was computed from
 * @param schoolsOnTime        reporting schools whose first snapshot for the period was made by the
 *                             county's deadline; optional (added after the first release of v1):
 *                             {@code null} while the county has set no deadline for the period
 * @param deadline             the county's reporting deadline for the period; optional, as above
 * @param schoolsSignedOff     expected schools whose sign-off of the period (完成上报) is in force:
 *                             signed off or approved, not returned or reopened; the numerator of
 *                             completeness. Optional (added with sign-offs, ADR 0019): {@code null}
 *                             from a county service that predates them
 * @param schoolsSignedOffOnTime those of them whose sign-off in force was made by the county's
 *                             deadline; the numerator of timeliness. Optional: {@code null} also
 *                             while the county has set no deadline for the period
 * @param schoolsApproved      expected schools whose sign-off the county has approved; optional, as
 *                             {@code schoolsSignedOff}
 */
public record CountyRollupPublished(
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
    List<SnapshotRef> lineage,
    Integer schoolsOnTime,
    Instant deadline,
    Integer schoolsSignedOff,
    Integer schoolsSignedOffOnTime,
    Integer schoolsApproved) {

  public CountyRollupPublished {
    lineage = lineage == null ? List.of() : List.copyOf(lineage);
  }

  /** A rollup without sign-off counts (as published before sign-offs existed). */
  public CountyRollupPublished(
      String countyId, String indicatorCode, String periodId, long numerator, long denominator, int schoolsReporting,
      int schoolsExpected, int schoolsMeetingTarget, long version, Instant asOf, List<SnapshotRef> lineage,
      Integer schoolsOnTime, Instant deadline) {
    this(countyId, indicatorCode, periodId, numerator, denominator, schoolsReporting, schoolsExpected,
        schoolsMeetingTarget, version, asOf, lineage, schoolsOnTime, deadline, null, null, null);
  }

  /** A rollup of a period without a deadline. */
  public CountyRollupPublished(
      String countyId, String indicatorCode, String periodId, long numerator, long denominator, int schoolsReporting,
      int schoolsExpected, int schoolsMeetingTarget, long version, Instant asOf, List<SnapshotRef> lineage) {
    this(countyId, indicatorCode, periodId, numerator, denominator, schoolsReporting, schoolsExpected,
        schoolsMeetingTarget, version, asOf, lineage, null, null, null, null, null);
  }

  /**
   * One school snapshot used in a rollup.
   *
   * @param schoolId the school
   * @param version  the snapshot version used
   */
  public record SnapshotRef(String schoolId, long version) {}
}
