package org.gongyu.contracts.city.v1;

/**
 * A county (县区) of the city, or the city's own unit of the schools directly under it (市直学校),
 * owned by city-service.
 *
 * @param countyId the county's id (行政区划代码-like, stable)
 * @param cityId   the city
 * @param name     the county's name
 * @param version  strictly increasing per county, from 1
 * @param kind     {@link Kind#COUNTY}, or {@link Kind#CITY_DIRECT} for the city's one unit of
 *                 city-direct schools (ADR 0027); added after the first release of v1, so an older
 *                 event carries none and reads as {@code COUNTY}
 */
public record CountyRegistered(String countyId, String cityId, String name, long version, Kind kind) {

  /** What the registered unit is. */
  public enum Kind {
    /** A county (县区): its own staff, counted among the city's counties. */
    COUNTY,
    /**
     * The schools directly under the city (市直学校): kept like a county's, summed into the city's
     * rollup, administered by city staff, and not a county where the city counts or assesses
     * counties.
     */
    CITY_DIRECT
  }

  public CountyRegistered {
    kind = kind == null ? Kind.COUNTY : kind;
  }

  /** A county ({@link Kind#COUNTY}). */
  public CountyRegistered(String countyId, String cityId, String name, long version) {
    this(countyId, cityId, name, version, Kind.COUNTY);
  }
}
