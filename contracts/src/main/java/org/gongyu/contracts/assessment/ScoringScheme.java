package org.gongyu.contracts.assessment;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One version of a scoring scheme: its items' points add up to {@code totalPoints} (the weights sum
 * to the total). Issued versions never change; a change is the next version.
 *
 * @param titleZh     the scheme's title
 * @param titleEn     its English title
 * @param totalPoints the full mark, the sum of the items' points
 * @param items       the items in order, at least one, codes used once
 */
public record ScoringScheme(String titleZh, String titleEn, BigDecimal totalPoints, List<ScoringItem> items) {

  public ScoringScheme {
    Objects.requireNonNull(titleZh, "titleZh");
    Objects.requireNonNull(titleEn, "titleEn");
    Objects.requireNonNull(totalPoints, "totalPoints");
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a scheme needs at least one item");
    }
    Set<String> codes = new HashSet<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (ScoringItem item : items) {
      if (!codes.add(item.code())) {
        throw new IllegalArgumentException("item code " + item.code() + " is used twice");
      }
      sum = sum.add(item.points());
    }
    if (sum.compareTo(totalPoints) != 0) {
      throw new IllegalArgumentException("the items' points add up to " + sum.toPlainString() + ", not " + totalPoints.toPlainString());
    }
  }
}
