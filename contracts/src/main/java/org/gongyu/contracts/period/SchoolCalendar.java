package org.gongyu.contracts.period;

import java.time.MonthDay;
import java.util.Objects;

/**
 * A city's school calendar. The first semester of school year Y/Y+1 starts on {@code
 * firstSemesterStart} in Y, the second on {@code secondSemesterStart} in Y+1; each runs until the
 * next one starts. Three-year programme cycles start with the school year {@code cycleAnchorYear}
 * and every third school year after (or before) it.
 */
public record SchoolCalendar(MonthDay firstSemesterStart, MonthDay secondSemesterStart, int cycleAnchorYear) {

  /** September 1 and February 1, the usual mainland calendar; programme cycles 2024-2027, 2027-2030, … */
  public static final SchoolCalendar DEFAULT = new SchoolCalendar(MonthDay.of(9, 1), MonthDay.of(2, 1), 2024);

  public SchoolCalendar {
    Objects.requireNonNull(firstSemesterStart, "firstSemesterStart");
    Objects.requireNonNull(secondSemesterStart, "secondSemesterStart");
    if (!secondSemesterStart.isBefore(firstSemesterStart)) {
      throw new IllegalArgumentException("the second semester must start earlier in the calendar year than the first");
    }
    if (cycleAnchorYear < 2000 || cycleAnchorYear > 2100) {
      throw new IllegalArgumentException("the programme cycle must start between 2000 and 2100, not " + cycleAnchorYear);
    }
  }

  /** The calendar with programme cycles anchored at 2024. */
  public SchoolCalendar(MonthDay firstSemesterStart, MonthDay secondSemesterStart) {
    this(firstSemesterStart, secondSemesterStart, 2024);
  }
}
