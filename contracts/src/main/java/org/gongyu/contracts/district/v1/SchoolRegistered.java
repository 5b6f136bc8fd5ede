package org.gongyu.contracts.district.v1;

/**
 * A school entered or changed in a county's registry. The registry is owned by district-service;
 * school-service and reporting-service keep copies. Consumers keep the highest version per school.
 *
 * @param schoolId   the school's id (学校标识码-like, stable)
 * @param countyId   the county the school belongs to
 * @param xuequId    the school district (学区) within the county, or {@code null} for a school
 *                   directly under the county
 * @param name       the school's name
 * @param schoolType e.g. {@code PRIMARY}, {@code JUNIOR_SECONDARY}
 * @param version    strictly increasing per school, from 1
 */
public record SchoolRegistered(
    String schoolId, String countyId, String xuequId, String name, String schoolType, long version) {}
