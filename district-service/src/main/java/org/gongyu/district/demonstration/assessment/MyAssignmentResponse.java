package org.gongyu.district.demonstration.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.gongyu.contracts.demonstration.DemonstrationStatus;

/**
 * One of the caller's assignments, with what it asks of them now ({@code due}).
 *
 * @param current whether the assignment is of the application's current round (an earlier round's
 *     assignment is history: nothing is due)
 */
@Schema(description = "An assignment of the calling assessor · 当前专家的一项评审分派")
record MyAssignmentResponse(
    UUID applicationId,
    String programmeId,
    String schoolId,
    String schoolName,
    int round,
    boolean current,
    AssignmentStatus assignmentStatus,
    @Schema(description = "the application's status (DemonstrationStatus) · 申报状态") String applicationStatus,
    Instant assignedAt,
    Instant declaredAt,
    Instant submittedAt,
    @Schema(description = "DECLARE: declare conflicts before the file opens · 须先作利益冲突声明; "
        + "WAIT: cleared, the county has not started the assessment · 等待区县开始评审; "
        + "SCORE: score every criterion and submit · 评分并提交; NONE: nothing to do · 无待办")
    Due due) {

  /** What the assignment asks of the assessor now. */
  enum Due {
    DECLARE,
    WAIT,
    SCORE,
    NONE
  }

  static MyAssignmentResponse of(UUID applicationId, String programmeId, String schoolId, String schoolName, int round,
      boolean current, AssignmentStatus status, DemonstrationStatus application, Instant assignedAt, Instant declaredAt,
      Instant submittedAt) {
    return new MyAssignmentResponse(applicationId, programmeId, schoolId, schoolName, round, current, status, application.name(),
        assignedAt, declaredAt, submittedAt, dueOf(current, status, application, submittedAt));
  }

  static Due dueOf(boolean current, AssignmentStatus status, DemonstrationStatus application, Instant submittedAt) {
    if (!current || status == AssignmentStatus.RECUSED) {
      return Due.NONE;
    }
    if (status == AssignmentStatus.ASSIGNED) {
      return application == DemonstrationStatus.SELF_EVALUATED || application == DemonstrationStatus.ASSESSING ? Due.DECLARE : Due.NONE;
    }
    if (submittedAt != null) {
      return Due.NONE;
    }
    return switch (application) {
      case SELF_EVALUATED -> Due.WAIT;
      case ASSESSING -> Due.SCORE;
      default -> Due.NONE;
    };
  }
}
