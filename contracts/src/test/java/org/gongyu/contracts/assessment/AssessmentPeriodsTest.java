package org.gongyu.contracts.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.SchoolCalendar;
import org.junit.jupiter.api.Test;

class AssessmentPeriodsTest {

  private static final Period YEAR = Period.parse("2026-2027");

  @Test
  void aSchoolYearScoresBothSemestersItselfTheCalendarYearItStartsInAndItsCycle() {
    SchoolCalendar cal = SchoolCalendar.DEFAULT;
    assertThat(AssessmentPeriods.of(PeriodType.SEMESTER, YEAR, cal)).containsExactly("2026-2027-1", "2026-2027-2");
    assertThat(AssessmentPeriods.of(PeriodType.SCHOOL_YEAR, YEAR, cal)).containsExactly("2026-2027");
    assertThat(AssessmentPeriods.of(PeriodType.CALENDAR_YEAR, YEAR, cal)).containsExactly("2026");
    assertThat(AssessmentPeriods.of(PeriodType.PROGRAMME_CYCLE, YEAR, cal)).containsExactly("2024-2027");
    assertThat(AssessmentPeriods.of(PeriodType.PROGRAMME_CYCLE, Period.parse("2027-2028"), cal)).containsExactly("2027-2030");
  }

  @Test
  void onlyASchoolYearIsAssessed() {
    assertThatThrownBy(() -> AssessmentPeriods.of(PeriodType.SEMESTER, Period.parse("2026-2027-1"), SchoolCalendar.DEFAULT))
        .hasMessageContaining("school year");
  }
}
