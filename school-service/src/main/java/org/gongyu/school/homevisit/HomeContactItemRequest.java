package org.gongyu.school.homevisit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * One contact with a family recorded or corrected on its own (its external id in the path), as a batch item.
 *
 * @param classId    the student's class, of the school year the date falls in
 * @param studentRef the school's reference to the student (stored only as a keyed hash; never answered)
 * @param date       the day of the contact, not in the future
 * @param mode       how the family was reached
 * @param priority   whether the student is a priority case
 * @param reason     why a recorded contact is corrected: required when the content changes (1 to 500 characters)
 */
record HomeContactItemRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
    @NotBlank @Size(max = 100) String studentRef,
    @NotNull LocalDate date,
    @NotNull ContactMode mode,
    Boolean priority,
    @Size(max = 500) String reason) {}
