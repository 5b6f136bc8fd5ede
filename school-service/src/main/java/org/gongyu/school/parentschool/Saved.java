package org.gongyu.school.parentschool;

/**
 * The outcome of a PUT: whether the record is new, whether anything changed (false for identical
 * content), how it now stands, and its version in the trail.
 */
record Saved<T>(boolean created, boolean changed, T record, int version) {}
