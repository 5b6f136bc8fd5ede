package org.gongyu.school.openschool;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * An open-school event.
 *
 * @param type       what kind of event
 * @param classId    the class it was for; absent for a whole-school event. A class of this school whose
 *                   school year contains {@code date}; required for PARENTS_INTO_CLASSROOM
 * @param date       the day it was held (not in the future)
 * @param mode       ONLINE or OFFLINE (ONLINE_THEME is always ONLINE)
 * @param theme      what it was about (no personal data)
 * @param attendance parents (or, for a class session, pupils) present, never negative
 * @param profession the profession of the parent who taught, only for PARENTS_INTO_CLASSROOM
 * @param parentRef  the school's reference of that parent, optional, only for PARENTS_INTO_CLASSROOM:
 *                   stored as a keyed pseudonym, never answered back
 * @param reason     why a recorded event is corrected: required when the content changes
 */
record OpenSchoolEventRequest(
    @NotNull OpenSchoolEvent.Type type,
    @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
    @NotNull LocalDate date,
    @NotNull OpenSchoolEvent.Mode mode,
    @NotBlank @Size(max = 200) String theme,
    @NotNull @Min(value = 0, message = "{gongyu.validation.not-negative}") @Max(100000) Integer attendance,
    @Size(max = 100) String profession,
    @Size(min = 1, max = 100) String parentRef,
    @Size(max = 500) String reason) {}
