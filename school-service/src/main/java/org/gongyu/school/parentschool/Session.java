package org.gongyu.school.parentschool;

import java.time.LocalDate;

/**
 * A parent-school session as stored.
 *
 * @param classId the class of a {@link Type#CLASS} session; null for a collective one
 * @param lecturer an adult's name: stays at the school tier
 */
record Session(String sessionId, Type type, String classId, LocalDate date, String topic, String lecturer, Mode mode, int attendance) {

  /** Whole school or one class. */
  enum Type { COLLECTIVE, CLASS }

  /** How it was held. */
  enum Mode { ONLINE, OFFLINE }
}
