package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code demonstration_self_evaluation}: what the school submitted for a round (items as JSON). */
record SelfEvaluationRow(
    int round, Instant submittedAt, String standardId, long standardVersion, String itemsJson, BigDecimal selfTotal) {}
