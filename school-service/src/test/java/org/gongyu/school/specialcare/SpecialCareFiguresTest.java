package org.gongyu.school.specialcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.SchoolCalendar;
import org.junit.jupiter.api.Test;

class SpecialCareFiguresTest {

  /** The last day of semester 2026-2027-1. */
  static final LocalDate LAST_DAY = Period.parse("2026-2027-1").endExclusive(SchoolCalendar.DEFAULT).minusDays(1);

  static SpecialCareFigures.Entry entry(String registered, String careFile, String plan, String closed) {
    return new SpecialCareFigures.Entry(d(registered), d(careFile), d(plan), d(closed));
  }

  static LocalDate d(String s) {
    return s == null ? null : LocalDate.parse(s);
  }

  @Test
  void theSemestersLastDayIsTheDayBeforeTheSecondSemester() {
    assertThat(LAST_DAY).isEqualTo(LocalDate.parse("2027-01-31"));
  }

  @Test
  void countsEntriesActiveOnTheLastDayAndThoseWithFileAndPlanByThen() {
    var entries = List.of(
        entry("2026-09-10", "2026-09-20", "2026-10-01", null),        // active, cared for
        entry("2027-01-31", "2027-01-31", "2027-01-31", null),        // registered, filed and planned on the last day
        entry("2026-09-10", "2026-09-20", null, null),                // active, no plan
        entry("2026-09-10", "2027-02-01", "2026-10-01", null),        // active, file only after the semester
        entry("2025-03-01", "2025-03-02", "2025-03-03", "2027-01-31"), // closed on the last day: not active
        entry("2025-03-01", "2025-03-02", "2025-03-03", "2027-02-01"), // closed after it: active, cared for
        entry("2026-10-01", null, null, "2026-12-01"),                // closed during the semester
        entry("2027-02-01", "2027-02-01", "2027-02-01", null));       // registered after the semester
    assertThat(SpecialCareFigures.onDay(entries, LAST_DAY)).isEqualTo(new Figure(3, 5));
  }

  @Test
  void anEmptyRegisterIsZeroOverZero() {
    assertThat(SpecialCareFigures.onDay(List.of(), LAST_DAY)).isEqualTo(new Figure(0, 0));
  }
}
