package org.gongyu.school.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Guardians' learning activities on the platform. All or nothing; re-sending changes nothing.
 *
 * @param activities up to 5,000 records
 */
record LearningBatch(
    @NotEmpty @Size(max = 5000, message = "{gongyu.validation.batch-max}") List<@Valid @NotNull Activity> activities) {

  /**
   * One learning activity.
   *
   * @param externalId  the platform's id of the record: re-sending it is harmless
   * @param guardianRef the platform's reference to the guardian (stored only as a keyed hash)
   * @param resourceId  the resource learnt from
   * @param occurredAt  when (not in the future)
   * @param minutes     how long, 0–1440
   */
  record Activity(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "{gongyu.validation.external-id}") String externalId,
      @NotBlank @Size(max = 100) String guardianRef,
      @NotBlank @Size(max = 100) String resourceId,
      @NotNull Instant occurredAt,
      @NotNull @Min(value = 0, message = "{gongyu.validation.not-negative}") @Max(1440) Integer minutes) {}
}
