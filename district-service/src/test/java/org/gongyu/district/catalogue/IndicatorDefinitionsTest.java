package org.gongyu.district.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.junit.jupiter.api.Test;

class IndicatorDefinitionsTest {

  @Test
  void aScheduleStoredWithMoreDecimalsOrInAnotherOrderIsTheSame() {
    var a = def(List.of(), step("2024-2025-1", "0.6000"), step("2026-2027-1", "0.80"));
    var b = def(List.of(), step("2026-2027-1", "0.8"), step("2024-2025-1", "0.60"));

    assertThat(IndicatorDefinitions.sameRules(a, b)).isTrue();
  }

  @Test
  void aStepRepeatingThePreviousValueChangesNoTarget() {
    var a = def(List.of(), step("2024-2025-1", "0.60"));
    var b = def(List.of(), step("2024-2025-1", "0.60"), step("2026-2027-2", "0.60"));

    assertThat(IndicatorDefinitions.sameRules(a, b)).isTrue();
  }

  @Test
  void anotherTargetForSomePeriodOrOtherSchoolTypesJudgeDifferently() {
    var base = def(List.of(), step("2024-2025-1", "0.60"));

    assertThat(IndicatorDefinitions.sameRules(base, def(List.of(), step("2024-2025-1", "0.60"), step("2026-2027-2", "0.70"))))
        .as("a later step").isFalse();
    assertThat(IndicatorDefinitions.sameRules(base, def(List.of(), step("2024-2025-1", null)))).as("rising").isFalse();
    assertThat(IndicatorDefinitions.sameRules(base, def(List.of("PRIMARY"), step("2024-2025-1", "0.60")))).as("types").isFalse();
  }

  @Test
  void theFirstDefinitionIsAChange() {
    assertThat(IndicatorDefinitions.sameRules(null, def(List.of(), step("2024-2025-1", "0.60")))).isFalse();
    assertThat(IndicatorDefinitions.sameRules(null, null)).isTrue();
  }

  @Test
  void anUndefinedIndicatorHasNoTargetAndCountsEverySchoolType() {
    var undefined = new IndicatorDefinitions.Rules(null);
    var onlyPrimary = new IndicatorDefinitions.Rules(def(List.of("PRIMARY"), step("2025-2026-2", "0.60")));

    assertThat(undefined.targetFor(Period.parse("2025-2026-1"))).isNull();
    assertThat(undefined.appliesTo("KINDERGARTEN")).isTrue();
    assertThat(onlyPrimary.appliesTo("KINDERGARTEN")).isFalse();
    assertThat(onlyPrimary.targetFor(Period.parse("2025-2026-1"))).as("before the first step").isNull();
    assertThat(onlyPrimary.targetFor(Period.parse("2026-2027-1")).value()).isEqualByComparingTo("0.60");
  }

  private static PeriodTarget step(String from, String value) {
    return new PeriodTarget(from, value == null ? null : new BigDecimal(value));
  }

  private static IndicatorDefined def(List<String> types, PeriodTarget... steps) {
    return new IndicatorDefined("PLATFORM_REGISTRATION", "注册率", "Registration", IndicatorKind.RATIO, PeriodType.SEMESTER,
        TargetComparator.AT_LEAST, false, types, List.of(steps), 1);
  }
}
