package org.gongyu.contracts.district.v1;

import java.time.Instant;
import java.util.Objects;

/**
 * A county set or moved its reporting deadline of a period (ADR 0019): by then its schools are to
 * have signed off the period (完成上报). Published on the period-approvals topic, keyed by county, so
 * that the school tier can remind its admins before and after the deadline. Consumers keep the
 * highest {@code version} per (county, period).
 *
 * @param countyId the county
 * @param periodId the period
 * @param deadline the deadline, UTC
 * @param version  strictly increasing per (county, period), from 1
 * @param at       when the county set it, UTC
 */
public record ReportingDeadlineSet(String countyId, String periodId, Instant deadline, long version, Instant at) {

  public ReportingDeadlineSet {
    Objects.requireNonNull(countyId, "countyId");
    Objects.requireNonNull(periodId, "periodId");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(at, "at");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
  }
}
