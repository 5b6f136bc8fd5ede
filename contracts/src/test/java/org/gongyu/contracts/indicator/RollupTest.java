package org.gongyu.contracts.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupTest {

  private final Target sixtyPercent = new Target(IndicatorKind.RATIO, new BigDecimal("0.60"), TargetComparator.AT_LEAST);

  @Test
  void sumsNumeratorsAndDenominatorsInsteadOfAveragingRates() {
    // 90/100 = 90 % and 1/10 = 10 %: the mean of rates would say 50 %, the true rate is 91/110
    Rollup r = Rollup.ofSchools(List.of(new Figure(90, 100), new Figure(1, 10)), 3, sixtyPercent);
    assertThat(r.figure()).isEqualTo(new Figure(91, 110));
    assertThat(r.figure().rate()).isEqualByComparingTo("0.8273");
    assertThat(r.schoolsReporting()).isEqualTo(2);
    assertThat(r.schoolsMeetingTarget()).isEqualTo(1);
    assertThat(r.completeness()).isEqualByComparingTo("0.6667");
  }

  @Test
  void cityRollupIsTheSumOfCountyRollups() {
    Rollup a = Rollup.ofSchools(List.of(new Figure(90, 100)), 2, sixtyPercent);
    Rollup b = Rollup.ofSchools(List.of(new Figure(1, 10), new Figure(7, 10)), 2, sixtyPercent);
    Rollup city = Rollup.ofRollups(List.of(a, b));
    assertThat(city).isEqualTo(new Rollup(new Figure(98, 120), 3, 4, 2));
  }

  @Test
  void withoutATargetNoSchoolIsCountedAsMeetingIt() {
    assertThat(Rollup.ofSchools(List.of(new Figure(9, 10)), 1, null).schoolsMeetingTarget()).isZero();
  }

  @Test
  void emptyRollupHasNoRateAndNoCompleteness() {
    assertThat(Rollup.EMPTY.figure().rate()).isNull();
    assertThat(Rollup.EMPTY.completeness()).isNull();
  }

  @Test
  void negativeFiguresAreImpossible() {
    assertThatThrownBy(() -> new Figure(-1, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
