package org.gongyu.district.demonstration.title;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST …/applications/{applicationId}/rectification/outcome}; {@code note} required for REVOKE. */
record RectificationOutcomeRequest(@NotNull RectificationOutcome outcome, @Size(max = 2000) String note) {

  enum RectificationOutcome { KEEP, REVOKE }
}
