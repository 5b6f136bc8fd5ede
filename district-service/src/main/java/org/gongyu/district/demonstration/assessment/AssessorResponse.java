package org.gongyu.district.demonstration.assessment;

import java.util.List;
import java.util.UUID;

/**
 * A member of the county's assessor panel as the API shows it.
 *
 * @param openAssignments the applications whose open round (self-evaluated or being assessed) the
 *                        assessor is assigned to or cleared on: while there are any, the entry
 *                        cannot be removed
 */
record AssessorResponse(
    String countyId, String username, String name, String homeSchoolId, List<String> formerSchoolIds, boolean active,
    long version, List<UUID> openAssignments) {

  static AssessorResponse of(AssessorRow r, List<UUID> openAssignments) {
    return new AssessorResponse(r.countyId(), r.username(), r.name(), r.homeSchoolId(), r.formerSchoolIds(), r.active(),
        r.version(), List.copyOf(openAssignments));
  }
}
