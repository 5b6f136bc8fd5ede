package org.gongyu.chassis.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gongyu.contracts.assessment.ScoringItem;
import org.gongyu.contracts.assessment.ScoringRule;

/**
 * One version of a scheme with its items; each item's rule also in words ({@code ruleZh}: 达到 60.0 %
 * 得满分，40.0 % 及以下不得分，其间按比例得分).
 */
public record SchemeVersionResponse(
    String schemeId, long version, String titleZh, String titleEn, BigDecimal totalPoints, Instant issuedAt, String issuedBy,
    List<Item> items) {

  /** An item: the indicator it scores (and that indicator's kind), its weight and rule. */
  public record Item(String code, String nameZh, String nameEn, String indicatorCode, String kind, BigDecimal points,
      ScoringRule rule, String ruleZh, String ruleEn) {}

  public static SchemeVersionResponse of(SchemeVersion v) {
    return new SchemeVersionResponse(v.schemeId(), v.version(), v.scheme().titleZh(), v.scheme().titleEn(),
        v.scheme().totalPoints(), v.issuedAt(), v.issuedBy(), v.scheme().items().stream().map(SchemeVersionResponse::item).toList());
  }

  private static Item item(ScoringItem it) {
    return new Item(it.code(), it.nameZh(), it.nameEn(), it.indicatorCode(), it.kind().name(), it.points(), it.rule(),
        AssessmentWorkbook.ruleInWords(it, true), AssessmentWorkbook.ruleInWords(it, false));
  }
}
