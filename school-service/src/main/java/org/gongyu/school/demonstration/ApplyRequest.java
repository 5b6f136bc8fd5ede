package org.gongyu.school.demonstration;

import java.util.List;

/**
 * A school's application form (申报表). Its rules (a programme of the school's county, a level from 1
 * to 5 for areas of the programme's rubric, a plan, no personal data) are checked by {@link
 * DemonstrationRules} and refused with 422 naming each field.
 *
 * @param programmeId the county programme applied to
 * @param baseline    the school's starting level per task area of the rubric, each area at most once
 * @param plan        the school-based creation plan (一校一案), 1 to 4000 characters
 */
record ApplyRequest(String programmeId, List<Baseline> baseline, String plan) {

  /**
   * @param areaCode an area of the programme's rubric, e.g. {@code A1}
   * @param level    1 (not started) to 5 (exemplary)
   * @param note     what the level rests on, optional, at most 500 characters
   */
  record Baseline(String areaCode, Integer level, String note) {}
}
