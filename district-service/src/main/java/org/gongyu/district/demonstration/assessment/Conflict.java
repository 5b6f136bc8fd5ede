package org.gongyu.district.demonstration.assessment;

/**
 * A conflict of interest. The first three that concern the school ({@link #OWN_SCHOOL}, {@link
 * #FORMER_EMPLOYMENT}, {@link #RECENT_VISIT}) are also detected from the panel and earlier
 * assignments; {@link #RELATIVE} only the assessor can declare.
 */
public enum Conflict {
  /** the assessor works at the school */
  OWN_SCHOOL,
  /** the assessor worked at the school */
  FORMER_EMPLOYMENT,
  /** a relative of the assessor works at or leads the school */
  RELATIVE,
  /** the assessor assessed the school within the recent-visit window */
  RECENT_VISIT
}
