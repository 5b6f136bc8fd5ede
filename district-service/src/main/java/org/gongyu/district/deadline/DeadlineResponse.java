package org.gongyu.district.deadline;

import java.time.Instant;

/** A county's reporting deadline for a period as the API shows it. */
record DeadlineResponse(String countyId, String periodId, Instant deadline, long version) {

  static DeadlineResponse of(DeadlineRow r) {
    return new DeadlineResponse(r.countyId(), r.periodId(), r.deadline(), r.version());
  }
}
