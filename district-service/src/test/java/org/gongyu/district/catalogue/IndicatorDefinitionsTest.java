package org.gongyu.district.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.indicator.TargetComparator;
import org.junit.jupiter.api.Test;

class IndicatorDefinitionsTest {

  @Test
  void aTargetStoredWithMoreDecimalsIsTheSameTarget() {
    assertThat(IndicatorDefinitions.sameTarget(ratio("0.6000", TargetComparator.AT_LEAST), ratio("0.60", TargetComparator.AT_LEAST)))
        .isTrue();
  }

  @Test
  void anotherValueComparatorOrKindIsAnotherTarget() {
    Target sixty = ratio("0.60", TargetComparator.AT_LEAST);

    assertThat(IndicatorDefinitions.sameTarget(sixty, ratio("0.65", TargetComparator.AT_LEAST))).isFalse();
    assertThat(IndicatorDefinitions.sameTarget(sixty, ratio("0.60", TargetComparator.AT_MOST))).isFalse();
    assertThat(IndicatorDefinitions.sameTarget(sixty, new Target(IndicatorKind.PER_CAPITA, new BigDecimal("0.60"), TargetComparator.AT_LEAST)))
        .isFalse();
  }

  @Test
  void theFirstDefinitionIsAChange() {
    assertThat(IndicatorDefinitions.sameTarget(null, ratio("0.60", TargetComparator.AT_LEAST))).isFalse();
    assertThat(IndicatorDefinitions.sameTarget(null, null)).isTrue();
  }

  private static Target ratio(String value, TargetComparator comparator) {
    return new Target(IndicatorKind.RATIO, new BigDecimal(value), comparator);
  }
}
