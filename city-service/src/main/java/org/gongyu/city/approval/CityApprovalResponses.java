package org.gongyu.city.approval;

import java.time.Instant;
import java.util.List;

/** What the city's approval endpoints answer. */
final class CityApprovalResponses {

  private CityApprovalResponses() {}

  /** Every county of the city and where its submission of the period stands, with the counts. */
  record Overview(String cityId, String periodId, int countiesExpected, int notSubmitted, int awaitingDecision,
      int withdrawn, int accepted, int returned, List<CountyLine> counties) {}

  /**
   * One county: {@code state} NOT_SUBMITTED, SUBMITTED (awaiting the city), WITHDRAWN (with
   * {@code reason}), ACCEPTED or RETURNED (with the city's {@code comment}).
   */
  record CountyLine(String countyId, String countyName, String state, Long submissionVersion, Instant submittedAt,
      Integer schools, String reason, String comment, Instant decidedAt, String decidedBy) {}

  /** One county's submission with the approved sign-offs it rests on and the trail. */
  record CountyDetail(String cityId, String countyId, String countyName, String periodId, String state,
      Long submissionVersion, Instant submittedAt, String reason, String comment, Instant decidedAt, String decidedBy,
      List<ApprovedSchool> schools, List<Step> trail) {}

  /** A school and its approved sign-off version. */
  record ApprovedSchool(String schoolId, long signOffVersion) {}

  /** A step of the trail. */
  record Step(Instant at, String actor, String action, long submissionVersion, String comment) {}
}
