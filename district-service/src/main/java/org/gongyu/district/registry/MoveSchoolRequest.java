package org.gongyu.district.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/district/counties/{countyId}/schools/{schoolId}/move}.
 *
 * @param toCountyId    the county the school moves to
 * @param toXuequId     optional; a 学区 of that county
 * @param effectiveFrom a semester id ({@code 2026-2027-2}) that has not ended; the move takes effect
 *                      on its first day
 */
record MoveSchoolRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String toCountyId,
    @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String toXuequId,
    @NotBlank String effectiveFrom) {}
