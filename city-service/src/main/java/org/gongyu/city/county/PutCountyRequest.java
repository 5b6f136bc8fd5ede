package org.gongyu.city.county;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/city/counties/{countyId}}. {@code kind}: {@code COUNTY} or {@code
 * CITY_DIRECT} (the city's one unit of city-direct schools, ADR 0027); absent: {@code COUNTY} for a
 * new unit, the stored kind for a registered one. Checked by the service (422 naming the field), so
 * an unknown kind is not a malformed body.
 */
record PutCountyRequest(@NotBlank @Size(max = 200) String name, String kind) {

  PutCountyRequest(String name) {
    this(name, null);
  }
}
