package org.gongyu.district.demonstration.programme;

/**
 * A line of the creation arrangement (安排表): a school its 学区 selected and the year it creates in.
 *
 * @param xuequKey   the 学区 id, {@code ""} for the schools directly under the county (直属)
 * @param schoolName the registry's current name, for display
 */
record Arranged(String xuequKey, String schoolId, String schoolName, int plannedYear) {}
