package org.gongyu.school.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One recommendation recorded or corrected on its own (its external id in the path), as a batch item.
 *
 * @param resourceId    the resource (counted once per calendar year however often recommended)
 * @param title         its title
 * @param resourceType  e.g. VIDEO, COURSE, ARTICLE
 * @param authoringTier who authored it, e.g. CITY, COUNTY, SCHOOL
 * @param recommendedAt when it was pushed (not in the future)
 * @param reason        why a recorded recommendation is corrected: required when the content changes (1 to 500 characters)
 */
record RecommendationItemRequest(
    @NotBlank @Size(max = 100) String resourceId,
    @NotBlank @Size(max = 300) String title,
    @NotBlank @Size(max = 40) String resourceType,
    @NotBlank @Size(max = 40) String authoringTier,
    @NotNull Instant recommendedAt,
    @Size(max = 500) String reason) {}
