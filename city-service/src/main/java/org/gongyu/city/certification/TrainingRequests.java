package org.gongyu.city.certification;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Bodies of the training and certification endpoints; the service checks them and answers 422 naming the field. */
final class TrainingRequests {

  private TrainingRequests() {}

  /**
   * A new cohort.
   *
   * @param name      the cohort's name, 1 to 200 characters
   * @param kind      INSTRUCTOR (家庭教育指导师培训班) or KEY_STAFF (家校共育骨干人员培训班)
   * @param mode      ONLINE, OFFLINE or MIXED
   * @param startsOn  its first day
   * @param endsOn    its last day, not before the first
   * @param organiser who runs it (the city centre, a partner sending out or inviting in), 1 to 200 characters
   * @param sessions  the number of sessions, 1 to 200
   */
  record Cohort(String name, String kind, String mode, LocalDate startsOn, LocalDate endsOn, String organiser,
      Integer sessions) {}

  /**
   * A participant: staff of a school or county, never a pupil or parent.
   *
   * @param name     1 to 100 characters
   * @param role     HEAD, TEACHER, HEAD_TEACHER or COUNTY_STAFF
   * @param countyId a county of the city; absent for a city-direct school or the city's own staff
   * @param schoolId the school's id (10 digits) for school staff, absent for county staff
   */
  record Participant(String name, String role, String countyId, String schoolId) {}

  /** Sessions attended, 0 to the cohort's sessions. */
  record Attendance(Integer sessionsAttended) {}

  /** The assessment score, 0 to 100 (one decimal); 60 or more passes. */
  record Assessment(BigDecimal score) {}

  /**
   * A certificate's issue.
   *
   * @param number    the city's certificate number, unique, letters, digits and hyphens, 1 to 40
   * @param issuedOn  the day of issue (not in the future, not before the cohort ended); today if absent
   * @param expiresOn the first day it no longer counts, after the issue day; issue day + 3 years if absent
   */
  record Issue(String number, LocalDate issuedOn, LocalDate expiresOn) {}

  /** A renewal: the new expiry, after the current one. */
  record Renewal(LocalDate expiresOn) {}

  /** A revocation or cancellation: the reason is required (1 to 1000 characters). */
  record Reason(String reason) {}
}
