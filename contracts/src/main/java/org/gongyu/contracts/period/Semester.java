package org.gongyu.contracts.period;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semester (学期) of a school year: {@code 2025-2026-1} is the first semester of school year
 * 2025–2026.
 *
 * @param startYear the calendar year the school year starts in
 * @param number    1 or 2
 */
public record Semester(int startYear, int number) implements Comparable<Semester> {

  private static final Pattern ID = Pattern.compile("(\\d{4})-(\\d{4})-([12])");

  public Semester {
    if (startYear < 2000 || startYear > 2100) {
      throw new IllegalArgumentException("school year must start between 2000 and 2100, not " + startYear);
    }
    if (number != 1 && number != 2) {
      throw new IllegalArgumentException("semester number must be 1 or 2, not " + number);
    }
  }

  /**
   * Parses {@code 2025-2026-1}.
   *
   * @throws IllegalArgumentException with a message fit to show a user
   */
  public static Semester parse(String id) {
    if (id == null) {
      throw new IllegalArgumentException("semester is missing; expected e.g. 2025-2026-1");
    }
    Matcher m = ID.matcher(id);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + id + "' is not a semester; expected e.g. 2025-2026-1");
    }
    int from = Integer.parseInt(m.group(1));
    int to = Integer.parseInt(m.group(2));
    if (to != from + 1) {
      throw new IllegalArgumentException("'" + id + "' is not a semester: a school year spans two consecutive years");
    }
    return new Semester(from, Integer.parseInt(m.group(3)));
  }

  /** The semester a day falls in. */
  public static Semester containing(LocalDate day, SchoolCalendar calendar) {
    LocalDate firstStart = calendar.firstSemesterStart().atYear(day.getYear());
    LocalDate secondStart = calendar.secondSemesterStart().atYear(day.getYear());
    if (!day.isBefore(firstStart)) {
      return new Semester(day.getYear(), 1);
    }
    if (!day.isBefore(secondStart)) {
      return new Semester(day.getYear() - 1, 2);
    }
    return new Semester(day.getYear() - 1, 1);
  }

  /** The school-year id, {@code 2025-2026}. */
  public String schoolYear() {
    return startYear + "-" + (startYear + 1);
  }

  public String id() {
    return schoolYear() + "-" + number;
  }

  /** First day of the semester. */
  public LocalDate start(SchoolCalendar calendar) {
    return number == 1
        ? calendar.firstSemesterStart().atYear(startYear)
        : calendar.secondSemesterStart().atYear(startYear + 1);
  }

  /** First day after the semester. */
  public LocalDate endExclusive(SchoolCalendar calendar) {
    return number == 1
        ? calendar.secondSemesterStart().atYear(startYear + 1)
        : calendar.firstSemesterStart().atYear(startYear + 1);
  }

  private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

  /**
   * Both semesters of a school year such as {@code 2025-2026}.
   *
   * @throws IllegalArgumentException with a message fit to show a user
   */
  public static java.util.List<Semester> ofSchoolYear(String schoolYear) {
    Matcher m = schoolYear == null ? null : SCHOOL_YEAR.matcher(schoolYear);
    if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
      throw new IllegalArgumentException("'" + schoolYear + "' is not a school year; expected two consecutive years such as 2025-2026");
    }
    int start = Integer.parseInt(m.group(1));
    return java.util.List.of(new Semester(start, 1), new Semester(start, 2));
  }

  @Override
  public int compareTo(Semester o) {
    return startYear != o.startYear ? Integer.compare(startYear, o.startYear) : Integer.compare(number, o.number);
  }

  @Override
  public String toString() {
    return id();
  }
}
