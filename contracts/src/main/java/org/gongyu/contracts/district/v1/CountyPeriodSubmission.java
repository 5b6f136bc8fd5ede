package org.gongyu.contracts.district.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The county submitted a period to the city once its schools were approved, or withdrew that
 * submission (a school reopened). Consumers keep the highest {@code version} per (county, period).
 *
 * @param countyId the county
 * @param periodId the period
 * @param status   submitted or withdrawn
 * @param schools  the approved sign-offs the submission rests on (empty when withdrawn)
 * @param reason   why it was withdrawn; {@code null} for a submission
 * @param at       when, UTC
 * @param version  strictly increasing per (county, period), from 1
 */
public record CountyPeriodSubmission(String countyId, String periodId, Status status, List<ApprovedSchool> schools,
    String reason, Instant at, long version) {

  /** Where the county's submission stands. */
  public enum Status { SUBMITTED, WITHDRAWN }

  public CountyPeriodSubmission {
    Objects.requireNonNull(countyId, "countyId");
    Objects.requireNonNull(periodId, "periodId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
    schools = schools == null ? List.of() : List.copyOf(schools);
  }

  /**
   * One approved school.
   *
   * @param schoolId       the school
   * @param signOffVersion the sign-off version approved
   */
  public record ApprovedSchool(String schoolId, long signOffVersion) {}
}
