package org.gongyu.reporting.units;

/**
 * One org unit and the units above it. {@code level}: CITY, COUNTY or SCHOOL. {@code cityName} is
 * null while no city rollup has named the city; {@code countyId}/{@code countyName} are null for
 * the city; {@code xuequId} (the school's 学区) and {@code schoolType} only for a school, either
 * may be null.
 */
public record UnitView(
    String id,
    String level,
    String name,
    String cityId,
    String cityName,
    String countyId,
    String countyName,
    String xuequId,
    String schoolType) {}
