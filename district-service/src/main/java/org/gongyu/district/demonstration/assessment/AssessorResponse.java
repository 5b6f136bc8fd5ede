package org.gongyu.district.demonstration.assessment;

import java.util.List;

/** A member of the county's assessor panel as the API shows it. */
record AssessorResponse(
    String countyId, String username, String name, String homeSchoolId, List<String> formerSchoolIds, boolean active,
    long version) {

  static AssessorResponse of(AssessorRow r) {
    return new AssessorResponse(r.countyId(), r.username(), r.name(), r.homeSchoolId(), r.formerSchoolIds(), r.active(),
        r.version());
  }
}
