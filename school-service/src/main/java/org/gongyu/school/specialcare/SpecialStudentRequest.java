package org.gongyu.school.specialcare;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * One entry of the register as it stands. A PUT of the same entry id with other content corrects
 * it.
 *
 * @param classId          the student's class, of the school year {@code registeredOn} falls in
 * @param studentRef       the school's reference to the student (stored only as a keyed hash)
 * @param category         {@code LEFT_BEHIND}, {@code SPECIAL_NEEDS}, {@code HARDSHIP} or {@code OTHER}
 * @param registeredOn     the day the student was put on the register
 * @param careFileOn       the day the care file was set up, if it was (not before {@code registeredOn})
 * @param assistancePlanOn the day the assistance plan was made, if it was (not before {@code registeredOn})
 * @param closedOn         the day the entry was closed, if it was (not before {@code registeredOn})
 * @param notes            the situation in the school's words, encrypted at rest; never returned
 * @param reason           why a recorded entry is corrected: required when the content changes (1 to 500 characters)
 */
record SpecialStudentRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
    @NotBlank @Size(max = 100) String studentRef,
    @NotNull Category category,
    @NotNull LocalDate registeredOn,
    LocalDate careFileOn,
    LocalDate assistancePlanOn,
    LocalDate closedOn,
    @Size(max = 4000) String notes,
    @Size(max = 500) String reason) {}
