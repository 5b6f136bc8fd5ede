package org.gongyu.district.deadline;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Body of {@code PUT /api/district/counties/{countyId}/deadlines/{periodId}}: an ISO-8601 instant. */
record PutDeadlineRequest(@NotNull Instant deadline) {}
