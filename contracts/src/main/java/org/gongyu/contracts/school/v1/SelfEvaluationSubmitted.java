package org.gongyu.contracts.school.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A school's self-evaluation (自查自评) against its programme's standard, submitted after the
 * creation year. school-service has checked that no narrative or evidence names a student or a
 * parent. A deferred application submits again with the next {@code round}.
 *
 * @param applicationId   the application
 * @param schoolId        the school
 * @param programmeId     the programme
 * @param standardId      the standard scored against
 * @param standardVersion its version (the programme's)
 * @param round           1 for the first submission, +1 after each deferral
 * @param submittedAt     when the school submitted
 * @param items           one per criterion of the standard
 */
public record SelfEvaluationSubmitted(
    UUID applicationId, String schoolId, String programmeId, String standardId, long standardVersion, int round,
    Instant submittedAt, List<Item> items) {

  public SelfEvaluationSubmitted {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(schoolId, "schoolId");
    Objects.requireNonNull(programmeId, "programmeId");
    Objects.requireNonNull(standardId, "standardId");
    Objects.requireNonNull(submittedAt, "submittedAt");
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    if (round < 1) {
      throw new IllegalArgumentException("round must be >= 1");
    }
  }

  /** The school's total self-score. */
  public BigDecimal selfTotal() {
    return items.stream().map(Item::selfScore).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * @param criterionCode the criterion
   * @param selfScore     0 to the criterion's points
   * @param narrative     what the school did
   * @param evidence      where the evidence is
   */
  public record Item(String criterionCode, BigDecimal selfScore, String narrative, List<Evidence> evidence) {
    public Item {
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
  }

  /**
   * @param title     what it is, e.g. "家长学校章程"
   * @param reference where assessors find it: a document number, archive shelf or URL
   */
  public record Evidence(String title, String reference) {}
}
