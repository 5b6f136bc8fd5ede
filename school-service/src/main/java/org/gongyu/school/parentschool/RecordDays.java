package org.gongyu.school.parentschool;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.school.records.Findings;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;

/** Checks of the days a record carries, and the days whose periods a change touches. */
final class RecordDays {

  /** Periods are defined from 2000 on; a record dated earlier is certainly a typing error. */
  static final LocalDate EARLIEST = LocalDate.of(2001, 1, 1);

  private RecordDays() {}

  /** Adds an error for {@code field} when the day is after today or implausibly early. */
  static void check(List<String> errors, String field, LocalDate day, LocalDate today) {
    if (day == null) {
      return;
    }
    if (day.isAfter(today)) {
      errors.add(field + ": " + day + " is in the future");
    } else if (day.isBefore(EARLIEST)) {
      errors.add(field + ": " + day + " is before " + EARLIEST);
    }
  }

  /** 422 listing every broken rule, if there is one. */
  static void rejectIfAny(List<String> errors) {
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.nothing-stored", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
  }

  /**
   * For a state that holds from {@code from} on (established, certified, trained): that day and the
   * first day of every later semester that has started, so every period from then to now (of any
   * type) is re-derived.
   */
  static List<LocalDate> onward(LocalDate from, CityCalendar calendar) {
    List<LocalDate> days = new ArrayList<>();
    days.add(from);
    for (Period p = Period.containing(PeriodType.SEMESTER, from, calendar.calendar()).next(); calendar.hasStarted(p); p = p.next()) {
      days.add(p.start(calendar.calendar()));
    }
    return days;
  }

  /**
   * The days a change of a record is dated on (ADR 0019 lock): each day field whose value changed,
   * old and new (nulls skipped); if none changed, {@code otherwise} (the record's own day).
   */
  static java.util.Set<LocalDate> changedDays(LocalDate otherwise, LocalDate... beforeAndAfter) {
    java.util.Set<LocalDate> days = new java.util.TreeSet<>();
    for (int i = 0; i + 1 < beforeAndAfter.length; i += 2) {
      if (!java.util.Objects.equals(beforeAndAfter[i], beforeAndAfter[i + 1])) {
        if (beforeAndAfter[i] != null) {
          days.add(beforeAndAfter[i]);
        }
        if (beforeAndAfter[i + 1] != null) {
          days.add(beforeAndAfter[i + 1]);
        }
      }
    }
    if (days.isEmpty() && otherwise != null) {
      days.add(otherwise);
    }
    return days;
  }

  static LocalDate earlier(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }
}
