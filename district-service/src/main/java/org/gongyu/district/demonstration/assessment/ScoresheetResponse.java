package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The scoresheet of an application's current round.
 *
 * @param assessors  everyone assigned to the round, with their status (only cleared ones score)
 * @param criteria   per criterion of the rubric (its Chinese and English name from the standard):
 *                   each cleared assessor's points and comment, the spread, whether it needs a
 *                   consensus, the consensus and the result
 * @param totals     each cleared assessor's sum of points
 * @param finalScore Σ results once every criterion has one; null before
 * @param passed     final score ≥ pass mark; null without a final score
 * @param missing    what still blocks a decision; empty when complete
 */
record ScoresheetResponse(
    UUID applicationId, String status, int round, BigDecimal passMark, BigDecimal fullMark, BigDecimal consensusMargin,
    List<AssessorLine> assessors, List<CriterionLine> criteria, List<Total> totals, BigDecimal finalScore, Boolean passed,
    List<String> missing) {

  record AssessorLine(String assessor, String status, Instant submittedAt) {}

  record CriterionLine(
      String criterionCode, String nameZh, String nameEn, BigDecimal maxPoints, List<AssessorScore> scores, BigDecimal spread,
      boolean needsConsensus, Consensus consensus, BigDecimal result) {}

  record AssessorScore(String assessor, BigDecimal points, String comment) {}

  record Consensus(BigDecimal points, String note, String by, Instant at) {}

  record Total(String assessor, BigDecimal total) {}
}
