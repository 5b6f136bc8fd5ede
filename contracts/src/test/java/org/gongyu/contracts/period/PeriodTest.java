package org.gongyu.contracts.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {

  private static final SchoolCalendar CAL = SchoolCalendar.DEFAULT;

  @ParameterizedTest
  @CsvSource({
    "2025-2026-1, SEMESTER, 2025-09-01, 2026-02-01",
    "2025-2026-2, SEMESTER, 2026-02-01, 2026-09-01",
    "2025-2026, SCHOOL_YEAR, 2025-09-01, 2026-09-01",
    "2026, CALENDAR_YEAR, 2026-01-01, 2027-01-01",
    "2024-2027, PROGRAMME_CYCLE, 2024-09-01, 2027-09-01"
  })
  void theIdSaysTheTypeAndTheCalendarTheDates(String id, PeriodType type, LocalDate start, LocalDate end) {
    Period p = Period.parse(id);
    assertThat(p.type()).isEqualTo(type);
    assertThat(p.id()).isEqualTo(id);
    assertThat(p.start(CAL)).isEqualTo(start);
    assertThat(p.endExclusive(CAL)).isEqualTo(end);
    assertThat(p.contains(start, CAL)).isTrue();
    assertThat(p.contains(end, CAL)).isFalse();
    assertThat(p.contains(end.minusDays(1), CAL)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "2026-01-31, SEMESTER, 2025-2026-1",
    "2026-02-01, SEMESTER, 2025-2026-2",
    "2026-08-31, SCHOOL_YEAR, 2025-2026",
    "2026-09-01, SCHOOL_YEAR, 2026-2027",
    "2026-11-25, CALENDAR_YEAR, 2026",
    "2024-09-01, PROGRAMME_CYCLE, 2024-2027",
    "2027-08-31, PROGRAMME_CYCLE, 2024-2027",
    "2027-09-01, PROGRAMME_CYCLE, 2027-2030",
    "2024-08-31, PROGRAMME_CYCLE, 2021-2024"
  })
  void findsThePeriodADayFallsIn(LocalDate day, PeriodType type, String expected) {
    assertThat(Period.containing(type, day, CAL).id()).isEqualTo(expected);
  }

  @Test
  void aCityWithAnotherCalendarGetsOtherDatesAndCycles() {
    SchoolCalendar other = new SchoolCalendar(MonthDay.of(8, 25), MonthDay.of(2, 20), 2025);
    assertThat(Period.containing(PeriodType.SEMESTER, LocalDate.of(2026, 2, 19), other).id()).isEqualTo("2025-2026-1");
    assertThat(Period.parse("2025-2026").start(other)).isEqualTo(LocalDate.of(2025, 8, 25));
    assertThat(Period.containing(PeriodType.PROGRAMME_CYCLE, LocalDate.of(2026, 1, 1), other).id()).isEqualTo("2025-2028");
    assertThatThrownBy(() -> Period.parse("2024-2027", other))
        .hasMessageContaining("not a programme cycle of this city").hasMessageContaining("2022-2025");
  }

  @Test
  void stepsAndOrdersWithinAType() {
    assertThat(Period.parse("2025-2026-1").next().id()).isEqualTo("2025-2026-2");
    assertThat(Period.parse("2025-2026-1").previous().id()).isEqualTo("2024-2025-2");
    assertThat(Period.parse("2024-2027").next().id()).isEqualTo("2027-2030");
    assertThat(Period.parse("2026").previous().id()).isEqualTo("2025");
    assertThat(Period.parse("2025-2026-2")).isGreaterThan(Period.parse("2025-2026-1"));
    assertThatThrownBy(() -> Period.parse("2025-2026-1").compareTo(Period.parse("2025-2026")))
        .hasMessageContaining("cannot compare a semester with a school year");
  }

  @Test
  void rejectsWhatIsNotAPeriodWithAMessageForTheUser() {
    assertThatThrownBy(() -> Period.parse("2025-2027")).hasMessageContaining("spans neither one school year");
    assertThatThrownBy(() -> Period.parse("autumn")).hasMessageContaining("is not a period");
    assertThatThrownBy(() -> Period.parse("2025-2026-3")).hasMessageContaining("is not a period");
    assertThatThrownBy(() -> Period.parse(" ")).hasMessageContaining("period is missing");
    assertThatThrownBy(() -> Period.parse(PeriodType.SCHOOL_YEAR, "2025-2026-1"))
        .hasMessageContaining("'2025-2026-1' is a semester, but this indicator is evaluated per school year, e.g. 2025-2026");
  }
}
