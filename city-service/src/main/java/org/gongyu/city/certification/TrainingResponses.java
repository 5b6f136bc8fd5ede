package org.gongyu.city.certification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the training and certification endpoints answer. */
final class TrainingResponses {

  private TrainingResponses() {}

  /**
   * A cohort; {@code participants} only on a single cohort's read.
   *
   * @param status PLANNED, COMPLETED or CANCELLED
   */
  record Cohort(String id, String name, String kind, String mode, LocalDate startsOn, LocalDate endsOn, String organiser,
      int sessions, String status, String statusReason, int participantCount, int passedCount, int certificateCount,
      long version, List<Participant> participants) {}

  /**
   * A participant with its attendance, assessment and certificate.
   *
   * @param result       PASSED, FAILED or null while not assessed
   * @param certificate  the certificate issued to the participant, null if none
   */
  record Participant(String id, String cohortId, String cohortName, String cohortKind, String name, String role,
      String countyId, String countyName, String schoolId, Integer sessionsAttended, BigDecimal score, String result,
      Certificate certificate, long version) {}

  /**
   * A certificate.
   *
   * @param status    VALID, EXPIRED (valid but past its expiry today) or REVOKED
   * @param revokedOn the first day it no longer counts, when revoked
   */
  record Certificate(String number, String participantId, String cohortId, String holderName, String schoolId,
      String countyId, LocalDate issuedOn, LocalDate expiresOn, String status, LocalDate revokedOn, String revokedReason,
      long version) {}
}
