package org.gongyu.district.demonstration.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code PUT …/demonstration/assessors/{username}}.
 *
 * @param homeSchoolId    the school the assessor works at, a registered school of this county; null for
 *                        bureau staff without one
 * @param formerSchoolIds schools they worked at, registered in any county (moves between counties happen)
 * @param active          false takes them off the panel (no new assignments); default true
 */
record PutAssessorRequest(
    @NotBlank @Size(max = 200) String name,
    @Pattern(regexp = AssessmentController.ID) String homeSchoolId,
    @Size(max = 50) List<@NotNull @Pattern(regexp = AssessmentController.ID) String> formerSchoolIds,
    Boolean active) {}
