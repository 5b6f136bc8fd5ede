package org.gongyu.contracts.city.v1;

import java.time.Instant;
import java.util.List;

/**
 * The city's rollup of its counties' latest rollups for one indicator and period.
 *
 * @param cityId               the city
 * @param indicatorCode        catalogue code
 * @param periodId             period id
 * @param numerator            Σ numerator of the counties' latest rollups
 * @param denominator          Σ denominator of the counties' latest rollups
 * @param countiesReporting    counties with a rollup for the period
 * @param countiesExpected     counties of the city
 * @param schoolsReporting     Σ schools reporting
 * @param schoolsExpected      Σ schools expected
 * @param schoolsMeetingTarget Σ schools meeting the target
 * @param version              strictly increasing per (city, indicator, period), from 1
 * @param asOf                 when the city computed this rollup, UTC
 * @param lineage              the county rollup versions this rollup was computed from
 * @param cityName             the city's name as city-service is configured with it; optional
 *                             (added after the first release of v1, so older events carry none)
 * @param schoolsOnTime        Σ schools on time over the counties that set a deadline for the
 *                             period; optional (added later): {@code null} when none did
 * @param schoolsUnderDeadline Σ schools expected in those counties, the base of timeliness;
 *                             optional, as above
 * @param schoolsSignedOff     Σ schools whose sign-off of the period is in force (completeness),
 *                             over the counties whose rollups carry it; optional (added with
 *                             sign-offs, ADR 0019): {@code null} when none does
 * @param schoolsSignedOffOnTime Σ of those signed off by their county's deadline, over the counties
 *                             that set one (base: {@code schoolsUnderDeadline}); optional
 * @param schoolsApproved      Σ schools whose sign-off their county approved; optional, as
 *                             {@code schoolsSignedOff}
 */
public record CityRollupPublished(
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
    List<RollupRef> lineage,
    String cityName,
    Integer schoolsOnTime,
    Integer schoolsUnderDeadline,
    Integer schoolsSignedOff,
    Integer schoolsSignedOffOnTime,
    Integer schoolsApproved) {

  public CityRollupPublished {
    lineage = lineage == null ? List.of() : List.copyOf(lineage);
  }

  /** A rollup without sign-off counts (as published before sign-offs existed). */
  public CityRollupPublished(
      String cityId, String indicatorCode, String periodId, long numerator, long denominator, int countiesReporting,
      int countiesExpected, int schoolsReporting, int schoolsExpected, int schoolsMeetingTarget, long version,
      Instant asOf, List<RollupRef> lineage, String cityName, Integer schoolsOnTime, Integer schoolsUnderDeadline) {
    this(cityId, indicatorCode, periodId, numerator, denominator, countiesReporting, countiesExpected, schoolsReporting,
        schoolsExpected, schoolsMeetingTarget, version, asOf, lineage, cityName, schoolsOnTime, schoolsUnderDeadline,
        null, null, null);
  }

  /** A rollup of a period for which no county set a deadline. */
  public CityRollupPublished(
      String cityId, String indicatorCode, String periodId, long numerator, long denominator, int countiesReporting,
      int countiesExpected, int schoolsReporting, int schoolsExpected, int schoolsMeetingTarget, long version,
      Instant asOf, List<RollupRef> lineage, String cityName) {
    this(cityId, indicatorCode, periodId, numerator, denominator, countiesReporting, countiesExpected, schoolsReporting,
        schoolsExpected, schoolsMeetingTarget, version, asOf, lineage, cityName, null, null, null, null, null);
  }

  /**
   * One county rollup used in the city rollup.
   *
   * @param countyId the county
   * @param version  the county rollup version used
   */
  public record RollupRef(String countyId, long version) {}
}
