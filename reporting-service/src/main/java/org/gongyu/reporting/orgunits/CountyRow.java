package org.gongyu.reporting.orgunits;

/**
 * A stored county: the latest {@code CountyRegistered} version. {@code kind}: {@code COUNTY}, or
 * {@code CITY_DIRECT} for the city's unit of city-direct schools (市直学校, ADR 0027).
 */
public record CountyRow(String countyId, String cityId, String name, long version, String kind) {

  public static final String CITY_DIRECT = "CITY_DIRECT";

  public CountyRow(String countyId, String cityId, String name, long version) {
    this(countyId, cityId, name, version, "COUNTY");
  }

  /** The city's unit of city-direct schools, not a county where counties are counted. */
  public boolean cityDirect() {
    return CITY_DIRECT.equals(kind);
  }
}
