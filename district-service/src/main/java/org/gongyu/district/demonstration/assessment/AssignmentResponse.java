package org.gongyu.district.demonstration.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An assessor on an application round, after assignment or declaration (the statement stays in the row). */
record AssignmentResponse(
    UUID applicationId, int round, String assessor, String status, Instant assignedAt, String assignedBy,
    Instant declaredAt, List<Conflict> declaredConflicts, Instant submittedAt) {

  static AssignmentResponse of(AssignmentRow r) {
    return new AssignmentResponse(r.applicationId(), r.round(), r.assessor(), r.status().name(), r.assignedAt(),
        r.assignedBy(), r.declaredAt(), r.declaredConflicts(), r.submittedAt());
  }
}
