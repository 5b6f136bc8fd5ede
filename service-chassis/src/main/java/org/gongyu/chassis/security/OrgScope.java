package org.gongyu.chassis.security;

import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The org-unit half of every authorization rule, used in {@code @PreAuthorize} as {@code
 * @scope.school(#schoolId)}, {@code @scope.county(#countyId)} or {@code @scope.city()}; the role
 * half is {@code hasRole(...)}. The caller's unit comes from the token's claims only; where a
 * resource sits comes from this service's own data ({@link OrgUnits}) and the deployment's city.
 *
 * <p>A check that fails marks the request, so that the denial answers 404 like a resource that
 * does not exist ("not yours" and "not found" look the same) and is audited as a denial.
 */
public class OrgScope {

  /** Request attribute set when a scope check refused the caller. */
  public static final String OUT_OF_SCOPE = OrgScope.class.getName() + ".OUT_OF_SCOPE";

  private final OrgUnits orgUnits;
  private final CityDirectUnits cityDirectUnits;
  private final String cityId;

  public OrgScope(OrgUnits orgUnits, String cityId) {
    this(orgUnits, countyId -> false, cityId);
  }

  public OrgScope(OrgUnits orgUnits, CityDirectUnits cityDirectUnits, String cityId) {
    this.orgUnits = orgUnits;
    this.cityDirectUnits = cityDirectUnits;
    this.cityId = cityId;
  }

  /** The school itself; the county it is registered in; the city that runs this deployment. */
  public boolean school(String schoolId) {
    Optional<Caller> caller = caller();
    boolean ok = caller.isPresent() && schoolId != null && switch (caller.get().tier()) {
      case SCHOOL -> schoolId.equals(caller.get().schoolId());
      // a 学区 sees its schools through the 学区's figures; school resources need the school's 学区,
      // which OrgUnits does not tell
      case XUEQU -> false;
      case COUNTY -> caller.get().countyId() != null
          && orgUnits.countyOfSchool(schoolId).filter(caller.get().countyId()::equals).isPresent();
      case CITY -> ownCity(caller.get()) && orgUnits.countyOfSchool(schoolId).isPresent();
      case null -> false;
    };
    return verdict(ok, "school " + schoolId);
  }

  /** County staff of that county; the city's staff. Never a school. */
  public boolean county(String countyId) {
    Optional<Caller> caller = caller();
    boolean ok = caller.isPresent() && countyId != null && switch (caller.get().tier()) {
      case COUNTY -> countyId.equals(caller.get().countyId());
      case CITY -> ownCity(caller.get());
      case SCHOOL, XUEQU -> false;
      case null -> false;
    };
    return verdict(ok, "county " + countyId);
  }

  /**
   * The city's own staff of this city calling for the city's unit of city-direct schools (市直学校,
   * ADR 0027), which has no county staff: the role half of {@link Rules#COUNTY_ADMIN} lets a city
   * admin in there. Not a scope check: false marks nothing (the role rule answers 403 as before).
   */
  public boolean cityDirect(String countyId) {
    Optional<Caller> caller = caller();
    return caller.isPresent() && countyId != null && caller.get().tier() == Role.Tier.CITY && ownCity(caller.get())
        && cityDirectUnits.isCityDirect(countyId);
  }

  /**
   * A 学区 of a county: its own 学区 staff (the token's {@code county_id} and {@code xuequ_id}), the
   * county's staff, the city's staff. Never a school, never another 学区's staff.
   */
  public boolean xuequ(String countyId, String xuequId) {
    Optional<Caller> caller = caller();
    boolean ok = caller.isPresent() && countyId != null && xuequId != null && switch (caller.get().tier()) {
      case XUEQU -> countyId.equals(caller.get().countyId()) && xuequId.equals(caller.get().xuequId());
      case COUNTY -> countyId.equals(caller.get().countyId());
      case CITY -> ownCity(caller.get());
      case SCHOOL -> false;
      case null -> false;
    };
    return verdict(ok, "xuequ " + countyId + "/" + xuequId);
  }

  /** The city's staff of the city this deployment serves. */
  public boolean city() {
    Optional<Caller> caller = caller();
    boolean ok = caller.isPresent() && caller.get().tier() == Role.Tier.CITY && ownCity(caller.get());
    return verdict(ok, "city " + cityId);
  }

  /** The city this deployment serves ({@code gongyu.city.id}). */
  public String cityId() {
    return cityId;
  }

  private boolean ownCity(Caller caller) {
    return Objects.equals(cityId, caller.cityId());
  }

  private static Optional<Caller> caller() {
    return Caller.of(SecurityContextHolder.getContext().getAuthentication());
  }

  private static boolean verdict(boolean ok, String unit) {
    if (!ok) {
      RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
      if (attributes != null) {
        attributes.setAttribute(OUT_OF_SCOPE, unit, RequestAttributes.SCOPE_REQUEST);
      }
    }
    return ok;
  }
}
