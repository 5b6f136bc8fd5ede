package org.gongyu.district.deadline;

import java.time.Instant;

/** A stored {@code county_deadline} row. */
record DeadlineRow(String countyId, String periodId, Instant deadline, long version) {}
