package org.gongyu.district.demonstration.title;

import java.time.LocalDate;
import java.util.List;

/**
 * A programme's progress on {@code asOf} (today): titles held that day (awarded, within validity,
 * not ended), applications revoked and expired, and the same per 学区 of the breakdown table (分解表).
 */
record ProgressResponse(
    String programmeId, String name, int target, LocalDate asOf, long titlesHeld, long revoked, long expired,
    List<XuequProgress> byXuequ) {

  /**
   * One 学区 key: {@code xuequKey} is the 学区 id or {@code direct} for the schools directly under
   * the county (then {@code xuequId} and {@code xuequName} are null); {@code quota} is 0 for a key
   * with applications but no quota row; {@code inAssessment} counts SELF_EVALUATED, ASSESSING and
   * DEFERRED; {@code quotaMet} is held ≥ quota.
   */
  record XuequProgress(
      String xuequKey, String xuequId, String xuequName, int quota, long held, long applied, long creating,
      long inAssessment, long revoked, long expired, boolean quotaMet) {}
}
