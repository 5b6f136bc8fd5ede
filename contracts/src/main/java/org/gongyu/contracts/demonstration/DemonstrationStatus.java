package org.gongyu.contracts.demonstration;

/**
 * Where a school's demonstration-school application stands, title included (workflow W1 of seed
 * 001). district-service owns the state machine; school-service mirrors it from {@code
 * DemonstrationStatusChanged}.
 */
public enum DemonstrationStatus {
  /** received by the county, not yet selected */
  APPLIED,
  /** the county did not select it, or it arrived after the deadline (final) */
  DECLINED,
  /** selected: the creation year runs until {@code creationEndsOn} */
  CREATING,
  /** the school submitted its self-evaluation */
  SELF_EVALUATED,
  /** assessors are cleared and scoring on site */
  ASSESSING,
  /** decided: the school needs more time and submits a new self-evaluation */
  DEFERRED,
  /** decided: no title (final) */
  REJECTED,
  /** the title is held */
  TITLED,
  /** a re-inspection of a held title is scheduled */
  REINSPECTING,
  /** the re-inspection ordered rectification by a deadline; the title is still held */
  RECTIFYING,
  /** the title was revoked (final) */
  REVOKED,
  /** the title's validity ended (final) */
  EXPIRED;

  /** Whether a school in this status holds the title. */
  public boolean holdsTitle() {
    return this == TITLED || this == REINSPECTING || this == RECTIFYING;
  }
}
