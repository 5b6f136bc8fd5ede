package org.gongyu.school.consultation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * One delivery of the consultation-service information recorded or corrected on its own (its external id in the path), as a batch item.
 *
 * @param classId     the student's class, of the school year containing {@code deliveredOn}
 * @param studentRef  the school's reference to the student (stored only as a keyed hash; never answered)
 * @param channel     how it reached the family
 * @param deliveredOn the day (city time), not in the future
 * @param reason      why a recorded delivery is corrected: required when the content changes (1 to 500 characters)
 */
record OutreachItemRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
    @NotBlank @Size(max = 100) String studentRef,
    @NotNull OutreachBatch.Channel channel,
    @NotNull LocalDate deliveredOn,
    @Size(max = 500) String reason) {}
