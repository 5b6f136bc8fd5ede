package org.gongyu.school.homevisit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.SchoolCalendar;

/**
 * The arithmetic of the three home-visit indicators, free of storage so every boundary can be
 * tested on its own. Dates are days in the city; {@code endExclusive} is the first day after the
 * period.
 */
final class HomeVisitFigures {

  private HomeVisitFigures() {}

  /**
   * A contact as the derivations see it.
   *
   * @param studentKey the student's HMAC
   * @param schoolYear the school year of the contact's class
   * @param date       the day of the contact
   * @param mode       how the family was reached
   */
  record Contact(String studentKey, String schoolYear, LocalDate date, ContactMode mode) {
    boolean within(LocalDate start, LocalDate endExclusive) {
      return !date.isBefore(start) && date.isBefore(endExclusive);
    }
  }

  /**
   * {@code PARENT_CONTACT}: distinct students of the school year's classes with at least one contact
   * (any mode) dated in the semester / Σ enrolment of the year.
   */
  static Figure parentContact(Collection<Contact> contacts, String schoolYear, LocalDate start, LocalDate endExclusive,
      long enrolment) {
    Set<String> students = new HashSet<>();
    for (Contact c : contacts) {
      if (c.schoolYear().equals(schoolYear) && c.within(start, endExclusive)) {
        students.add(c.studentKey());
      }
    }
    return new Figure(students.size(), enrolment);
  }

  /**
   * {@code HOME_VISIT_3Y}: distinct students contacted (any mode) in a class of the current school
   * year who had an {@code IN_HOME} visit dated in the cycle before its end / Σ enrolment of the
   * current school year.
   */
  static Figure homeVisit3y(Collection<Contact> contacts, String currentSchoolYear, LocalDate cycleStart,
      LocalDate endExclusive, long enrolment) {
    Set<String> current = new HashSet<>();
    Set<String> visited = new HashSet<>();
    for (Contact c : contacts) {
      if (!c.within(cycleStart, endExclusive)) {
        continue;
      }
      if (c.schoolYear().equals(currentSchoolYear)) {
        current.add(c.studentKey());
      }
      if (c.mode() == ContactMode.IN_HOME) {
        visited.add(c.studentKey());
      }
    }
    current.retainAll(visited);
    return new Figure(current.size(), enrolment);
  }

  /**
   * {@code VISIT_FILES}: students with an {@code IN_HOME} visit dated in the semester whose file was
   * opened before the semester ended / students with an {@code IN_HOME} visit dated in the semester.
   *
   * @param filesOpened the day each student's file was opened, by student key
   */
  static Figure visitFiles(Collection<Contact> contacts, Map<String, LocalDate> filesOpened, LocalDate start,
      LocalDate endExclusive) {
    Set<String> visited = new HashSet<>();
    for (Contact c : contacts) {
      if (c.mode() == ContactMode.IN_HOME && c.within(start, endExclusive)) {
        visited.add(c.studentKey());
      }
    }
    long withFile = visited.stream()
        .map(filesOpened::get)
        .filter(opened -> opened != null && opened.isBefore(endExclusive))
        .count();
    return new Figure(withFile, visited.size());
  }

  /** The latest school year of a programme cycle that has started by {@code today} (the cycle has started). */
  static Period currentSchoolYear(Period cycle, SchoolCalendar calendar, LocalDate today) {
    Period year = new Period(PeriodType.SCHOOL_YEAR, cycle.startYear() + 2, 0);
    while (year.start(calendar).isAfter(today) && year.startYear() > cycle.startYear()) {
      year = year.previous();
    }
    return year;
  }
}
