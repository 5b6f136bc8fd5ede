package org.gongyu.contracts.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorCodesTest {

  @Test
  void catalogueOrderPutsKnownCodesInTheCataloguesOrderAndUnknownOnesAfterThemByCode() {
    List<String> codes = new ArrayList<>(List.of("ZZ_NEWER", IndicatorCodes.PROBLEM_DISCOVERY, "AA_NEWER",
        IndicatorCodes.PLATFORM_REGISTRATION, IndicatorCodes.HOME_VISIT_3Y));
    codes.sort(IndicatorCodes.CATALOGUE_ORDER);
    assertThat(codes).containsExactly(IndicatorCodes.PLATFORM_REGISTRATION, IndicatorCodes.HOME_VISIT_3Y,
        IndicatorCodes.PROBLEM_DISCOVERY, "AA_NEWER", "ZZ_NEWER");
  }

  @Test
  void everyCodeOfTheCatalogueIsListedOnce() {
    assertThat(IndicatorCodes.ALL).doesNotHaveDuplicates();
    assertThat(IndicatorCodes.ALL.stream().sorted(IndicatorCodes.CATALOGUE_ORDER).toList()).isEqualTo(IndicatorCodes.ALL);
  }
}
