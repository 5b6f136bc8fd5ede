package org.gongyu.district.demonstration.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code demonstration_assignment}: one assessor on one round of an application. */
record AssignmentRow(
    UUID applicationId, int round, String assessor, AssignmentStatus status, Instant assignedAt, String assignedBy,
    Instant declaredAt, List<Conflict> declaredConflicts, String statement, Instant submittedAt) {

  boolean submitted() {
    return submittedAt != null;
  }
}
