package org.gongyu.school.parentschool;

/** The outcome of a PUT: whether the record is new, how it now stands, and its version in the trail. */
record Saved<T>(boolean created, T record, int version) {}
