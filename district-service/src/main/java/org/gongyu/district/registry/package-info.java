/**
 * The counties' school registry: 学区 ({@code xuequ}) and schools ({@code school}), maintained
 * through {@code /api/district/counties/{countyId}/...} and published as {@code SchoolRegistered}
 * on {@code gongyu.district.school-registry.v1} (key = county id). Memberships are effective-dated
 * ({@code school_membership}): a move adds one in the new county, a closure (or merger into another
 * school) one with no county from its day (ADR 0027). Announces a change that the county's rollups
 * must follow with {@link org.gongyu.district.registry.SchoolChanged}.
 */
package org.gongyu.district.registry;
