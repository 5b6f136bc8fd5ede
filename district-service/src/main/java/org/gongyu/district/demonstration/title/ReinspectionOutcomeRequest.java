package org.gongyu.district.demonstration.title;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Body of {@code POST …/applications/{applicationId}/reinspection/outcome}. {@code
 * rectificationDeadline} only with RECTIFY (required there); {@code note} required for RECTIFY and
 * REVOKE: the school is told why.
 */
record ReinspectionOutcomeRequest(
    @NotNull ReinspectionOutcome outcome, LocalDate rectificationDeadline, @Size(max = 2000) String note) {

  enum ReinspectionOutcome { KEEP, RECTIFY, REVOKE }
}
