/**
 * Reporting deadlines a county sets per period ({@code county_deadline}, through {@code
 * /api/district/counties/{countyId}/deadlines/{periodId}}). Rollups read them to count the schools
 * that reported on time; a set or changed deadline is announced with {@link
 * org.gongyu.district.deadline.DeadlineChanged} so that county's rollups of the period follow.
 */
package org.gongyu.district.deadline;
