package org.gongyu.district.demonstration.assessment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Body of {@code PUT …/scores/{criterionCode}}: 0 to the criterion's points (checked against the
 * rubric: 422 above it), at most 2 decimals, and the assessor's comment.
 */
record PutScoreRequest(
    @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal points,
    @NotBlank @Size(max = 1000) String comment) {}
