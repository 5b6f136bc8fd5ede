package org.gongyu.contracts.city.v1;

import java.time.Instant;
import java.util.Objects;

/**
 * The city accepted or returned a county's submission of a period (ADR 0019). A return sends the
 * county back to review; it does not unlock schools by itself. Consumers keep the highest
 * {@code version} per (county, period) and ignore a decision on an older submission version.
 *
 * @param cityId            the city
 * @param countyId          the county
 * @param periodId          the period
 * @param submissionVersion the {@code CountyPeriodSubmission} version decided on
 * @param decision          accepted or returned
 * @param comment           the city's comment (required for a return), no personal data
 * @param at                when, UTC
 * @param version           strictly increasing per (county, period), from 1
 */
public record CountyPeriodDecided(String cityId, String countyId, String periodId, long submissionVersion,
    Decision decision, String comment, Instant at, long version) {

  /** The city's decision. */
  public enum Decision { ACCEPTED, RETURNED }

  public CountyPeriodDecided {
    Objects.requireNonNull(cityId, "cityId");
    Objects.requireNonNull(countyId, "countyId");
    Objects.requireNonNull(periodId, "periodId");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(at, "at");
    if (version < 1 || submissionVersion < 1) {
      throw new IllegalArgumentException("version and submissionVersion must be >= 1");
    }
  }
}
