package org.gongyu.district.demonstration.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The web shapes of applications and their history. */
final class ApplicationResponses {

  private ApplicationResponses() {}

  /**
   * An application in a list.
   *
   * @param xuequId the school's 学区 when it applied, null for a county-direct school
   */
  record Summary(
      String id, String programmeId, String schoolId, String xuequId, String status, long version, Instant appliedAt,
      LocalDate creationEndsOn, int round, BigDecimal finalScore) {}

  /**
   * One application with what the school sent and its latest self-evaluation.
   *
   * @param baseline       the school's starting level per task area
   * @param plan           the school-based creation plan (一校一案)
   * @param selfEvaluation the latest round received, null before the first
   */
  record Detail(
      String id, String programmeId, String countyId, String schoolId, String schoolName, String xuequId, String status,
      long version, Instant appliedAt, List<Baseline> baseline, String plan, LocalDate creationEndsOn, int round,
      BigDecimal finalScore, SelfEvaluation selfEvaluation) {}

  record Baseline(String areaCode, int level, String note) {}

  record SelfEvaluation(int round, Instant submittedAt, BigDecimal selfTotal) {}

  /**
   * A trail row: a transition ({@code from}/{@code to} set; {@code from} null for the receipt) or
   * another act.
   *
   * @param detail what the act recorded (reason, dates, points), as a JSON object
   */
  record HistoryEntry(long seq, Instant at, String actor, String action, String from, String to, JsonNode detail) {}
}
