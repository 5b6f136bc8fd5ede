package org.gongyu.city.county;

/** A county (or the city-direct unit, {@code kind} CITY_DIRECT) as the API shows it. */
record CountyResponse(String id, String name, String cityId, long version, String kind) {

  static CountyResponse of(CountyRow c) {
    return new CountyResponse(c.id(), c.name(), c.cityId(), c.version(), c.kind().name());
  }
}
