package org.gongyu.school.demonstration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.gongyu.contracts.demonstration.Rubric;
import org.junit.jupiter.api.Test;

class DemonstrationRulesTest {

  static final Rubric.Criterion A11 = new Rubric.Criterion("A1.1", "家长学校", "Parent school", new BigDecimal("10"), "章程", List.of());
  static final Rubric RUBRIC = new Rubric("示范学校建设标准", "Standard", new BigDecimal("20"), List.of(
      new Rubric.Area("A1", "家庭教育指导", "Guidance", List.of(A11,
          new Rubric.Criterion("A1.2", "数字家长学校", "Digital", new BigDecimal("20"), "平台统计", List.of()))),
      new Rubric.Area("A2", "家长委员会", "Committees", List.of(
          new Rubric.Criterion("A2.1", "组建", "Formation", new BigDecimal("10"), "名单", List.of())))));

  static ApplyRequest.Baseline b(String area, Integer level) {
    return new ApplyRequest.Baseline(area, level, null);
  }

  static List<DraftItemRequest.Evidence> evidence(int n) {
    List<DraftItemRequest.Evidence> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new DraftItemRequest.Evidence("章程 " + i, "档案室 2025-03-" + i));
    }
    return list;
  }

  @Test
  void aCompleteFormBreaksNoRule() {
    assertThat(DemonstrationRules.applicationProblems(RUBRIC,
        new ApplyRequest("P", List.of(b("A1", 1), new ApplyRequest.Baseline("A2", 5, "已建校级家委会")), "一校一案")))
        .isEmpty();
    assertThat(DemonstrationRules.applicationProblems(RUBRIC, new ApplyRequest("P", List.of(b("A2", 3)), "计".repeat(4000))))
        .as("not every area needs a level; 4000 Han characters are 4000 characters").isEmpty();
  }

  @Test
  void namesEachBrokenRuleOfTheFormByItsField() {
    var problems = DemonstrationRules.applicationProblems(RUBRIC, new ApplyRequest("P",
        Arrays.asList(b("A9", 2), b("A1", 0), b("A1", 6), b(null, null), null,
            new ApplyRequest.Baseline("A2", 3, "x".repeat(501))), " "));
    assertThat(problems).containsExactly(
        "baseline[0].areaCode: A9 is not an area of the programme's rubric (areas A1, A2)",
        "baseline[1].level: must be between 1 and 5, not 0",
        "baseline[2].areaCode: area A1 is given more than once",
        "baseline[2].level: must be between 1 and 5, not 6",
        "baseline[3].areaCode: is required",
        "baseline[3].level: is required (1 to 5)",
        "baseline[4]: is required",
        "baseline[5].note: at most 500 characters, not 501",
        "plan: is required (1 to 4000 characters)");
    assertThat(DemonstrationRules.applicationProblems(RUBRIC, new ApplyRequest("P", List.of(), "x".repeat(4001))))
        .containsExactly("baseline: at least one area's level is required (areas A1, A2)",
            "plan: at most 4000 characters, not 4001");
  }

  @Test
  void theGuardReadsThePlanAndEveryNote() {
    assertThat(DemonstrationRules.applicationTexts(new ApplyRequest("P",
        List.of(new ApplyRequest.Baseline("A1", 2, "n0"), b("A2", 3), new ApplyRequest.Baseline("A2", 1, "n2")), "plan")))
        .containsExactly(java.util.Map.entry("plan", "plan"), java.util.Map.entry("baseline[0].note", "n0"),
            java.util.Map.entry("baseline[2].note", "n2"));
  }

  @Test
  void aScoreFromZeroToThePointsWithTwoDecimalsIsAccepted() {
    for (String score : List.of("0", "10", "9.99", "8.50", "8.500", "10.00")) {
      assertThat(DemonstrationRules.itemProblems(A11, new BigDecimal(score), "做法", evidence(1))).as(score).isEmpty();
    }
  }

  @Test
  void aScoreOutsideThePointsOrWithThreeDecimalsIsRefused() {
    assertThat(DemonstrationRules.itemProblems(A11, new BigDecimal("10.01"), "做法", evidence(1)))
        .containsExactly("items.A1.1.selfScore: must be between 0 and the criterion's 10 points, not 10.01");
    assertThat(DemonstrationRules.itemProblems(A11, new BigDecimal("-1"), "做法", evidence(1)))
        .containsExactly("items.A1.1.selfScore: must be between 0 and the criterion's 10 points, not -1");
    assertThat(DemonstrationRules.itemProblems(A11, new BigDecimal("8.125"), "做法", evidence(1)))
        .containsExactly("items.A1.1.selfScore: at most 2 decimals, not 8.125");
    assertThat(DemonstrationRules.itemProblems(A11, null, "做法", evidence(1)))
        .containsExactly("items.A1.1.selfScore: is required (0 to 10)");
  }

  @Test
  void narrativeAndEvidenceHaveTheirLimits() {
    assertThat(DemonstrationRules.itemProblems(A11, BigDecimal.ONE, "述".repeat(2000), evidence(20))).isEmpty();
    assertThat(DemonstrationRules.itemProblems(A11, BigDecimal.ONE, "述".repeat(2001), evidence(21))).containsExactly(
        "items.A1.1.narrative: at most 2000 characters, not 2001",
        "items.A1.1.evidence: at most 20 pieces of evidence, not 21");
    assertThat(DemonstrationRules.itemProblems(A11, BigDecimal.ONE, "", Collections.emptyList())).containsExactly(
        "items.A1.1.narrative: is required (1 to 2000 characters)",
        "items.A1.1.evidence: at least 1 piece of evidence is required (at most 20)");
    assertThat(DemonstrationRules.itemProblems(A11, BigDecimal.ONE, "做法", Arrays.asList(
        new DraftItemRequest.Evidence(" ", "r"), new DraftItemRequest.Evidence("t".repeat(201), "r".repeat(501)), null)))
        .containsExactly(
            "items.A1.1.evidence[0].title: is required (1 to 200 characters)",
            "items.A1.1.evidence[1].title: at most 200 characters, not 201",
            "items.A1.1.evidence[1].reference: at most 500 characters, not 501",
            "items.A1.1.evidence[2]: is required");
  }

  @Test
  void theGuardReadsTheNarrativeAndEveryEvidenceField() {
    assertThat(DemonstrationRules.itemTexts("A1.2", "n", evidence(2)).keySet()).containsExactly(
        "items.A1.2.narrative", "items.A1.2.evidence[0].title", "items.A1.2.evidence[0].reference",
        "items.A1.2.evidence[1].title", "items.A1.2.evidence[1].reference");
  }
}
