package org.gongyu.school.parentschool;

import java.time.LocalDate;

/**
 * A parent-school session as stored.
 *
 * @param classId the class of a {@link Type#CLASS} session; null for a collective one
 * @param lecturer   an adult's name: stays at the school tier (a registry lecturer's name as the
 *                   registry had it when the session was recorded, unless the school wrote another)
 * @param lecturerId the city registry's lecturer (ADR 0024); null for a lecturer not in the registry
 */
record Session(String sessionId, Type type, String classId, LocalDate date, String topic, String lecturer, Mode mode, int attendance,
    String lecturerId) {

  /** Whole school or one class. */
  enum Type { COLLECTIVE, CLASS }

  /** How it was held. */
  enum Mode { ONLINE, OFFLINE }
}
