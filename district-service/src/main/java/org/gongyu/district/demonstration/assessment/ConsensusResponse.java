package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The consensus agreed on a criterion of the current round. */
record ConsensusResponse(
    UUID applicationId, int round, String criterionCode, BigDecimal points, String note, String agreedBy, Instant agreedAt) {}
