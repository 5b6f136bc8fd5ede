package org.gongyu.contracts.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TargetTest {

  private final Target sixtyPercent = new Target(IndicatorKind.RATIO, new BigDecimal("0.60"), TargetComparator.AT_LEAST);

  @Test
  void ratioIsComparedExactlyWithoutRounding() {
    assertThat(sixtyPercent.isMetBy(new Figure(3, 5))).isTrue();
    assertThat(sixtyPercent.isMetBy(new Figure(599, 1000))).isFalse();
    assertThat(sixtyPercent.isMetBy(new Figure(600, 1000))).isTrue();
    // 2/3 rounds to 0.6667 but 0.6666 of a large denominator must not pass a 0.6667 target
    Target twoThirds = new Target(IndicatorKind.RATIO, new BigDecimal("0.6667"), TargetComparator.AT_LEAST);
    assertThat(twoThirds.isMetBy(new Figure(2, 3))).isFalse();
  }

  @Test
  void nothingToDivideByMeetsNothing() {
    assertThat(sixtyPercent.isMetBy(new Figure(0, 0))).isFalse();
  }

  @Test
  void countTargetsCompareTheNumeratorAndAtMostFlipsTheSide() {
    Target atLeastOne = new Target(IndicatorKind.COUNT, BigDecimal.ONE, TargetComparator.AT_LEAST);
    assertThat(atLeastOne.isMetBy(new Figure(1, 0))).isTrue();
    assertThat(atLeastOne.isMetBy(new Figure(0, 0))).isFalse();
    Target atMostTenPercent = new Target(IndicatorKind.RATIO, new BigDecimal("0.10"), TargetComparator.AT_MOST);
    assertThat(atMostTenPercent.isMetBy(new Figure(1, 10))).isTrue();
    assertThat(atMostTenPercent.isMetBy(new Figure(2, 10))).isFalse();
  }
}
