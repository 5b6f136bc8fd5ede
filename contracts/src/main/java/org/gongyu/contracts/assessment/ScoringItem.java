package org.gongyu.contracts.assessment;

import java.math.BigDecimal;
import java.util.Objects;
import org.gongyu.contracts.indicator.IndicatorKind;

/**
 * An item of a scheme: scores one indicator's figure of the assessed unit from 0 to {@code points}.
 *
 * @param code          stable code within the scheme, e.g. {@code K1}
 * @param nameZh        name
 * @param nameEn        English name
 * @param indicatorCode the catalogue indicator whose figure is scored
 * @param kind          the indicator's kind when the version was issued: how its figure and the
 *                      rule's thresholds read (a rate 0.60 shows as 60.0 %)
 * @param points        the most the item gives (its weight), above 0
 * @param rule          how the figure turns into points
 */
public record ScoringItem(
    String code, String nameZh, String nameEn, String indicatorCode, IndicatorKind kind, BigDecimal points, ScoringRule rule) {

  public ScoringItem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(nameZh, "nameZh");
    Objects.requireNonNull(nameEn, "nameEn");
    Objects.requireNonNull(indicatorCode, "indicatorCode");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(rule, "rule");
    if (points.signum() <= 0) {
      throw new IllegalArgumentException("item " + code + " must be worth more than 0 points");
    }
    for (ScoringRule.Band b : rule.bands()) {
      if (b.points().compareTo(points) > 0) {
        throw new IllegalArgumentException("a band of item " + code + " gives more than its " + points.toPlainString() + " points");
      }
    }
  }
}
