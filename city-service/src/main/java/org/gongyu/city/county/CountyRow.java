package org.gongyu.city.county;

/** A stored {@code county} row. */
record CountyRow(String id, String cityId, String name, long version) {}
