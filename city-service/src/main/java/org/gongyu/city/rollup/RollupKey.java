package org.gongyu.city.rollup;

/** Identifies a city rollup within the city. */
record RollupKey(String indicatorCode, String periodId) {}
