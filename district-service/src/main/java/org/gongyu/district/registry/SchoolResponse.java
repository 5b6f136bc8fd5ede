package org.gongyu.district.registry;

/** A registered school as the API shows it. */
record SchoolResponse(String id, String countyId, String xuequId, String name, String schoolType, long version) {}
