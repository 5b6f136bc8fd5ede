package org.gongyu.district.demonstration.programme;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code PUT …/demonstration/programmes/{programmeId}}: the whole programme. The order of
 * the dates ({@code startsOn ≤ applicationOpensOn ≤ applicationDeadline ≤ endsOn}) and the
 * standard version are checked by the service (422).
 *
 * @param consensusMargin points, at most 2 decimals
 */
record PutProgrammeRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull @Min(1) @Max(100_000) Integer target,
    @NotNull LocalDate startsOn,
    @NotNull LocalDate endsOn,
    @NotNull LocalDate applicationOpensOn,
    @NotNull LocalDate applicationDeadline,
    @NotNull @Min(1) @Max(36) Integer creationMonths,
    @NotNull @Min(1) @Max(10) Integer titleValidityYears,
    @NotNull @DecimalMin("0") @DecimalMax("999999.99") @Digits(integer = 6, fraction = 2) BigDecimal consensusMargin,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,60}") String standardId,
    @NotNull @Min(1) Long standardVersion) {}
