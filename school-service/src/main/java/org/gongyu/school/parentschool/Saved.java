package org.gongyu.school.parentschool;

/** The outcome of a PUT: whether the record is new, and how it now stands. */
record Saved<T>(boolean created, T record) {}
