package org.gongyu.contracts.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.junit.jupiter.api.Test;

class ScoringTest {

  private static final List<String> YEAR = List.of("2026-2027");

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  private static ScoringItem item(IndicatorKind kind, String points, ScoringRule rule) {
    return new ScoringItem("K1", "注册率", "Registration", "PLATFORM_REGISTRATION", kind, d(points), rule);
  }

  private static ItemResult score(ScoringItem item, long num, long den) {
    return Scoring.score(item, new FigureUsed(YEAR, new Figure(num, den)));
  }

  @Test
  void linearGivesNothingAtTheFloorFullPointsAtTheTargetAndProportionInBetween() {
    ScoringItem item = item(IndicatorKind.RATIO, "10", ScoringRule.linear(d("0.40"), d("0.60")));
    assertThat(score(item, 40, 100).points()).isEqualByComparingTo("0");
    assertThat(score(item, 39, 100).points()).isEqualByComparingTo("0");
    assertThat(score(item, 60, 100).points()).isEqualByComparingTo("10");
    assertThat(score(item, 3, 5).points()).as("3 of 5 is exactly 60 %").isEqualByComparingTo("10");
    assertThat(score(item, 95, 100).points()).isEqualByComparingTo("10");
    ItemResult between = score(item, 544, 1000);
    assertThat(between.points()).isEqualByComparingTo("7.20");
    assertThat(between.value()).isEqualByComparingTo("0.5440");
    assertThat(between.explanationZh()).isEqualTo("54.4 % 介于下限 40.0 % 与目标 60.0 % 之间，按比例得 7.2 分（满分 10 分）");
    assertThat(between.explanationEn())
        .isEqualTo("54.4 % lies between the floor 40.0 % and the target 60.0 %: 7.2 of 10 points in proportion");
    assertThat(score(item, 40, 100).explanationZh()).isEqualTo("40.0 % 不高于下限 40.0 %，得 0 分（满分 10 分）");
    assertThat(score(item, 41, 100).points()).as("just above the floor").isEqualByComparingTo("0.50");
    assertThat(score(item, 599, 1000).points()).as("just below the target").isEqualByComparingTo("9.95");
  }

  @Test
  void thresholdIsAllOrNothingComparedExactly() {
    ScoringItem item = item(IndicatorKind.PER_CAPITA, "15", ScoringRule.threshold(d("4")));
    ItemResult met = score(item, 400, 100);
    assertThat(met.points()).isEqualByComparingTo("15");
    assertThat(met.explanationZh()).isEqualTo("4.0 次/人 达到目标 4.0 次/人，得满分 15 分");
    assertThat(met.explanationEn()).isEqualTo("4.0 per person meets the target 4.0 per person: full 15 points");
    ItemResult below = score(item, 399, 100);
    assertThat(below.points()).isEqualByComparingTo("0");
    assertThat(below.explanationZh()).isEqualTo("4.0 次/人 未达到目标 4.0 次/人，得 0 分（满分 15 分）");
  }

  @Test
  void bandsGiveTheHighestBandReachedAndNothingBelowTheLowest() {
    ScoringItem item = item(IndicatorKind.RATIO, "10", ScoringRule.bands(List.of(
        new ScoringRule.Band(d("0.5"), d("4")), new ScoringRule.Band(d("0.7"), d("7")), new ScoringRule.Band(d("0.9"), d("10")))));
    assertThat(score(item, 49, 100).points()).isEqualByComparingTo("0");
    assertThat(score(item, 49, 100).explanationZh()).isEqualTo("49.0 % 低于最低档 50.0 %，得 0 分（满分 10 分）");
    assertThat(score(item, 50, 100).points()).isEqualByComparingTo("4");
    assertThat(score(item, 7, 10).points()).isEqualByComparingTo("7");
    assertThat(score(item, 7, 10).explanationZh()).isEqualTo("70.0 % 达到“≥ 70.0 %”档，得 7 分（满分 10 分）");
    assertThat(score(item, 100, 100).points()).isEqualByComparingTo("10");
  }

  @Test
  void aMissingFigureOrNothingToDivideByScoresAnExplainedZero() {
    ScoringItem item = item(IndicatorKind.RATIO, "10", ScoringRule.threshold(d("0.6")));
    ItemResult missing = Scoring.score(item, FigureUsed.missing(List.of("2026-2027-1", "2026-2027-2")));
    assertThat(missing.points()).isEqualByComparingTo("0");
    assertThat(missing.value()).isNull();
    assertThat(missing.numerator()).isNull();
    assertThat(missing.explanationZh()).isEqualTo("无 2026-2027-1 + 2026-2027-2 数据，记 0 分（满分 10 分）");
    assertThat(missing.explanationEn()).isEqualTo("no figure for 2026-2027-1 + 2026-2027-2: 0 of 10 points");
    ItemResult empty = score(item, 0, 0);
    assertThat(empty.points()).isEqualByComparingTo("0");
    assertThat(empty.denominator()).isZero();
    assertThat(empty.explanationZh()).contains("分母为 0").contains("记 0 分");
  }

