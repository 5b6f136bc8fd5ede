package org.gongyu.district.registry;

/** Published in-process, inside the transaction that registered a school new to its county. */
public record SchoolAdded(String countyId, String schoolId) {}
