package org.gongyu.district.approval;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST …/reopening}: the approved sign-off version and the reason (required: 422
 * without), which the school sees and, when the county's submission is withdrawn, the city.
 */
record ReopenRequest(@NotNull @Min(1) Long signOffVersion, @Size(max = 1000) String reason) {}
