package org.gongyu.district.registry;

/** The outcome of a PUT: the stored row and whether it was created by this request. */
record Upserted<T>(T row, boolean created) {}
