package org.gongyu.reporting.orgunits;

import java.util.Optional;
import org.gongyu.chassis.security.OrgUnits;
import org.springframework.stereotype.Component;

/** Scope checks learn a school's county from the registry events this service keeps. */
@Component
class RegisteredSchools implements OrgUnits {

  private final OrgUnitRepository orgUnits;

  RegisteredSchools(OrgUnitRepository orgUnits) {
    this.orgUnits = orgUnits;
  }

  @Override
  public Optional<String> countyOfSchool(String schoolId) {
    return orgUnits.school(schoolId).map(SchoolRow::countyId);
  }
}
