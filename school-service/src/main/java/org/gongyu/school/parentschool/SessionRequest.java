package org.gongyu.school.parentschool;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A parent-school session.
 *
 * @param type       COLLECTIVE (whole school) or CLASS
 * @param classId    the class, required for CLASS and absent for COLLECTIVE; a class of this
 *                   school whose school year contains {@code date}
 * @param date       the day it was held (not in the future)
 * @param topic      what it was about
 * @param lecturer   who taught it: required unless {@code lecturerId} is given (then the registry's
 *                   name is kept if this is absent)
 * @param lecturerId a lecturer of the city's registry as this school's copy has it (ADR 0024): the
 *                   one to name for a registered lecturer; unknown ids are refused (422)
 * @param mode       ONLINE or OFFLINE
 * @param attendance parents present, never negative
 * @param reason     why a recorded session is corrected: required when the content changes (1 to 500 characters)
 */
record SessionRequest(
    @NotNull Session.Type type,
    @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
    @NotNull LocalDate date,
    @NotBlank @Size(max = 200) String topic,
    @Size(max = 100) String lecturer,
    @NotNull Session.Mode mode,
    @NotNull @Min(value = 0, message = "{gongyu.validation.not-negative}") @Max(100000) Integer attendance,
    @Size(max = 500) String reason,
    @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String lecturerId) {}
