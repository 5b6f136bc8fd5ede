package org.gongyu.school.parentschool;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A co-education training a member of staff completed.
 *
 * @param personName  who (matched against the parent school's head)
 * @param course      the course
 * @param completedOn when (not in the future)
 * @param reason      why a recorded training is corrected: required when the content changes (1 to 500 characters)
 */
record HeadTrainingRequest(
    @NotBlank @Size(max = 100) String personName,
    @NotBlank @Size(max = 200) String course,
    @NotNull LocalDate completedOn,
    @Size(max = 500) String reason) {}
