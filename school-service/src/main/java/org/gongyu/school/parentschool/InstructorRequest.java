package org.gongyu.school.parentschool;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A certified family-education instructor of the school.
 *
 * @param name          the instructor
 * @param certificateNo the certificate's number
 * @param certifiedOn   when certified (not in the future)
 * @param leftOn        when they left the school, or null; not before {@code certifiedOn}, not in the future
 * @param reason        why a recorded instructor is corrected: required when the content changes (1 to 500 characters)
 */
record InstructorRequest(
    @NotBlank @Size(max = 100) String name,
    @NotBlank @Size(max = 60) String certificateNo,
    @NotNull LocalDate certifiedOn,
    LocalDate leftOn,
    @Size(max = 500) String reason) {}
