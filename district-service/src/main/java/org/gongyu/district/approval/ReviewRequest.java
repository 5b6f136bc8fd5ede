package org.gongyu.district.approval;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST …/approval} and {@code POST …/return}: the sign-off version reviewed (the one
 * the reviewer saw; an outdated one is 409) and, for a return, the comment the school sees
 * (required there: 422 without).
 */
record ReviewRequest(@NotNull @Min(1) Long signOffVersion, @Size(max = 1000) String comment) {}
