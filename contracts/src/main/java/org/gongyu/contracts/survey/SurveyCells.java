package org.gongyu.contracts.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.gongyu.contracts.indicator.SmallCells;

/**
 * Which counts of a survey question a school withholds before they leave it (ADR 0026). The
 * threshold is the platform's ({@link SmallCells#THRESHOLD}): a count from 1 to 4 never shows.
 * Because the question's total is shown, withholding those cells alone is not enough — one
 * withheld cell is the total minus the others — so the rule also withholds complementary cells:
 *
 * <ul>
 *   <li>a question answered by 1 to 4 responses shows no count at all (zeros included: with the
 *       total known, the zeros would tell where the answers are);
 *   <li>SINGLE and SCALE (the options partition the answers): the cells from 1 to 4 are withheld,
 *       then, while the withheld cells are a single one or add up to less than the threshold, the
 *       smallest shown non-zero cell is withheld too. What can be learnt is then only a sum of at
 *       least two non-zero cells of at least the threshold;
 *   <li>MULTIPLE (each option is chosen or not): a cell is withheld when the choosers or the
 *       non-choosers number 1 to 4; options do not add up to the total, so nothing else follows.
 * </ul>
 * Zero is shown otherwise, as everywhere on the platform: it points at no one.
 */
public final class SurveyCells {

  public static final int THRESHOLD = SmallCells.THRESHOLD;

  private SurveyCells() {}

  /**
   * The counts as they may leave the school: {@code null} where withheld.
   *
   * @param partition true for SINGLE and SCALE questions, false for MULTIPLE
   * @param answered  how many responses answered the question
   * @param counts    the exact count per option
   */
  public static Long[] publishable(boolean partition, long answered, long[] counts) {
    Long[] out = new Long[counts.length];
    if (answered > 0 && answered < THRESHOLD) {
      return out;
    }
    boolean[] withheld = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      long c = counts[i];
      withheld[i] = small(c) || (!partition && small(answered - c));
    }
    if (partition) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        order.add(i);
      }
      order.sort(Comparator.comparingLong((Integer i) -> counts[i]).thenComparing(i -> i));
      while (true) {
        int n = 0;
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
          if (withheld[i]) {
            n++;
            sum += counts[i];
          }
        }
        if (n == 0 || (n >= 2 && sum >= THRESHOLD)) {
          break;
        }
        Integer next = order.stream().filter(i -> !withheld[i] && counts[i] > 0).findFirst().orElse(null);
        if (next == null) {
          // cannot happen with answered >= THRESHOLD, but never show a lone withheld cell
          Arrays.fill(withheld, true);
          break;
        }
        withheld[next] = true;
      }
    }
    for (int i = 0; i < counts.length; i++) {
      out[i] = withheld[i] ? null : counts[i];
    }
    return out;
  }

  /** Whether the question's total may be shown (zero, or at least the threshold). */
  public static boolean answeredShown(long answered) {
    return !small(answered);
  }

  private static boolean small(long c) {
    return c > 0 && c < THRESHOLD;
  }
}
