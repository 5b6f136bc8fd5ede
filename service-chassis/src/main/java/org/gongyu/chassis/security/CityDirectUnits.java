package org.gongyu.chassis.security;

/**
 * Which county of this service's data is the city's unit of city-direct schools (市直学校, ADR 0027),
 * whose county admins are the city's admins. A service that keeps no kinds has none: every county
 * is a county.
 */
@FunctionalInterface
public interface CityDirectUnits {

  /** True when {@code countyId} is registered here as the city's city-direct unit. */
  boolean isCityDirect(String countyId);
}
