package org.gongyu.district.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/district/counties/{countyId}/xuequ/{xuequId}}. */
record PutXuequRequest(@NotBlank @Size(max = 200) String name) {}
