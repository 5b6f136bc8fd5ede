package org.gongyu.district.approval;

import java.time.Instant;
import java.util.List;

/** What the approval endpoints answer. */
final class ApprovalResponses {

  private ApprovalResponses() {}

  /**
   * A county's period: every expected school (the schools of the county on the period's first day)
   * and where it stands, the counts, whether the county may submit now, its submission and the
   * city's decision.
   *
   * @param maySubmit every expected school approved (at least one) and no submission in force
   *                  (none, withdrawn, or returned by the city)
   */
  record Overview(String countyId, String periodId, int schoolsExpected, int notSignedOff, int awaitingReview, int approved,
      int returned, int reopened, boolean maySubmit, Submission submission, CityDecision cityDecision,
      List<SchoolLine> schools, List<Step> trail) {}

  /** One expected school; {@code signOffVersion} and the dates null when it has not signed off. */
  record SchoolLine(String schoolId, String schoolName, String state, Long signOffVersion, Instant signedOffAt,
      Instant reviewedAt, String reviewedBy, String comment, Long version) {}

  /** One school's latest sign-off with its figures and the trail of its sign-offs and reviews. */
  record SchoolDetail(String countyId, String periodId, String schoolId, String schoolName, String state,
      Long signOffVersion, Instant signedOffAt, Instant reviewedAt, String reviewedBy, String comment, Long version,
      List<Figure> figures, List<Step> trail) {}

  /** A signed-off figure. */
  record Figure(String indicatorCode, long numerator, long denominator, long snapshotVersion) {}

  /**
   * The county's latest submission.
   *
   * @param inForce submitted and not returned by the city
   * @param schools the approved sign-offs it rests on (empty when withdrawn)
   */
  record Submission(String status, long version, Instant at, String by, String reason, boolean inForce,
      List<ApprovedSchool> schools) {}

  /** A school and the sign-off version approved. */
  record ApprovedSchool(String schoolId, long signOffVersion) {}

  /**
   * The city's latest decision as received.
   *
   * @param onCurrentSubmission whether it is about the submission now shown (a later submission or
   *                            withdrawal makes it history)
   */
  record CityDecision(String decision, String comment, Instant at, long submissionVersion, boolean onCurrentSubmission) {}

  /** A step of the trail: who did what when, the version it concerned and the comment or reason. */
  record Step(String schoolId, Instant at, String actor, String action, Long version, String comment) {}
}
