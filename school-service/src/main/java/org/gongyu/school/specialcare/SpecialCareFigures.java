package org.gongyu.school.specialcare;

import java.time.LocalDate;
import java.util.Collection;
import org.gongyu.contracts.indicator.Figure;

/** The arithmetic of {@code SPECIAL_CARE}, free of storage. */
final class SpecialCareFigures {

  private SpecialCareFigures() {}

  /** The dates of an entry that the indicator reads. */
  record Entry(LocalDate registeredOn, LocalDate careFileOn, LocalDate assistancePlanOn, LocalDate closedOn) {

    /** Registered on or before the day and not closed on or before it. */
    boolean activeOn(LocalDate day) {
      return !registeredOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
    }

    boolean caredForOn(LocalDate day) {
      return careFileOn != null && !careFileOn.isAfter(day) && assistancePlanOn != null && !assistancePlanOn.isAfter(day);
    }
  }

  /**
   * The state on {@code day} (a semester's last day): entries active then with both a care file and
   * an assistance plan by then / entries active then.
   */
  static Figure onDay(Collection<Entry> entries, LocalDate day) {
    long active = 0;
    long caredFor = 0;
    for (Entry e : entries) {
      if (e.activeOn(day)) {
        active++;
        if (e.caredForOn(day)) {
          caredFor++;
        }
      }
    }
    return new Figure(caredFor, active);
  }
}
