package org.gongyu.contracts.period;

import java.time.MonthDay;
import java.util.Objects;

/**
 * When semesters start. The first semester of school year Y/Y+1 starts on {@code
 * firstSemesterStart} in Y, the second on {@code secondSemesterStart} in Y+1; each runs until the
 * next one starts.
 */
public record SchoolCalendar(MonthDay firstSemesterStart, MonthDay secondSemesterStart) {

  /** September 1 and February 1, the usual mainland calendar. */
  public static final SchoolCalendar DEFAULT = new SchoolCalendar(MonthDay.of(9, 1), MonthDay.of(2, 1));

  public SchoolCalendar {
    Objects.requireNonNull(firstSemesterStart, "firstSemesterStart");
    Objects.requireNonNull(secondSemesterStart, "secondSemesterStart");
    if (!secondSemesterStart.isBefore(firstSemesterStart)) {
      throw new IllegalArgumentException("the second semester must start earlier in the calendar year than the first");
    }
  }
}
