package org.gongyu.city.county;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/city/counties/{countyId}}. */
record PutCountyRequest(@NotBlank @Size(max = 200) String name) {}
