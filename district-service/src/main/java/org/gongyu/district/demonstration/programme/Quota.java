package org.gongyu.district.demonstration.programme;

/**
 * A line of the breakdown table (分解表).
 *
 * @param xuequKey the 学区 id, {@code ""} for the schools directly under the county (直属)
 */
record Quota(String xuequKey, int quota) {}
