/**
 * The counties' school registry: 学区 ({@code xuequ}) and schools ({@code school}), maintained
 * through {@code /api/district/counties/{countyId}/...} and published as {@code SchoolRegistered}
 * on {@code gongyu.district.school-registry.v1} (key = county id). Announces a school new to a
 * county with {@link org.gongyu.district.registry.SchoolAdded} so the county's rollups can follow.
 */
package org.gongyu.district.registry;
