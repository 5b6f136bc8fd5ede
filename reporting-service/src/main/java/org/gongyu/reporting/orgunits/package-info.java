/**
 * The flattened org structure as the owning tiers publish it: the city's counties ({@code
 * gongyu.city.counties.v1}) and the counties' school registries ({@code
 * gongyu.district.school-registry.v1}) with each school's effective-dated membership history,
 * latest version per unit. Owns the {@code county}, {@code school} and {@code school_membership}
 * tables; other features read them through {@link org.gongyu.reporting.orgunits.OrgUnitRepository}.
 */
package org.gongyu.reporting.orgunits;
