package org.gongyu.district.demonstration.assessment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST …/applications/{applicationId}/assignments}: a username of the county's panel. */
record AssignRequest(@NotNull @Pattern(regexp = AssessmentController.USERNAME) String assessor) {}
