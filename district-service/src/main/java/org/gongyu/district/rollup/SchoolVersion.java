package org.gongyu.district.rollup;

/** One school snapshot version a county rollup was computed from. */
record SchoolVersion(String schoolId, long version) {}
