package org.gongyu.school.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.SchoolCalendar;
import org.junit.jupiter.api.Test;

class SuggestionsResolvedIndicatorTest {

  static final SchoolCalendar CAL = SchoolCalendar.DEFAULT;
  static final Period YEAR = Period.parse(PeriodType.SCHOOL_YEAR, "2026-2027");

  static SuggestionsResolvedIndicator.Dates s(String received, String resolved) {
    return new SuggestionsResolvedIndicator.Dates(LocalDate.parse(received), resolved == null ? null : LocalDate.parse(resolved));
  }

  static Figure figure(SuggestionsResolvedIndicator.Dates... suggestions) {
    return SuggestionsResolvedIndicator.figure(List.of(suggestions), YEAR.start(CAL), YEAR.endExclusive(CAL));
  }

  @Test
  void theYearRunsFromItsFirstSemesterToTheNextYearsFirstSemester() {
    assertThat(figure(s("2026-08-31", "2026-09-01"), s("2026-09-01", null), s("2027-08-31", "2027-08-31"), s("2027-09-01", "2027-09-01")))
        .isEqualTo(new Figure(1, 2));
  }

  @Test
  void resolvedAfterTheYearEndedIsUnresolvedForThatYear() {
    assertThat(figure(s("2027-06-01", "2027-09-01"), s("2027-06-01", "2027-08-31"))).isEqualTo(new Figure(1, 2));
  }

  @Test
  void noSuggestionsIsZeroOverZero() {
    assertThat(figure()).isEqualTo(new Figure(0, 0));
  }
}
