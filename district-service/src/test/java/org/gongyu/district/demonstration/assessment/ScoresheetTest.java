package org.gongyu.district.demonstration.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoresheetTest {

  /** The fixture rubric: 10 + 20 + 10 points, pass mark 30, margin 2. */
  private static final List<Scoresheet.Criterion> CRITERIA = List.of(
      new Scoresheet.Criterion("A1.1", d("10")), new Scoresheet.Criterion("A1.2", d("20")), new Scoresheet.Criterion("A3.1", d("10")));
  private static final BigDecimal PASS = d("30");
  private static final BigDecimal MARGIN = d("2");

  @Test
  void resultIsTheMeanRoundedHalfEvenToTwoDecimals() {
    // 7.24 and 7.25 → 7.245 → 7.24 (HALF_UP would give 7.25); 7.25 and 7.26 → 7.255 → 7.26
    Scoresheet sheet = sheet(two(), scores("a", "7.24", "10", "5", "b", "7.25", "10", "5"), Map.of());
    assertThat(line(sheet, "A1.1").result()).isEqualTo(d("7.24"));
    sheet = sheet(two(), scores("a", "7.25", "10", "5", "b", "7.26", "10", "5"), Map.of());
    assertThat(line(sheet, "A1.1").result()).isEqualTo(d("7.26"));
  }

  @Test
  void threeAssessorsMeanAndSpread() {
    Scoresheet sheet = sheet(three(), scores("a", "7", "15", "6", "b", "8", "16", "6", "c", "8", "16.5", "7"), Map.of());
    Scoresheet.Line first = line(sheet, "A1.1");
    assertThat(first.result()).isEqualTo(d("7.67")); // 23 / 3 = 7.666…
    assertThat(first.spread()).isEqualTo(d("1.00"));
    assertThat(first.points()).containsOnlyKeys("a", "b", "c");
    assertThat(line(sheet, "A1.2").result()).isEqualTo(d("15.83")); // 47.5 / 3 = 15.8333…
    assertThat(line(sheet, "A1.2").spread()).isEqualTo(d("1.50"));
    assertThat(line(sheet, "A3.1").result()).isEqualTo(d("6.33"));
    assertThat(sheet.finalScore()).isEqualTo(d("29.83")); // Σ of the rounded results, not the rounded Σ of means
    assertThat(sheet.passed()).isFalse();
    assertThat(sheet.totals()).containsExactly(Map.entry("a", d("28.00")), Map.entry("b", d("30.00")), Map.entry("c", d("31.50")));
    assertThat(sheet.missing()).isEmpty();
  }

  @Test
  void aSpreadOfExactlyTheMarginNeedsNoConsensusAndOneCentMoreDoes() {
    Scoresheet sheet = sheet(two(), scores("a", "5", "10", "5", "b", "7", "12.01", "5"), Map.of());
    assertThat(line(sheet, "A1.1").spread()).isEqualTo(d("2.00"));
    assertThat(line(sheet, "A1.1").needsConsensus()).isFalse();
    assertThat(line(sheet, "A1.2").spread()).isEqualTo(d("2.01"));
    assertThat(line(sheet, "A1.2").needsConsensus()).isTrue();
    assertThat(line(sheet, "A3.1").needsConsensus()).isFalse();
    assertThat(sheet.missing()).containsExactly("a consensus on A1.2 (spread 2.01 > margin 2.00)");
  }

  @Test
  void aConsensusOverridesTheMean() {
    Scoresheet sheet = sheet(two(), scores("a", "5", "10", "5", "b", "7", "18", "5"), Map.of("A1.2", d("16.5")));
    Scoresheet.Line line = line(sheet, "A1.2");
    assertThat(line.needsConsensus()).isTrue();
    assertThat(line.result()).isEqualTo(d("16.50")); // not the mean 14.00
    assertThat(sheet.finalScore()).isEqualTo(d("27.50")); // 6.00 + 16.50 + 5.00
    assertThat(sheet.missing()).isEmpty();
  }

  @Test
  void finalIsTheSumOfResultsAndExactlyThePassMarkPasses() {
    Scoresheet exactly = sheet(two(), scores("a", "8", "15", "7", "b", "8", "15", "7"), Map.of());
    assertThat(exactly.finalScore()).isEqualTo(d("30.00"));
    assertThat(exactly.passed()).isTrue();
    Scoresheet justBelow = sheet(two(), scores("a", "8", "15", "7", "b", "8", "14.98", "7"), Map.of());
    assertThat(justBelow.finalScore()).isEqualTo(d("29.99"));
    assertThat(justBelow.passed()).isFalse();
  }

  @Test
  void missingNamesTooFewAssessorsUnsubmittedScoresAndUnscoredCriteria() {
    Scoresheet one = new Scoresheet(CRITERIA, PASS, MARGIN, List.of(new Scoresheet.Assessor("a", false)),
        List.of(new Scoresheet.Score("a", "A1.1", d("5"))), Map.of());
    assertThat(one.missing()).containsExactly(
        "at least 2 cleared assessors (1 so far)", "the submitted scores of a", "a score on A1.2", "a score on A3.1");
    assertThat(one.finalScore()).isNull();
    assertThat(one.passed()).isNull();
    assertThat(line(one, "A1.2").spread()).isNull();
    assertThat(line(one, "A1.1").needsConsensus()).isFalse(); // one assessor has no spread to settle
  }

  @Test
  void onlyTheGivenAssessorsCount() {
    // a score of someone who is not among the sheet's assessors (recused, or not cleared) is ignored
    List<Scoresheet.Score> scores = new ArrayList<>(scores("a", "5", "10", "5", "b", "5", "10", "5"));
    scores.add(new Scoresheet.Score("x", "A1.1", d("0")));
    Scoresheet sheet = sheet(two(), scores, Map.of());
    assertThat(line(sheet, "A1.1").points()).containsOnlyKeys("a", "b");
    assertThat(line(sheet, "A1.1").result()).isEqualTo(d("5.00"));
  }

  private static Scoresheet sheet(List<Scoresheet.Assessor> assessors, List<Scoresheet.Score> scores, Map<String, BigDecimal> consensus) {
    return new Scoresheet(CRITERIA, PASS, MARGIN, assessors, scores, consensus);
  }

  private static List<Scoresheet.Assessor> two() {
    return List.of(new Scoresheet.Assessor("a", true), new Scoresheet.Assessor("b", true));
  }

  private static List<Scoresheet.Assessor> three() {
    return List.of(new Scoresheet.Assessor("a", true), new Scoresheet.Assessor("b", true), new Scoresheet.Assessor("c", true));
  }

  /** Groups of four: assessor, then points on A1.1, A1.2, A3.1. */
  private static List<Scoresheet.Score> scores(String... v) {
    List<Scoresheet.Score> out = new ArrayList<>();
    for (int i = 0; i < v.length; i += 4) {
      out.add(new Scoresheet.Score(v[i], "A1.1", d(v[i + 1])));
      out.add(new Scoresheet.Score(v[i], "A1.2", d(v[i + 2])));
      out.add(new Scoresheet.Score(v[i], "A3.1", d(v[i + 3])));
    }
    return out;
  }

  private static Scoresheet.Line line(Scoresheet sheet, String code) {
    return sheet.lines().stream().filter(l -> l.criterion().code().equals(code)).findFirst().orElseThrow();
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }
}
