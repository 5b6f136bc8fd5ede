package org.gongyu.city.county;

/** A county as the API shows it. */
record CountyResponse(String id, String name, String cityId, long version) {

  static CountyResponse of(CountyRow c) {
    return new CountyResponse(c.id(), c.name(), c.cityId(), c.version());
  }
}
