/**
 * The counties of the city, as city-service registers them ({@code county} table, fed by {@code
 * gongyu.city.counties.v1}). A county must be known here before schools can be registered in it.
 * The county row is also the lock that keeps a county's rollups consistent with its registry. Its
 * {@code kind} marks the city's unit of city-direct schools (ADR 0027), whose county admins are the
 * city's admins ({@link org.gongyu.district.county.CityDirectCounties}).
 */
package org.gongyu.district.county;
