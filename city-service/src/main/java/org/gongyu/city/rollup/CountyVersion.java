package org.gongyu.city.rollup;

/** One county rollup version a city rollup was computed from. */
record CountyVersion(String countyId, long version) {}
