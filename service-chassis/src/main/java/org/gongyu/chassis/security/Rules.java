package org.gongyu.chassis.security;

/**
 * The building blocks of the {@code @PreAuthorize} rule on every endpoint: which roles may call
 * it, {@code and} which units of theirs it may touch, e.g. {@code
 * @PreAuthorize(Rules.SCHOOL_ADMIN + Rules.OF_SCHOOL)}.
 */
public final class Rules {

  private Rules() {}

  public static final String ANY_ROLE =
      "hasAnyRole('SCHOOL_STAFF','SCHOOL_ADMIN','XUEQU_STAFF','COUNTY_ASSESSOR','COUNTY_ADMIN','CITY_STAFF','CITY_ADMIN')";
  public static final String SCHOOL_USER = "hasAnyRole('SCHOOL_STAFF','SCHOOL_ADMIN')";
  public static final String SCHOOL_ADMIN = "hasRole('SCHOOL_ADMIN')";
  /** 学区 staff, the county's staff and the city's: readers of a 学区's figures (with {@link #OF_XUEQU}). */
  public static final String XUEQU_COUNTY_OR_CITY_USER =
      "hasAnyRole('XUEQU_STAFF','COUNTY_ASSESSOR','COUNTY_ADMIN','CITY_STAFF','CITY_ADMIN')";
  public static final String COUNTY_OR_CITY_USER = "hasAnyRole('COUNTY_ASSESSOR','COUNTY_ADMIN','CITY_STAFF','CITY_ADMIN')";
  /**
   * The county's admins; for the city's unit of city-direct schools (ADR 0027), which has none, the
   * city's admins (a service that knows the unit's kind provides {@link CityDirectUnits}). Always
   * with {@link #OF_COUNTY}, whose {@code countyId} it reads.
   */
  public static final String COUNTY_ADMIN = "(hasRole('COUNTY_ADMIN') or hasRole('CITY_ADMIN') and @scope.cityDirect(#countyId))";
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
  /** The path's {@code xuequId} of {@code countyId} is the caller's 学区, in their county, or in their city. */
  public static final String OF_XUEQU = " and @scope.xuequ(#countyId, #xuequId)";
  /** The caller belongs to the city this deployment serves. */
  public static final String OF_CITY = " and @scope.city()";
}
