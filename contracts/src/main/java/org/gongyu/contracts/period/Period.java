package org.gongyu.contracts.period;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period an indicator is evaluated in. Ids are distinct by shape, so an id names its type:
 *
 * <ul>
 *   <li>{@link PeriodType#SEMESTER} {@code 2025-2026-1} (学年学期: first semester of 2025–2026);
 *   <li>{@link PeriodType#SCHOOL_YEAR} {@code 2025-2026};
 *   <li>{@link PeriodType#CALENDAR_YEAR} {@code 2026};
 *   <li>{@link PeriodType#PROGRAMME_CYCLE} {@code 2024-2027}: three school years, 2024–2025 to 2026–2027.
 * </ul>
 *
 * Dates come from the city's {@link SchoolCalendar}: a period runs from {@link #start} to the day
 * before {@link #endExclusive}.
 *
 * @param type      the period type
 * @param startYear the calendar year the period starts in
 * @param semester  1 or 2 for a semester, 0 otherwise
 */
public record Period(PeriodType type, int startYear, int semester) implements Comparable<Period> {

  private static final Pattern SEMESTER = Pattern.compile("(\\d{4})-(\\d{4})-([12])");
  private static final Pattern TWO_YEARS = Pattern.compile("(\\d{4})-(\\d{4})");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final String EXPECTED =
      "expected a semester (2025-2026-1), a school year (2025-2026), a calendar year (2026) or a programme cycle (2024-2027)";

  public Period {
    Objects.requireNonNull(type, "type");
    if (startYear < 2000 || startYear > 2100) {
      throw new IllegalArgumentException("a period must start between 2000 and 2100, not " + startYear);
    }
    if ((type == PeriodType.SEMESTER) != (semester == 1 || semester == 2)) {
      throw new IllegalArgumentException("only a semester has a semester number (1 or 2), not " + type + " " + semester);
    }
  }

  /**
   * Parses any period id; the shape says the type.
   *
   * @throws IllegalArgumentException with a message fit to show a user
   */
  public static Period parse(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("period is missing; " + EXPECTED);
    }
    Matcher m = SEMESTER.matcher(id);
    if (m.matches()) {
      Semester s = Semester.parse(id);
      return new Period(PeriodType.SEMESTER, s.startYear(), s.number());
    }
    m = TWO_YEARS.matcher(id);
    if (m.matches()) {
      int from = Integer.parseInt(m.group(1));
      int to = Integer.parseInt(m.group(2));
      if (to == from + 1) {
        return new Period(PeriodType.SCHOOL_YEAR, from, 0);
      }
      if (to == from + 3) {
        return new Period(PeriodType.PROGRAMME_CYCLE, from, 0);
      }
      throw new IllegalArgumentException("'" + id + "' spans neither one school year (2025-2026) nor a 3-year cycle (2024-2027)");
    }
    m = YEAR.matcher(id);
    if (m.matches()) {
      return new Period(PeriodType.CALENDAR_YEAR, Integer.parseInt(m.group(1)), 0);
    }
    throw new IllegalArgumentException("'" + id + "' is not a period; " + EXPECTED);
  }

  /**
   * Parses a period id that must be of {@code type}.
   *
   * @throws IllegalArgumentException with a message fit to show a user
   */
  public static Period parse(PeriodType type, String id) {
    Period p = parse(id);
    if (p.type != type) {
      throw new IllegalArgumentException("'" + id + "' is a " + p.type.label() + ", but this indicator is evaluated per "
          + type.label() + ", e.g. " + example(type));
    }
    return p;
  }

  /** Parses a period id and checks that it is a period of the calendar (a cycle on the calendar's anchor). */
  public static Period parse(String id, SchoolCalendar calendar) {
    Period p = parse(id);
    p.checkOn(calendar);
    return p;
  }

  /** Throws if this is a programme cycle that does not start on the calendar's anchor. */
  public void checkOn(SchoolCalendar calendar) {
    if (type == PeriodType.PROGRAMME_CYCLE && Math.floorMod(startYear - calendar.cycleAnchorYear(), 3) != 0) {
      Period actual = containing(PeriodType.PROGRAMME_CYCLE, calendar.firstSemesterStart().atYear(startYear), calendar);
      throw new IllegalArgumentException("'" + id() + "' is not a programme cycle of this city; cycles start in "
          + calendar.cycleAnchorYear() + " and every third year, e.g. " + actual.id());
    }
  }

  /** The period of {@code type} that a day falls in. */
  public static Period containing(PeriodType type, LocalDate day, SchoolCalendar calendar) {
    return switch (type) {
      case SEMESTER -> {
        Semester s = Semester.containing(day, calendar);
        yield new Period(type, s.startYear(), s.number());
      }
      case SCHOOL_YEAR -> new Period(type, schoolYearStart(day, calendar), 0);
      case CALENDAR_YEAR -> new Period(type, day.getYear(), 0);
      case PROGRAMME_CYCLE -> {
        int year = schoolYearStart(day, calendar);
        yield new Period(type, year - Math.floorMod(year - calendar.cycleAnchorYear(), 3), 0);
      }
    };
  }

  private static int schoolYearStart(LocalDate day, SchoolCalendar calendar) {
    return day.isBefore(calendar.firstSemesterStart().atYear(day.getYear())) ? day.getYear() - 1 : day.getYear();
  }

  /** The id, e.g. {@code 2025-2026-1}, {@code 2025-2026}, {@code 2026} or {@code 2024-2027}. */
  public String id() {
    return switch (type) {
      case SEMESTER -> startYear + "-" + (startYear + 1) + "-" + semester;
      case SCHOOL_YEAR -> startYear + "-" + (startYear + 1);
      case CALENDAR_YEAR -> Integer.toString(startYear);
      case PROGRAMME_CYCLE -> startYear + "-" + (startYear + 3);
    };
  }

  /** First day of the period. */
  public LocalDate start(SchoolCalendar calendar) {
    return switch (type) {
      case SEMESTER -> asSemester().start(calendar);
      case SCHOOL_YEAR, PROGRAMME_CYCLE -> calendar.firstSemesterStart().atYear(startYear);
      case CALENDAR_YEAR -> LocalDate.of(startYear, 1, 1);
    };
  }

  /** First day after the period. */
  public LocalDate endExclusive(SchoolCalendar calendar) {
    return switch (type) {
      case SEMESTER -> asSemester().endExclusive(calendar);
      case SCHOOL_YEAR -> calendar.firstSemesterStart().atYear(startYear + 1);
      case CALENDAR_YEAR -> LocalDate.of(startYear + 1, 1, 1);
      case PROGRAMME_CYCLE -> calendar.firstSemesterStart().atYear(startYear + 3);
    };
  }

  /** Whether the day falls in the period. */
  public boolean contains(LocalDate day, SchoolCalendar calendar) {
    return !day.isBefore(start(calendar)) && day.isBefore(endExclusive(calendar));
  }

  /** The period of the same type just before this one. */
  public Period previous() {
    return switch (type) {
      case SEMESTER -> semester == 2 ? new Period(type, startYear, 1) : new Period(type, startYear - 1, 2);
      case SCHOOL_YEAR, CALENDAR_YEAR -> new Period(type, startYear - 1, 0);
      case PROGRAMME_CYCLE -> new Period(type, startYear - 3, 0);
    };
  }

  /** The period of the same type just after this one. */
  public Period next() {
    return switch (type) {
      case SEMESTER -> semester == 1 ? new Period(type, startYear, 2) : new Period(type, startYear + 1, 1);
      case SCHOOL_YEAR, CALENDAR_YEAR -> new Period(type, startYear + 1, 0);
      case PROGRAMME_CYCLE -> new Period(type, startYear + 3, 0);
    };
  }

  /** This semester as a {@link Semester}. */
  public Semester asSemester() {
    if (type != PeriodType.SEMESTER) {
      throw new IllegalStateException(id() + " is not a semester");
    }
    return new Semester(startYear, semester);
  }

  /** Periods compare within one type, by time. */
  @Override
  public int compareTo(Period o) {
    if (type != o.type) {
      throw new IllegalArgumentException("cannot compare a " + type.label() + " with a " + o.type.label());
    }
    return startYear != o.startYear ? Integer.compare(startYear, o.startYear) : Integer.compare(semester, o.semester);
  }

  @Override
  public String toString() {
    return id();
  }

  private static String example(PeriodType type) {
    return switch (type) {
      case SEMESTER -> "2025-2026-1";
      case SCHOOL_YEAR -> "2025-2026";
      case CALENDAR_YEAR -> "2026";
      case PROGRAMME_CYCLE -> "2024-2027";
    };
  }
}
