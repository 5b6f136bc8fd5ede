package org.gongyu.school.guardduty;

import java.time.LocalDate;

/**
 * A guard-duty member as read back and kept in the trail: no reference.
 *
 * @param voluntary for a PARENT: whether they volunteered (null for staff)
 * @param leftOn    the day they stopped standing guard (not scheduled on or after it); null while active
 */
record GuardMember(String memberId, Kind kind, LocalDate signedUpOn, Boolean voluntary, LocalDate leftOn) {

  enum Kind { SECURITY_GUARD, TEACHER, PARENT }

  /** Whether the member may stand guard on {@code day}. */
  boolean activeOn(LocalDate day) {
    return !day.isBefore(signedUpOn) && (leftOn == null || day.isBefore(leftOn));
  }
}
