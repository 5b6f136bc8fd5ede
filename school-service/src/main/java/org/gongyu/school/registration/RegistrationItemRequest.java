package org.gongyu.school.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One platform registration recorded or corrected on its own (its external id in the path), as a batch item.
 *
 * @param classId      the student's class at this school; the registration must precede the end of its school year
 * @param studentRef   the platform's reference to the student (stored only as a keyed hash; never answered)
 * @param guardianRef  the platform's reference to the guardian account (stored only as a keyed hash; never answered)
 * @param registeredAt when the guardian registered, not in the future
 * @param reason       why a recorded registration is corrected: required when the content changes (1 to 500 characters)
 */
record RegistrationItemRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
    @NotBlank @Size(max = 100) String studentRef,
    @NotBlank @Size(max = 100) String guardianRef,
    @NotNull Instant registeredAt,
    @Size(max = 500) String reason) {}
