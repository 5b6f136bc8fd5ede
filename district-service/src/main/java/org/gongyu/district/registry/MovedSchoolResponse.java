package org.gongyu.district.registry;

import java.time.LocalDate;
import java.util.List;

/** A moved school as the API shows it: the current registry entry and where it belonged from when. */
record MovedSchoolResponse(
    String id, String countyId, String xuequId, String name, String schoolType, long version, List<Member> memberships) {

  /** From {@code from} on (until the next one) the school belonged to this county and 学区. */
  record Member(String countyId, String xuequId, LocalDate from) {}

  static MovedSchoolResponse of(MovedSchool m) {
    SchoolRow r = m.row();
    return new MovedSchoolResponse(r.id(), r.countyId(), r.xuequId(), r.name(), r.schoolType().name(), r.version(),
        m.memberships().stream().map(x -> new Member(x.countyId(), x.xuequId(), x.from())).toList());
  }
}
