package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The file an assessor assesses: the current round's self-evaluation as the school submitted it
 * (no personal data: school-service refused any) and the rubric it is scored against.
 *
 * @param attachmentsHref where (through the gateway) the evidence attachments of the application are
 *     listed and downloaded: they stay at the school tier, which serves them to the school, its county
 *     admins and the assessors cleared on the application, auditing every read (ADR 0016); their
 *     names never travel to this tier
 */
record FileResponse(
    UUID applicationId, String schoolId, String programmeId, int round, Instant submittedAt, String standardId,
    long standardVersion, BigDecimal selfTotal, RubricView rubric, List<Item> items, String attachmentsHref) {

  /** The programme's rubric. */
  record RubricView(String titleZh, String titleEn, BigDecimal passMark, BigDecimal fullMark, List<AreaView> areas) {}

  record AreaView(String code, String nameZh, String nameEn, List<CriterionView> criteria) {}

  record CriterionView(String code, String nameZh, String nameEn, BigDecimal points, String evidenceRequired) {}

  /** The school's self-evaluation of one criterion. */
  record Item(String criterionCode, BigDecimal selfScore, String narrative, List<Evidence> evidence) {}

  record Evidence(String title, String reference) {}
}
