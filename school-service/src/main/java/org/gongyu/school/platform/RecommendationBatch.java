package org.gongyu.school.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Learning resources the platform recommended to the school's parents. All or nothing;
 * re-sending changes nothing.
 *
 * @param recommendations up to 5,000 records
 */
record RecommendationBatch(
    @NotEmpty @Size(max = 5000, message = "{gongyu.validation.batch-max}") List<@Valid @NotNull Recommendation> recommendations) {

  /**
   * One recommendation.
   *
   * @param externalId    the platform's id of the record: re-sending it is harmless
   * @param resourceId    the resource (counted once per calendar year however often recommended)
   * @param title         its title
   * @param resourceType  e.g. VIDEO, COURSE, ARTICLE
   * @param authoringTier who authored it, e.g. CITY, COUNTY, SCHOOL
   * @param recommendedAt when it was pushed (not in the future)
   */
  record Recommendation(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "{gongyu.validation.external-id}") String externalId,
      @NotBlank @Size(max = 100) String resourceId,
      @NotBlank @Size(max = 300) String title,
      @NotBlank @Size(max = 40) String resourceType,
      @NotBlank @Size(max = 40) String authoringTier,
      @NotNull Instant recommendedAt) {}
}
