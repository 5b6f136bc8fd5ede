package org.gongyu.district.demonstration.assessment;

import java.util.List;

/** A row of {@code demonstration_assessor}: a member of a county's panel. */
record AssessorRow(
    String countyId, String username, String name, String homeSchoolId, List<String> formerSchoolIds, boolean active,
    long version) {}
