package org.gongyu.reporting.units;

import java.util.Objects;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.OrgScope;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The unit half of the rule on {@code /units/{unitId}}, as {@code @reportUnits.visible(#unitId)}:
 * a county is checked like {@code @scope.county}, a school (or an id that is nothing yet) like
 * {@code @scope.school}, and the city is visible to every user of this city (it is in everyone's
 * breadcrumbs). A refusal marks the request like the chassis rules do, so it answers 404 and is
 * audited as a denial.
 */
@Component("reportUnits")
class UnitScope {

  private final Units units;
  private final OrgScope scope;

  UnitScope(Units units, OrgScope scope) {
    this.units = units;
    this.scope = scope;
  }

  public boolean visible(String unitId) {
    return switch (units.kindOf(unitId)) {
      case COUNTY -> scope.county(unitId);
      case SCHOOL -> scope.school(unitId);
      case CITY -> ofThisCity(unitId);
    };
  }

  private boolean ofThisCity(String unitId) {
    boolean ok = Caller.of(SecurityContextHolder.getContext().getAuthentication())
        .map(c -> Objects.equals(c.cityId(), units.cityId()))
        .orElse(false);
    if (!ok) {
      RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
      if (attributes != null) {
        attributes.setAttribute(OrgScope.OUT_OF_SCOPE, "city " + unitId, RequestAttributes.SCOPE_REQUEST);
      }
    }
    return ok;
  }
}
