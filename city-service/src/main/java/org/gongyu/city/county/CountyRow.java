package org.gongyu.city.county;

import org.gongyu.contracts.city.v1.CountyRegistered;

/** A stored {@code county} row. */
record CountyRow(String id, String cityId, String name, long version, CountyRegistered.Kind kind) {}
