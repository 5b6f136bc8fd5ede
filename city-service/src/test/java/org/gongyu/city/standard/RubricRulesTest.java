package org.gongyu.city.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.contracts.demonstration.Rubric;
import org.junit.jupiter.api.Test;

class RubricRulesTest {

  private static final Set<String> CATALOGUE = Set.of("PARENT_CONTACT", "HOME_VISIT_3Y", "VISIT_FILES");

  @Test
  void aValidRubricBecomesTheContractsRubricWithNamesTrimmedAndNoIndicatorsAsAnEmptyList() {
    Rubric rubric = RubricRules.check(request(new BigDecimal("15"),
        area("A1", criterion("A1.1", "10", "PARENT_CONTACT"), criterion("A1.2", "5.5")),
        area("A2", criterion("A2.1", "4.25", "HOME_VISIT_3Y", "VISIT_FILES"))), CATALOGUE);

    assertThat(rubric.fullMark()).isEqualByComparingTo("19.75");
    assertThat(rubric.passMark()).isEqualByComparingTo("15");
    assertThat(rubric.titleZh()).isEqualTo("标准");
    assertThat(rubric.criteria()).extracting(Rubric.Criterion::code).containsExactly("A1.1", "A1.2", "A2.1");
    assertThat(rubric.criterion("A1.2").orElseThrow().indicatorCodes()).isEmpty();
    assertThat(rubric.criterion("A2.1").orElseThrow().indicatorCodes()).containsExactly("HOME_VISIT_3Y", "VISIT_FILES");
  }

  @Test
  void thePassMarkMayEqualTheFullMarkButNotExceedIt() {
    assertThat(RubricRules.check(request(new BigDecimal("10.00"), area("A1", criterion("A1.1", "10"))), CATALOGUE)
        .passMark()).isEqualByComparingTo("10");
    assertThat(errors(request(new BigDecimal("10.01"), area("A1", criterion("A1.1", "10")))))
        .containsExactly("passMark: 10.01 is above the full mark 10 (the sum of the criteria's points)");
  }

  @Test
  void thePassMarkIsNotComparedWithAFullMarkThatIsNotKnown() {
    // a criterion without valid points: only that criterion is reported, not a made-up full mark
    assertThat(errors(request(new BigDecimal("50"), area("A1", criterion("A1.1", "10"), criterion("A1.2", "-1")))))
        .containsExactly("areas[0].criteria[1].points: must be above 0, not -1");
  }

  @Test
  void nullElementsAndOversizedListsAreReportedNotThrown() {
    List<IssueStandardRequest.Area> withNull = new ArrayList<>();
    withNull.add(null);
    assertThat(errors(new IssueStandardRequest("标准", "Standard", BigDecimal.ONE, withNull)))
        .containsExactly("areas[0]: an area cannot be null");
    List<IssueStandardRequest.Criterion> criteria = new ArrayList<>();
    criteria.add(null);
    assertThat(errors(request(BigDecimal.ONE, new IssueStandardRequest.Area("A1", "区", "Area", criteria))))
        .containsExactly("areas[0].criteria[0]: a criterion cannot be null");
    assertThat(errors(new IssueStandardRequest("标准", "Standard", BigDecimal.ONE,
        Collections.nCopies(RubricRules.MAX_AREAS + 1, area("A1", criterion("A1.1", "1"))))))
        .containsExactly("areas: at most 20 task areas, not 21");
    assertThat(errors(request(BigDecimal.ONE, new IssueStandardRequest.Area("A1", "区", "Area",
        Collections.nCopies(RubricRules.MAX_CRITERIA_PER_AREA + 1, criterion("A1.1", "1"))))))
        .containsExactly("areas[0].criteria: at most 30 criteria per area, not 31");
    assertThat(errors(new IssueStandardRequest(null, "Standard", null, null)))
        .containsExactly("titleZh: required, and not blank", "areas: a standard needs at least one task area", "passMark: required");
  }

  @Test
  void textsHaveLimitsAndPointsAnUpperBound() {
    IssueStandardRequest.Criterion longEvidence = new IssueStandardRequest.Criterion(
        "A1.1", "条目", "Criterion", BigDecimal.TEN, "证".repeat(RubricRules.MAX_EVIDENCE + 1), null);
    assertThat(errors(request(BigDecimal.ONE, area("A1", longEvidence))))
        .containsExactly("areas[0].criteria[0].evidenceRequired: at most 2000 characters, not 2001");
    assertThat(errors(request(BigDecimal.ONE, area("A1", criterion("A1.1", "1000.01")))))
        .containsExactly("areas[0].criteria[0].points: at most 1000, not 1000.01");
    assertThat(errors(new IssueStandardRequest("标".repeat(201), "Standard", BigDecimal.ONE, List.of(area("A1", criterion("A1.1", "1"))))))
        .containsExactly("titleZh: at most 200 characters, not 201");
  }

  @Test
  void codesFollowTheirAreaAndTrailingZerosAreNotDecimals() {
    assertThat(RubricRules.check(request(BigDecimal.ONE, area("B2", criterion("B2.3.1", "2.500"))), CATALOGUE)
        .fullMark()).isEqualByComparingTo("2.5");
    assertThat(errors(request(BigDecimal.ONE, area("B2", criterion("B20.1", "1")))))
        .containsExactly("areas[0].criteria[0].code: B20.1 must start with its area's code B2 and a dot");
    assertThat(errors(request(BigDecimal.ONE, area("1A", criterion("1A.1", "1")))))
        .containsExactly("areas[0].code: '1A' is not a code (a letter and up to 9 capitals or digits, e.g. A1)",
            "areas[0].criteria[0].code: '1A.1' is not a code (its area's code, a dot and a number, e.g. A1.2)");
  }

  @Test
  void theProblemIs422AndListsEveryRule() {
    assertThatThrownBy(() -> RubricRules.check(request(BigDecimal.ZERO, area("A1", criterion("A1.1", "0", "NOPE"))), CATALOGUE))
        .isInstanceOfSatisfying(ApiProblem.class, p -> {
          assertThat(p.getStatusCode().value()).isEqualTo(422);
          assertThat(p.getBody().getDetail()).startsWith("the standard has 3 problem(s): ");
          assertThat(p.getBody().getProperties().get("errors")).asList().hasSize(3);
        });
  }

  // ---- fixtures

  private static IssueStandardRequest request(BigDecimal passMark, IssueStandardRequest.Area... areas) {
    return new IssueStandardRequest(" 标准 ", "Standard", passMark, List.of(areas));
  }

  private static IssueStandardRequest.Area area(String code, IssueStandardRequest.Criterion... criteria) {
    return new IssueStandardRequest.Area(code, "领域 " + code, "Area " + code, List.of(criteria));
  }

  private static IssueStandardRequest.Criterion criterion(String code, String points, String... indicators) {
    return new IssueStandardRequest.Criterion(code, "条目 " + code, "Criterion " + code, new BigDecimal(points),
        "证明材料", indicators.length == 0 ? null : List.of(indicators));
  }

  @SuppressWarnings("unchecked")
  private static List<String> errors(IssueStandardRequest request) {
    try {
      RubricRules.check(request, CATALOGUE);
    } catch (ApiProblem p) {
      return (List<String>) p.getBody().getProperties().get("errors");
    }
    throw new AssertionError("accepted: " + request);
  }
}
