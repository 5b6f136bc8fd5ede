package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code demonstration_score}: one assessor's points and comment on one criterion of a round. */
record ScoreRow(String assessor, String criterionCode, BigDecimal points, String comment, Instant updatedAt) {}
