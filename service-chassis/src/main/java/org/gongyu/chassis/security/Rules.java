package org.gongyu.chassis.security;

/**
 * The building blocks of the {@code @PreAuthorize} rule on every endpoint: which roles may call
 * it, {@code and} which units of theirs it may touch, e.g. {@code
 * @PreAuthorize(Rules.SCHOOL_ADMIN + Rules.OF_SCHOOL)}.
 */
public final class Rules {

  private Rules() {}

  public static final String ANY_ROLE =
      "hasAnyRole('SCHOOL_STAFF','SCHOOL_ADMIN','COUNTY_ASSESSOR','COUNTY_ADMIN','CITY_STAFF','CITY_ADMIN')";
  public static final String SCHOOL_USER = "hasAnyRole('SCHOOL_STAFF','SCHOOL_ADMIN')";
  public static final String SCHOOL_ADMIN = "hasRole('SCHOOL_ADMIN')";
  public static final String COUNTY_OR_CITY_USER = "hasAnyRole('COUNTY_ASSESSOR','COUNTY_ADMIN','CITY_STAFF','CITY_ADMIN')";
  public static final String COUNTY_ADMIN = "hasRole('COUNTY_ADMIN')";
  /** An assessor acting for themself (which record is theirs the endpoint decides from the username). */
  public static final String COUNTY_ASSESSOR = "hasRole('COUNTY_ASSESSOR')";
  /** The county's own staff, admins and assessors, without the city. */
  public static final String COUNTY_STAFF = "hasAnyRole('COUNTY_ASSESSOR','COUNTY_ADMIN')";
  public static final String CITY_USER = "hasAnyRole('CITY_STAFF','CITY_ADMIN')";
  public static final String CITY_ADMIN = "hasRole('CITY_ADMIN')";

  /** The path's {@code schoolId} is the caller's school, in their county, or in their city. */
  public static final String OF_SCHOOL = " and @scope.school(#schoolId)";
  /** The path's {@code countyId} is the caller's county, or in their city. */
  public static final String OF_COUNTY = " and @scope.county(#countyId)";
  /** The caller belongs to the city this deployment serves. */
  public static final String OF_CITY = " and @scope.city()";
}
