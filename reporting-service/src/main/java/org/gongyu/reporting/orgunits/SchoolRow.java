package org.gongyu.reporting.orgunits;

/** A stored school: the latest {@code SchoolRegistered} version. {@code xuequId} may be null. */
public record SchoolRow(String schoolId, String countyId, String xuequId, String name, long version) {}
