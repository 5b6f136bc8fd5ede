package org.gongyu.contracts.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.gongyu.contracts.period.Period;
import org.junit.jupiter.api.Test;

class PeriodTargetTest {

  private static final List<PeriodTarget> SCHEDULE = List.of(
      new PeriodTarget("2026-2027-2", new BigDecimal("0.65")),
      new PeriodTarget("2024-2025-1", new BigDecimal("0.60")),
      new PeriodTarget("2028-2029-1", null));

  private static BigDecimal valueFor(String period) {
    Target t = PeriodTarget.forPeriod(SCHEDULE, IndicatorKind.RATIO, TargetComparator.AT_LEAST, Period.parse(period));
    return t == null ? null : t.value();
  }

  @Test
  void theLatestStepNotAfterThePeriodApplies() {
    assertThat(valueFor("2024-2025-1")).isEqualByComparingTo("0.60");
    assertThat(valueFor("2026-2027-1")).isEqualByComparingTo("0.60");
    assertThat(valueFor("2026-2027-2")).isEqualByComparingTo("0.65");
    assertThat(valueFor("2027-2028-2")).isEqualByComparingTo("0.65");
  }

  @Test
  void beforeTheFirstStepAndAfterAStepWithoutValueThereIsNoTarget() {
    assertThat(valueFor("2023-2024-2")).isNull();
    assertThat(valueFor("2028-2029-1")).isNull();
  }

  @Test
  void aStepOfAnotherPeriodTypeIsAnError() {
    List<PeriodTarget> wrong = List.of(new PeriodTarget("2025-2026", BigDecimal.ONE));
    assertThatThrownBy(() -> PeriodTarget.forPeriod(wrong, IndicatorKind.RATIO, TargetComparator.AT_LEAST, Period.parse("2025-2026-1")))
        .hasMessageContaining("is a school year");
  }

  @Test
  void smallCellsOfSensitiveIndicatorsOnlyAreSuppressed() {
    assertThat(SmallCells.suppressed(true, 3, 40)).isTrue();
    assertThat(SmallCells.suppressed(true, 12, 4)).isTrue();
    assertThat(SmallCells.suppressed(true, 0, 40)).isFalse();
    assertThat(SmallCells.suppressed(true, 5, 5)).isFalse();
    assertThat(SmallCells.suppressed(false, 1, 2)).isFalse();
  }

  @Test
  void aCountIndicatorIsMetByAUnitWhenEveryExpectedSchoolMeetsIt() {
    Target atLeastOne = new Target(IndicatorKind.COUNT, BigDecimal.ONE, TargetComparator.AT_LEAST);
    assertThat(new Rollup(new Figure(7, 3), 3, 3, 3).meets(atLeastOne)).isTrue();
    assertThat(new Rollup(new Figure(7, 3), 3, 4, 3).meets(atLeastOne)).isFalse();
    assertThat(new Rollup(new Figure(0, 0), 0, 0, 0).meets(atLeastOne)).isFalse();
    Target ratio = new Target(IndicatorKind.RATIO, new BigDecimal("0.60"), TargetComparator.AT_LEAST);
    assertThat(new Rollup(new Figure(60, 100), 2, 5, 0).meets(ratio)).isTrue();
    assertThat(new Rollup(new Figure(60, 100), 2, 5, 0).meets(null)).isNull();
  }

  @Test
  void aUnitCountIsMetByACountyHoldingTheCountAndByTheCityOnAveragePerCounty() {
    Target hundred = new Target(IndicatorKind.UNIT_COUNT, new BigDecimal("100"), TargetComparator.AT_LEAST);
    assertThat(new Rollup(new Figure(100, 1), 240, 240, 100).meets(hundred)).isTrue();
    assertThat(new Rollup(new Figure(99, 1), 240, 240, 99).meets(hundred)).isFalse();
    Rollup city = Rollup.ofRollups(java.util.List.of(new Rollup(new Figure(120, 1), 0, 0, 0), new Rollup(new Figure(79, 1), 0, 0, 0)));
    assertThat(city.figure()).isEqualTo(new Figure(199, 2));
    assertThat(city.meets(hundred)).isFalse();
  }
}
