package org.gongyu.chassis.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.SchoolCalendar;

/**
 * The deployment's city calendar: when semesters and programme cycles start, and the time zone in
 * which days begin. Every service of a city is configured with the same {@code gongyu.calendar.*}
 * values, so all tiers agree on which period a day falls in.
 */
public final class CityCalendar {

  private final SchoolCalendar calendar;
  private final ZoneId zone;
  private final Clock clock;

  public CityCalendar(SchoolCalendar calendar, ZoneId zone, Clock clock) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public SchoolCalendar calendar() {
    return calendar;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Today in the city. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /** The day an instant falls on in the city. */
  public LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  /** The instant the period starts. */
  public Instant startOf(Period period) {
    return period.start(calendar).atStartOfDay(zone).toInstant();
  }

  /** The instant the period ends (exclusive). */
  public Instant endOf(Period period) {
    return period.endExclusive(calendar).atStartOfDay(zone).toInstant();
  }

  /** Whether the period has started (today or earlier). */
  public boolean hasStarted(Period period) {
    return !period.start(calendar).isAfter(today());
  }

  /** The period of a type that contains today. */
  public Period current(PeriodType type) {
    return Period.containing(type, today(), calendar);
  }

  /**
   * Parses a period id of this city (a programme cycle must start on the city's anchor).
   *
   * @throws IllegalArgumentException with a message fit to show a user
   */
  public Period parse(String periodId) {
    return Period.parse(periodId, calendar);
  }

  /**
   * Parses a period id that must be of {@code type}.
   *
   * @throws IllegalArgumentException with a message fit to show a user
   */
  public Period parse(PeriodType type, String periodId) {
    Period p = Period.parse(type, periodId);
    p.checkOn(calendar);
    return p;
  }
}
