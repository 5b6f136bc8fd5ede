package org.gongyu.district.demonstration.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * A county's demonstration programmes as one 学区 sees them: its quota and its part of the
 * arrangement table in each, and the 学区's schools it chooses from.
 *
 * @param schools the schools registered in the 学区 now
 */
record XuequProgrammesResponse(String countyId, String xuequId, List<School> schools, List<Line> programmes) {

  record School(String schoolId, String name) {}

  /**
   * @param quota    the 学区's quota in the breakdown table, null before the county puts one
   * @param arranged the schools the 学区 selected, with the year each creates in
   */
  record Line(String programmeId, String name, LocalDate startsOn, LocalDate endsOn, long version, Integer quota,
      List<ArrangementResponse.School> arranged) {}
}