  @Test
  void unitsAreRankedByTotalAndEqualTotalsShareARank() {
    ScoringScheme scheme = new ScoringScheme("县区管理考核", "County management assessment", d("30"), List.of(
        new ScoringItem("K1", "注册率", "Registration", "PLATFORM_REGISTRATION", IndicatorKind.RATIO, d("20"),
            ScoringRule.linear(d("0.4"), d("0.6"))),
        new ScoringItem("K2", "学习", "Learning", "PARENT_LEARNING_PER_CAPITA", IndicatorKind.PER_CAPITA, d("10"),
            ScoringRule.threshold(d("4")))));
    Map<String, Map<String, FigureUsed>> figures = new LinkedHashMap<>();
    figures.put("C3", Map.of("K1", new FigureUsed(YEAR, new Figure(5, 10))));
    figures.put("C1", Map.of("K1", new FigureUsed(YEAR, new Figure(6, 10)), "K2", new FigureUsed(YEAR, new Figure(4, 1))));
    figures.put("C2", Map.of("K1", new FigureUsed(YEAR, new Figure(1, 2))));
    figures.put("C4", Map.of());
    List<UnitResult> results = Scoring.assess(scheme, figures);
    assertThat(results).extracting(UnitResult::unitId).containsExactly("C1", "C2", "C3", "C4");
    assertThat(results).extracting(UnitResult::rank).containsExactly(1, 2, 2, 4);
    assertThat(results).extracting(r -> r.total().toPlainString()).containsExactly("30.00", "10.00", "10.00", "0.00");
    assertThat(results.getLast().items()).extracting(ItemResult::explanationZh)
        .containsExactly("无数据，记 0 分（满分 20 分）", "无数据，记 0 分（满分 10 分）");
  }

  @Test
  void adjustmentsMoveTheFinalTotalAndTheRankButNotTheComputedPoints() {
    List<UnitResult> computed = List.of(
        new UnitResult("C1", List.of(), d("30.00"), 1),
        new UnitResult("C2", List.of(), d("10.00"), 2),
        new UnitResult("C3", List.of(), d("10.00"), 2),
        new UnitResult("C4", List.of(), d("0.00"), 4));
    List<AdjustedResult> adjusted = Scoring.adjust(computed, Map.of("C3", d("25"), "C1", d("-5.5"), "C4", d("10")));
    assertThat(adjusted).extracting(AdjustedResult::unitId).containsExactly("C3", "C1", "C2", "C4");
    assertThat(adjusted).extracting(r -> r.total().toPlainString()).containsExactly("35.00", "24.50", "10.00", "10.00");
    assertThat(adjusted).extracting(AdjustedResult::rank).containsExactly(1, 2, 3, 3);
    assertThat(adjusted).extracting(r -> r.adjustment().toPlainString()).containsExactly("25.00", "-5.50", "0.00", "10.00");
    assertThat(adjusted.get(1).computed().total()).isEqualByComparingTo("30");
    assertThat(adjusted.get(1).computed().rank()).isEqualTo(1);
    assertThat(Scoring.adjust(computed, Map.of())).extracting(AdjustedResult::rank).containsExactly(1, 2, 2, 4);
  }

  @Test
  void aSchemeRefusesItemsWhosePointsDoNotAddUpToTheTotalOrARuleOutOfShape() {
    ScoringItem k1 = item(IndicatorKind.RATIO, "10", ScoringRule.threshold(d("0.6")));
    assertThatThrownBy(() -> new ScoringScheme("a", "a", d("100"), List.of(k1)))
        .hasMessageContaining("add up to 10, not 100");
    assertThatThrownBy(() -> ScoringRule.linear(d("0.6"), d("0.6"))).hasMessageContaining("floor below its target");
    assertThatThrownBy(() -> ScoringRule.bands(List.of(new ScoringRule.Band(d("0.5"), d("5")), new ScoringRule.Band(d("0.4"), d("6")))))
        .hasMessageContaining("rise");
    assertThatThrownBy(() -> item(IndicatorKind.RATIO, "5", ScoringRule.bands(List.of(new ScoringRule.Band(d("0.5"), d("6"))))))
        .hasMessageContaining("more than its 5 points");
  }
}
