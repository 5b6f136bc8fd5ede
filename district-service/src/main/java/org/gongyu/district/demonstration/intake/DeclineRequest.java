package org.gongyu.district.demonstration.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST …/applications/{applicationId}/decline}: the reason the school is told. */
record DeclineRequest(@NotBlank @Size(max = 500) String reason) {}
