package org.gongyu.chassis.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.contracts.assessment.ScoringRule;
import org.gongyu.contracts.assessment.ScoringScheme;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.junit.jupiter.api.Test;

class SchemeRulesTest {

  private static final Function<String, Optional<IndicatorKind>> CATALOGUE = code -> Optional.ofNullable(Map.of(
      "PLATFORM_REGISTRATION", IndicatorKind.RATIO, "PARENT_LEARNING_PER_CAPITA", IndicatorKind.PER_CAPITA).get(code));

  private static BigDecimal d(String s) {
    return s == null ? null : new BigDecimal(s);
  }

  private static IssueSchemeRequest.Item item(String code, String indicator, String points, IssueSchemeRequest.Rule rule) {
    return new IssueSchemeRequest.Item(code, "名称", "Name", indicator, d(points), rule);
  }

  private static IssueSchemeRequest.Rule linear(String floor, String target) {
    return new IssueSchemeRequest.Rule("LINEAR", d(floor), d(target), null);
  }

  @SuppressWarnings("unchecked")
  private static List<String> errors(IssueSchemeRequest body) {
    ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> SchemeRules.check(body, CATALOGUE));
    assertThat(p).as("a 422").isNotNull();
    assertThat(p.getStatusCode().value()).isEqualTo(422);
    return (List<String>) p.getBody().getProperties().get("errors");
  }

  @Test
  void aValidSchemeKeepsEachIndicatorsKindAndItsRules() {
    ScoringScheme s = SchemeRules.check(new IssueSchemeRequest(" 县区管理考核 ", "County assessment", d("30"), List.of(
        item("K1", "PLATFORM_REGISTRATION", "20", linear("0.4", "0.6")),
        item("K2", "PARENT_LEARNING_PER_CAPITA", "10", new IssueSchemeRequest.Rule("BANDS", null, null, List.of(
            new IssueSchemeRequest.Band(d("2"), d("5")), new IssueSchemeRequest.Band(d("4"), d("10"))))))), CATALOGUE);
    assertThat(s.titleZh()).isEqualTo("县区管理考核");
    assertThat(s.items().get(0).kind()).isEqualTo(IndicatorKind.RATIO);
    assertThat(s.items().get(1).rule().type()).isEqualTo(ScoringRule.Type.BANDS);
    assertThat(AssessmentWorkbook.ruleInWords(s.items().get(0), true)).isEqualTo("达到 60.0 % 得满分，40.0 % 及以下不得分，其间按比例得分");
    assertThat(AssessmentWorkbook.ruleInWords(s.items().get(1), true)).isEqualTo("≥ 2.0 次/人 得 5 分；≥ 4.0 次/人 得 10 分；低于最低档不得分");
  }

  @Test
  void pointsThatDoNotAddUpToTheTotalAreRefusedOnTheTotal() {
    assertThat(errors(new IssueSchemeRequest("a", "a", d("100"), List.of(
        item("K1", "PLATFORM_REGISTRATION", "20", linear("0.4", "0.6")),
        item("K2", "PLATFORM_REGISTRATION", "70", linear("0.4", "0.6"))))))
        .containsExactly("totalPoints: the items' points add up to 90, not the total 100");
  }

  @Test
  void everyBrokenRuleIsNamedByItsField() {
    List<String> errors = errors(new IssueSchemeRequest("", null, d("0"), List.of(
        item("k1", "NO_SUCH", "-1", linear("0.6", "0.6")),
        item("K2", "PLATFORM_REGISTRATION", "10", linear("0.4", "60")),
        item("K2", "PARENT_LEARNING_PER_CAPITA", "10", new IssueSchemeRequest.Rule("BANDS", null, d("4"), List.of(
            new IssueSchemeRequest.Band(d("4"), d("5")), new IssueSchemeRequest.Band(d("3"), d("12"))))),
        item("K4", "PLATFORM_REGISTRATION", "10", new IssueSchemeRequest.Rule("STEPS", null, null, null)))));
    assertThat(errors).containsExactlyInAnyOrder(
        "titleZh: required",
        "titleEn: required",
        "totalPoints: points must be above 0, not 0",
        "items[0].code: \"k1\" is not a code (capitals and digits, e.g. K1 or K1.2)",
        "items[0].indicatorCode: the catalogue has no indicator NO_SUCH",
        "items[0].points: points must be above 0, not -1",
        "items[0].rule.floor: the floor 0.6 must be below the target 0.6",
        "items[1].rule.target: a rate is written as a fraction (0.6 for 60 %), at most 1, not 60",
        "items[2].code: the code K2 is used twice",
        "items[2].rule.target: a BANDS rule does not take this",
        "items[2].rule.bands[1].points: the band gives 12 points, more than the item's 10",
        "items[2].rule.bands[1].atLeast: bands must rise; 3 is not above the previous band's 4",
        "items[3].rule.type: the rule must be THRESHOLD, LINEAR or BANDS, not STEPS");
  }

  @Test
  void bandsMustRiseAndNotGiveFewerPointsHigherUp() {
    assertThat(errors(new IssueSchemeRequest("a", "a", d("10"), List.of(
        item("K1", "PARENT_LEARNING_PER_CAPITA", "10", new IssueSchemeRequest.Rule("BANDS", null, null, List.of(
            new IssueSchemeRequest.Band(d("4"), d("5")), new IssueSchemeRequest.Band(d("3"), d("6")),
            new IssueSchemeRequest.Band(d("5"), d("4")))))))))
        .containsExactly("items[0].rule.bands[1].atLeast: bands must rise; 3 is not above the previous band's 4",
            "items[0].rule.bands[2].points: a higher band cannot give fewer points (4) than the one below (6)");
  }
}
