/**
 * The flattened org structure as the owning tiers publish it: the city's counties ({@code
 * gongyu.city.counties.v1}) and the counties' school registries ({@code
 * gongyu.district.school-registry.v1}), latest version per unit. Owns the {@code county} and
 * {@code school} tables; other features read them through {@link
 * org.gongyu.reporting.orgunits.OrgUnitRepository}.
 */
package org.gongyu.reporting.orgunits;
