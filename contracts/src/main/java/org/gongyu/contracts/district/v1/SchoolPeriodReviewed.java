package org.gongyu.contracts.district.v1;

import java.time.Instant;
import java.util.Objects;

/**
 * The county reviewed a school's sign-off of a period (ADR 0019). The school tier keeps its lock
 * while the latest review of its latest sign-off is {@code APPROVED} or there is none yet, and lifts
 * it on {@code RETURNED} or {@code REOPENED}. Consumers keep the highest {@code version} per
 * (school, period) and ignore a review of an older sign-off version than the one they hold.
 *
 * @param countyId       the county
 * @param schoolId       the school
 * @param periodId       the period
 * @param signOffVersion the {@code PeriodSignedOff} version reviewed
 * @param action         what the county did
 * @param comment        the county's comment (required for a return or a reopening), no personal data
 * @param at             when, UTC
 * @param version        strictly increasing per (school, period), from 1
 */
public record SchoolPeriodReviewed(String countyId, String schoolId, String periodId, long signOffVersion,
    Action action, String comment, Instant at, long version) {

  /** A county's review step. */
  public enum Action {
    /** The figures are accepted at the county; the period stays locked at the school. */
    APPROVED,
    /** Sent back to the school with a comment; the school may change and sign off again. */
    RETURNED,
    /** An approved period opened again with a reason; withdraws the county's submission above it. */
    REOPENED
  }

  public SchoolPeriodReviewed {
    Objects.requireNonNull(countyId, "countyId");
    Objects.requireNonNull(schoolId, "schoolId");
    Objects.requireNonNull(periodId, "periodId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(at, "at");
    if (version < 1 || signOffVersion < 1) {
      throw new IllegalArgumentException("version and signOffVersion must be >= 1");
    }
  }
}
