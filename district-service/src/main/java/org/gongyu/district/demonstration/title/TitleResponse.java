package org.gongyu.district.demonstration.title;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A title as the county sees it. {@code xuequId} and {@code xuequName} are null for a school
 * directly under the county (直属); {@code reinspectionOn} is the last scheduled re-inspection,
 * {@code rectificationDeadline} is set while RECTIFYING (kept after a revocation), {@code endedOn}
 * the first day the title was no longer held (revoked or expired).
 */
record TitleResponse(
    UUID applicationId, String programmeId, String schoolId, String schoolName, String xuequId, String xuequName,
    LocalDate awardedOn, LocalDate validUntil, String status, long version, LocalDate reinspectionOn,
    LocalDate rectificationDeadline, LocalDate endedOn, BigDecimal finalScore) {

  static TitleResponse of(TitleRow r) {
    return new TitleResponse(
        r.applicationId(), r.programmeId(), r.schoolId(), r.schoolName(), r.xuequKey().isEmpty() ? null : r.xuequKey(),
        r.xuequName(), r.awardedOn(), r.validUntil(), r.status(), r.version(), r.reinspectionOn(),
        r.rectificationDeadline(), r.endedOn(), r.finalScore());
  }
}
