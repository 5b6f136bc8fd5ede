package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An assessor's stored score on one criterion of the current round. */
record ScoreResponse(
    UUID applicationId, int round, String assessor, String criterionCode, BigDecimal points, String comment,
    Instant updatedAt) {}
