package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code demonstration_consensus}: the points the county agreed on a criterion of a round. */
record ConsensusRow(String criterionCode, BigDecimal points, String note, String agreedBy, Instant agreedAt) {}
