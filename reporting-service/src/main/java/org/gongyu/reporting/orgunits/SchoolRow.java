package org.gongyu.reporting.orgunits;

/**
 * A stored school (the latest {@code SchoolRegistered} version) placed in one membership: its
 * current one, or the one in force on a given day when read for a period. {@code xuequId} and
 * {@code schoolType} may be null.
 */
public record SchoolRow(String schoolId, String countyId, String xuequId, String name, String schoolType, long version) {}
