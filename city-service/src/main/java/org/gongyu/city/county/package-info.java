/**
 * The city's counties ({@code county}), maintained through {@code /api/city/counties} and published
 * as {@code CountyRegistered} on {@code gongyu.city.counties.v1} (key = city id). Announces a new
 * county with {@link org.gongyu.city.county.CountyAdded} so the city rollups can follow, and owns
 * the city lock that keeps "counties expected" consistent with the rollups.
 */
package org.gongyu.city.county;
