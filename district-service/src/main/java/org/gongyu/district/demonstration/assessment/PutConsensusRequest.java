package org.gongyu.district.demonstration.assessment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Body of {@code PUT …/consensus/{criterionCode}}: the points the assessors agreed and how they got there. */
record PutConsensusRequest(
    @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal points,
    @NotBlank @Size(max = 1000) String note) {}
