package org.gongyu.contracts.city.v1;

/**
 * A county (县区) of the city, owned by city-service.
 *
 * @param countyId the county's id (行政区划代码-like, stable)
 * @param cityId   the city
 * @param name     the county's name
 * @param version  strictly increasing per county, from 1
 */
public record CountyRegistered(String countyId, String cityId, String name, long version) {}
