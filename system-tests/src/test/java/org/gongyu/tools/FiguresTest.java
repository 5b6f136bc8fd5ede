package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gongyu.tools.Figures.Kind;
import org.gongyu.tools.Figures.Label;
import org.gongyu.tools.Figures.Ratio;
import org.gongyu.tools.Figures.Spread;
import org.junit.jupiter.api.Test;

class FiguresTest {

  @Test
  void spreadTakesTheMiddleValueOfAnOddCountAndTheMeanOfTheTwoMiddleOnesOfAnEvenCount() {
    assertThat(Spread.of(List.of(30.0, 10.0, 20.0))).isEqualTo(new Spread(10, 20, 30, 3));
    assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Spread(1, 2.5, 4, 4));
    assertThat(Spread.of(List.of(7.0))).isEqualTo(new Spread(7, 7, 7, 1));
  }

  @Test
  void spreadLeavesOutRepetitionsThatHadNoFigure() {
    assertThat(Spread.of(List.of(5.0, Double.NaN, 1.0))).isEqualTo(new Spread(1, 3, 5, 2));
    assertThat(Spread.of(List.of(Double.NaN)).n()).isZero();
  }

  @Test
  void sharesKeepTwoSignificantDigitsBelowTenPerCent() {
    assertThat(Figures.percent(0.0312)).isEqualTo("3.1 %");
    assertThat(Figures.percent(0.00042)).isEqualTo("0.042 %");
    assertThat(Figures.percent(0.5)).isEqualTo("50 %");
    assertThat(Figures.percent(1.5)).isEqualTo("150 %");
    assertThat(Figures.percent(0)).isEqualTo("0 %");
    assertThat(Figures.percent(Double.NaN)).isEqualTo("n/a");
  }

  @Test
  void multiplesShowOneDecimalBelowTen() {
    assertThat(Figures.times(41.7)).isEqualTo("42×");
    assertThat(Figures.times(1.25)).isEqualTo("1.3×");
    assertThat(Figures.times(Double.POSITIVE_INFINITY)).isEqualTo("n/a");
  }

  @Test
  void aRatioWithoutItsLimitOrWithAZeroLimitHasNoValue() {
    Ratio r = new Ratio("figure", "limit", Kind.SHARE);
    assertThat(r.of(Map.of("figure", 10.0, "limit", 40.0))).isEqualTo(0.25);
    assertThat(r.of(Map.of("figure", 10.0))).isNaN();
    assertThat(r.of(Map.of("figure", 10.0, "limit", 0.0))).isNaN();
  }

  @Test
  void summaryTakesEachRatioWithinOneRepetitionBeforeTheSpread() {
    // the platform figure follows the limit up and down: the ratio is steady even though both vary 2x
    List<Map<String, Double>> reps = List.of(
        Map.of("regs", 1_000.0, "pg", 40_000.0),
        Map.of("regs", 2_000.0, "pg", 80_000.0),
        Map.of("regs", 1_500.0, "pg", 50_000.0));
    String text = summary(reps, List.of(new Label("regs", "registrations", "per s"), new Label("pg", "postgres", "rows/s")),
        List.of(new Ratio("regs", "pg", Kind.SHARE)));
    assertThat(text).contains("registrations  median 1,500 (min 1,000, max 2,000, n=3) per s");
    assertThat(text).contains("postgres       median 50,000 (min 40,000, max 80,000, n=3) rows/s");
    assertThat(text).contains("registrations / postgres: median 2.5 % (min 2.5 %, max 3.0 %, n=3)");
  }

  @Test
  void oneRepetitionPrintsPlainFiguresAndNoRatioWhoseLimitWasNotMeasured() {
    String text = summary(List.of(Map.of("regs", 812.4)), List.of(new Label("regs", "registrations", "per s")),
        List.of(new Ratio("regs", "pg", Kind.SHARE)));
    assertThat(text).contains("registrations  812 per s").doesNotContain("ratios").doesNotContain("median");
  }

  private static String summary(List<Map<String, Double>> reps, List<Label> labels, List<Ratio> ratios) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Figures.summarise(reps, labels, ratios, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
