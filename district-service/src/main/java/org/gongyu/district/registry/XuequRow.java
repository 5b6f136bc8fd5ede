package org.gongyu.district.registry;

/** A stored {@code xuequ} row. */
record XuequRow(String id, String countyId, String name, long version) {}
