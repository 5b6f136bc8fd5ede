package org.gongyu.district.demonstration.programme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A programme's creation arrangement (安排表), grouped by 学区.
 *
 * @param programmeVersion the programme's version this arrangement belongs to
 */
record ArrangementResponse(String programmeId, long programmeVersion, List<Group> xuequ) {

  /**
   * @param xuequKey the path segment that addresses it: the 学区 id or {@code direct}
   * @param xuequId  the 学区, null for the schools directly under the county (直属)
   */
  record Group(String xuequKey, String xuequId, List<School> schools) {}

  record School(String schoolId, String name, int plannedYear) {}

  static ArrangementResponse of(Programme p, List<Arranged> lines) {
    Map<String, List<School>> byKey = new LinkedHashMap<>();
    for (Arranged a : lines) {
      byKey.computeIfAbsent(a.xuequKey(), k -> new ArrayList<>()).add(new School(a.schoolId(), a.schoolName(), a.plannedYear()));
    }
    List<Group> groups = new ArrayList<>();
    byKey.forEach((key, schools) -> groups.add(new Group(key.isEmpty() ? ProgrammeService.DIRECT : key, key.isEmpty() ? null : key, schools)));
    return new ArrangementResponse(p.id(), p.version(), groups);
  }
}
