package org.gongyu.school.sixones;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.gongyu.contracts.indicator.Figure;

/** The arithmetic of {@code SIX_ONES_PARTICIPATION}, free of storage. */
final class SixOnesFigures {

  private SixOnesFigures() {}

  /**
   * A participation as the derivation sees it.
   *
   * @param studentKey the student's HMAC
   * @param schoolYear the school year of the participation's class
   * @param date       the day of the activity
   */
  record Participation(String studentKey, String schoolYear, LocalDate date) {}

  /**
   * Distinct students of the school year's classes with at least one participation dated in
   * {@code [start, endExclusive)} / Σ enrolment of the year.
   */
  static Figure participation(Collection<Participation> participations, String schoolYear, LocalDate start,
      LocalDate endExclusive, long enrolment) {
    Set<String> students = new HashSet<>();
    for (Participation p : participations) {
      if (p.schoolYear().equals(schoolYear) && !p.date().isBefore(start) && p.date().isBefore(endExclusive)) {
        students.add(p.studentKey());
      }
    }
    return new Figure(students.size(), enrolment);
  }
}
