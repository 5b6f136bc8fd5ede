package org.gongyu.district.rollup;

/** Identifies a county rollup. */
record RollupKey(String countyId, String indicatorCode, String periodId) {}
