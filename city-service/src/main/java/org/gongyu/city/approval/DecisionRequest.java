package org.gongyu.city.approval;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST …/acceptance} and {@code POST …/return}: the submission version decided on
 * (the one the decider saw; another is 409) and the comment the county sees (required for a return:
 * 422 without).
 */
record DecisionRequest(@NotNull @Min(1) Long submissionVersion, @Size(max = 1000) String comment) {}
