package org.gongyu.school.guardduty;

import java.time.LocalDate;
import java.util.List;

/** One duty: a day, a slot, the members on it (by member id). */
record GuardDuty(String dutyId, LocalDate date, Slot slot, List<String> memberIds) {

  /** Before school and after it. */
  enum Slot { ARRIVAL, DISMISSAL }
}
