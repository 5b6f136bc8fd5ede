package org.gongyu.school.parentschool;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The school's parent school as it stands.
 *
 * @param headName      the person in charge (负责人); a new name is a change of head from {@code effectiveFrom}
 * @param establishedOn the day it was established (not in the future)
 * @param structure     its organisation (组织架构)
 * @param rules         its rules (制度)
 * @param effectiveFrom the day a change of head takes effect (default: today); not in the future, not before
 *                      {@code establishedOn}; it supersedes changes of head recorded from that day on
 * @param reason        why a recorded parent school is corrected: required when its content or head changes
 */
record ParentSchoolRequest(
    @NotBlank @Size(max = 100) String headName,
    @NotNull LocalDate establishedOn,
    @NotBlank @Size(max = 4000) String structure,
    @NotBlank @Size(max = 4000) String rules,
    LocalDate effectiveFrom,
    @Size(max = 500) String reason) {}
