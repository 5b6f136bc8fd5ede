package org.gongyu.district.demonstration.assessment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST …/decision}; a note (the reason) is required to reject or defer. */
record DecisionRequest(@NotNull Outcome outcome, @Size(max = 1000) String note) {}
