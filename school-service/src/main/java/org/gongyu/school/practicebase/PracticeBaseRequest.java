package org.gongyu.school.practicebase;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A social practice education base.
 *
 * @param agreementSignedOn when the co-operation agreement was signed (not in the future); absent if none
 * @param courses           courses the base offers the school's pupils, never negative
 * @param active            whether the school uses it now
 * @param reason            why a recorded base is corrected: required when the content changes
 */
record PracticeBaseRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull PracticeBase.Type type,
    @NotBlank @Size(max = 200) String partnerUnit,
    LocalDate agreementSignedOn,
    @NotNull @Min(value = 0, message = "{gongyu.validation.not-negative}") @Max(10000) Integer courses,
    @NotNull Boolean active,
    @Size(max = 500) String reason) {}
