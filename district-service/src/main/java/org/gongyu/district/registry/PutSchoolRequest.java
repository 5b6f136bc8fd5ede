package org.gongyu.district.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/district/counties/{countyId}/schools/{schoolId}}.
 *
 * @param xuequId optional; a 学区 of the same county
 */
record PutSchoolRequest(
    @NotBlank @Size(max = 200) String name,
    @NotBlank String schoolType,
    @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String xuequId) {}
