package org.gongyu.school.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One learning activity recorded or corrected on its own (its external id in the path), as a batch item.
 *
 * @param guardianRef the platform's reference to the guardian (stored only as a keyed hash; never answered)
 * @param resourceId  the resource learnt from
 * @param occurredAt  when (not in the future)
 * @param minutes     how long, 0–1440
 * @param reason      why a recorded activity is corrected: required when the content changes (1 to 500 characters)
 */
record LearningItemRequest(
    @NotBlank @Size(max = 100) String guardianRef,
    @NotBlank @Size(max = 100) String resourceId,
    @NotNull Instant occurredAt,
    @NotNull @Min(value = 0, message = "{gongyu.validation.not-negative}") @Max(1440) Integer minutes,
    @Size(max = 500) String reason) {}
