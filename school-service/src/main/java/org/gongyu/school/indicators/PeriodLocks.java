package org.gongyu.school.indicators;

import java.util.Map;

/**
 * The periods of a school whose sign-off is in force (ADR 0019): signed off and not returned or
 * reopened by the county. {@link SnapshotService} refuses a change dated in one of them and does not
 * re-derive their figures (the freeze). Provided by the sign-off feature ({@code
 * org.gongyu.school.signoff}), which this package does not know.
 */
public interface PeriodLocks {

  /** The school's periods whose sign-off is in force, each with the sign-off version in force. */
  Map<String, Long> inForce(String schoolId);

  /**
   * Told, just before the 409, that a change dated in {@code periodId} was refused, so that the
   * refused request can be kept aside (late data, ADR 0019).
   */
  void refused(String schoolId, String periodId, long signOffVersion);
}
