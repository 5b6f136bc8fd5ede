package org.gongyu.district.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/district/counties/{countyId}/schools/{schoolId}/close}.
 *
 * @param effectiveFrom the first day the school is closed ({@code 2027-03-15}), in a semester that
 *                      has not ended and after the school's latest membership
 * @param successorId   optional; an open school of the same county the school merges into (合并至)
 */
record CloseSchoolRequest(
    @NotBlank String effectiveFrom,
    @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String successorId) {}
