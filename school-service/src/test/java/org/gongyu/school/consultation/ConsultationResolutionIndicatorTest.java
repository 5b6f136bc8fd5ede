package org.gongyu.school.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.SchoolCalendar;
import org.junit.jupiter.api.Test;

class ConsultationResolutionIndicatorTest {

  static final SchoolCalendar CAL = SchoolCalendar.DEFAULT;
  static final Period YEAR = Period.parse(PeriodType.SCHOOL_YEAR, "2026-2027");

  static Figure figure(ConsultationResolutionIndicator.CaseDates... cases) {
    return ConsultationResolutionIndicator.figure(List.of(cases), YEAR.start(CAL), YEAR.endExclusive(CAL));
  }

  static ConsultationResolutionIndicator.CaseDates open(String openedOn) {
    return new ConsultationResolutionIndicator.CaseDates(LocalDate.parse(openedOn), false, null);
  }

  static ConsultationResolutionIndicator.CaseDates resolved(String openedOn, String resolvedOn) {
    return new ConsultationResolutionIndicator.CaseDates(LocalDate.parse(openedOn), true, LocalDate.parse(resolvedOn));
  }

  @Test
  void aCaseResolvedOnTheYearsLastDayCountsOneResolvedTheNextDayDoesNot() {
    assertThat(figure(resolved("2026-09-01", "2027-08-31"), resolved("2027-08-31", "2027-09-01")))
        .isEqualTo(new Figure(1, 2));
  }

  @Test
  void casesOpenedOutsideTheYearCountNeitherWay() {
    assertThat(figure(resolved("2026-08-31", "2026-09-02"), open("2027-09-01"), open("2026-09-01")))
        .as("opened the day before the year and the first day after it").isEqualTo(new Figure(0, 1));
  }

  @Test
  void openAndReferredCasesAreOnlyInTheDenominator() {
    var referred = new ConsultationResolutionIndicator.CaseDates(LocalDate.parse("2026-10-01"), false, null);
    assertThat(figure(open("2026-10-01"), referred, resolved("2026-10-01", "2026-10-01"))).isEqualTo(new Figure(1, 3));
  }

  @Test
  void noCasesIsZeroOverZero() {
    assertThat(figure()).isEqualTo(new Figure(0, 0));
  }
}
