package org.gongyu.contracts.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemesterTest {

  @Test
  void parsesAndPrintsTheSameId() {
    Semester s = Semester.parse("2025-2026-2");
    assertThat(s).isEqualTo(new Semester(2025, 2));
    assertThat(s.id()).isEqualTo("2025-2026-2");
    assertThat(s.schoolYear()).isEqualTo("2025-2026");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-2027-1", "2025-2026-3", "2025-2026", "25-26-1", "", "2025-2026-1x"})
  void rejectsWhatIsNotASemester(String id) {
    assertThatThrownBy(() -> Semester.parse(id)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id);
  }

  @ParameterizedTest
  @CsvSource({
    "2025-09-01, 2025-2026-1",
    "2026-01-31, 2025-2026-1",
    "2026-02-01, 2025-2026-2",
    "2026-08-31, 2025-2026-2",
    "2026-11-23, 2026-2027-1"
  })
  void findsTheSemesterADayFallsIn(LocalDate day, String expected) {
    assertThat(Semester.containing(day, SchoolCalendar.DEFAULT).id()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-2027", "2025", "2025-2026-1", "abcd-efgh"})
  void rejectsWhatIsNotASchoolYear(String year) {
    assertThatThrownBy(() -> Semester.ofSchoolYear(year))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a school year");
  }

  @Test
  void aSchoolYearHasTwoSemesters() {
    assertThat(Semester.ofSchoolYear("2025-2026")).extracting(Semester::id).containsExactly("2025-2026-1", "2025-2026-2");
  }

  @Test
  void boundsFollowTheCalendar() {
    Semester first = Semester.parse("2025-2026-1");
    assertThat(first.start(SchoolCalendar.DEFAULT)).isEqualTo(LocalDate.of(2025, 9, 1));
    assertThat(first.endExclusive(SchoolCalendar.DEFAULT)).isEqualTo(LocalDate.of(2026, 2, 1));
    Semester second = Semester.parse("2025-2026-2");
    assertThat(second.start(SchoolCalendar.DEFAULT)).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(second.endExclusive(SchoolCalendar.DEFAULT)).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(first).isLessThan(second);
  }
}
