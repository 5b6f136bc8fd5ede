package org.gongyu.reporting.orgunits;

/** A stored county: the latest {@code CountyRegistered} version. */
public record CountyRow(String countyId, String cityId, String name, long version) {}
