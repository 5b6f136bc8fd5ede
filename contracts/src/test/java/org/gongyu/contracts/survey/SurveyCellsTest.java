package org.gongyu.contracts.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SurveyCellsTest {

  @Test
  void countsFromOneToFourNeverShowAndZeroDoes() {
    assertThat(SurveyCells.publishable(true, 40, new long[] {30, 0, 6, 4})).containsExactly(30L, 0L, null, null);
  }

  @Test
  void aLoneSmallCellTakesTheNextSmallestWithItSoTheTotalCannotGiveItAway() {
    // 2 alone would be 40 - 38; withheld with the 8 only their sum (10) can be known
    assertThat(SurveyCells.publishable(true, 40, new long[] {30, 8, 2, 0})).containsExactly(30L, null, null, 0L);
  }

  @Test
  void smallCellsAddingUpToLessThanTheThresholdTakeAnotherCellWithThem() {
    // 1 + 2 = 3 could be read from the total; with the 7 the withheld cells add up to 10
    assertThat(SurveyCells.publishable(true, 40, new long[] {30, 7, 1, 2})).containsExactly(30L, null, null, null);
  }

  @Test
  void aQuestionAnsweredByFewerThanTheThresholdShowsNothing() {
    assertThat(SurveyCells.publishable(true, 3, new long[] {3, 0, 0})).containsExactly(null, null, null);
    assertThat(SurveyCells.publishable(false, 4, new long[] {4, 1})).containsExactly(null, null);
    assertThat(SurveyCells.answeredShown(3)).isFalse();
    assertThat(SurveyCells.answeredShown(0)).isTrue();
    assertThat(SurveyCells.answeredShown(5)).isTrue();
  }

  @Test
  void aMultipleChoiceOptionChosenByAllButAFewIsWithheld() {
    // 38 of 40 chose A: the 2 who did not would be 40 - 38
    assertThat(SurveyCells.publishable(false, 40, new long[] {38, 20, 3, 0})).containsExactly(null, 20L, null, 0L);
  }

  /** Whatever the counts, no withheld cell of a single-choice question can be recovered from the shown ones and the total. */
  @Test
  void noWithheldCellIsEverRecoverableFromTheTotal() {
    Random random = new Random(20261205);
    for (int run = 0; run < 20_000; run++) {
      int options = 2 + random.nextInt(5);
      long[] counts = new long[options];
      long answered = 0;
      for (int i = 0; i < options; i++) {
        counts[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(run % 3 == 0 ? 6 : 30);
        answered += counts[i];
      }
      Long[] shown = SurveyCells.publishable(true, answered, counts);
      long withheldSum = answered;
      int withheld = 0;
      for (int i = 0; i < options; i++) {
        if (shown[i] == null) {
          withheld++;
        } else {
          withheldSum -= shown[i];
          assertThat(shown[i] == 0 || shown[i] >= SurveyCells.THRESHOLD).isTrue();
        }
      }
      if (answered > 0 && answered < SurveyCells.THRESHOLD) {
        assertThat(withheld).isEqualTo(options);
        continue;
      }
      assertThat(withheld).as("counts %s", java.util.Arrays.toString(counts)).isNotEqualTo(1);
      if (withheld > 0) {
        assertThat(withheldSum).as("counts %s", java.util.Arrays.toString(counts)).isGreaterThanOrEqualTo(SurveyCells.THRESHOLD);
      }
    }
  }
}
