package org.gongyu.school.sixones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.SchoolCalendar;
import org.junit.jupiter.api.Test;

class SixOnesFiguresTest {

  static final Period YEAR = Period.parse("2026-2027");

  static SixOnesFigures.Participation p(String student, String year, String date) {
    return new SixOnesFigures.Participation(student, year, LocalDate.parse(date));
  }

  @Test
  void countsDistinctStudentsOfTheYearsClassesFromItsFirstToItsLastDay() {
    var participations = List.of(
        p("first-day", "2026-2027", "2026-09-01"),
        p("first-day", "2026-2027", "2027-03-01"),
        p("last-day", "2026-2027", "2027-08-31"),
        p("next-year", "2026-2027", "2027-09-01"),
        p("previous-year", "2026-2027", "2026-08-31"),
        p("other-year-class", "2025-2026", "2026-10-01"));
    assertThat(SixOnesFigures.participation(participations, "2026-2027", YEAR.start(SchoolCalendar.DEFAULT),
        YEAR.endExclusive(SchoolCalendar.DEFAULT), 30)).isEqualTo(new Figure(2, 30));
  }
}
