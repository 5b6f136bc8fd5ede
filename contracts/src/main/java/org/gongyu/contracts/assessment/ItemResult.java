package org.gongyu.contracts.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * One item's score for one unit, with the figure it used and why it has the points it has.
 *
 * @param itemCode      the item
 * @param periodIds     the periods whose figures were summed
 * @param numerator     Σnumerator; null when there was no figure
 * @param denominator   Σdenominator; null when there was no figure
 * @param value         the figure the rule compared (numerator / denominator, 4 decimals); null when
 *                      there was none or nothing to divide by
 * @param points        the points given, 0 to the item's points, 2 decimals
 * @param explanationZh the rule applied to the figure, in Chinese
 * @param explanationEn the same in English
 */
public record ItemResult(
    String itemCode,
    List<String> periodIds,
    Long numerator,
    Long denominator,
    BigDecimal value,
    BigDecimal points,
    String explanationZh,
    String explanationEn) {

  public ItemResult {
    periodIds = periodIds == null ? List.of() : List.copyOf(periodIds);
  }
}
