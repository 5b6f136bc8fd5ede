package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An assessor's submitted (now frozen) scores of a round and their total. */
record SubmissionResponse(UUID applicationId, int round, String assessor, Instant submittedAt, BigDecimal total) {}
