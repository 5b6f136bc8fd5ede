package org.gongyu.school.registry;

import java.util.Optional;
import org.gongyu.chassis.security.OrgUnits;
import org.springframework.stereotype.Component;

/** Scope checks learn a school's county from the registry the county tier publishes. */
@Component
class RegisteredSchools implements OrgUnits {

  private final SchoolRegistry registry;

  RegisteredSchools(SchoolRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Optional<String> countyOfSchool(String schoolId) {
    return registry.find(schoolId).map(SchoolRegistry.School::countyId);
  }
}
