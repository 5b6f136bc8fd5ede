package org.gongyu.chassis.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST .../assessments/{schemeId}/versions}: the whole scheme of the new version.
 * Checked as a whole by {@link SchemeRules} (422 listing every broken rule by field path).
 *
 * @param titleZh     title
 * @param titleEn     English title
 * @param totalPoints the full mark; the items' points must add up to it
 * @param items       the items in order
 */
public record IssueSchemeRequest(String titleZh, String titleEn, BigDecimal totalPoints, List<Item> items) {

  /**
   * An item scoring one catalogue indicator.
   *
   * @param code          e.g. {@code K1}
   * @param indicatorCode a code of the catalogue, e.g. {@code PLATFORM_REGISTRATION}
   * @param points        its weight, above 0, 2 decimals at most
   */
  public record Item(String code, String nameZh, String nameEn, String indicatorCode, BigDecimal points, Rule rule) {}

  /**
   * The scoring rule: {@code THRESHOLD} (target), {@code LINEAR} (floor and target) or {@code BANDS}
   * (bands); thresholds in the indicator's unit (a rate as 0.6 for 60 %).
   */
  public record Rule(String type, BigDecimal floor, BigDecimal target, List<Band> bands) {}

  /** A level: from {@code atLeast} on, {@code points}. */
  public record Band(BigDecimal atLeast, BigDecimal points) {}
}
