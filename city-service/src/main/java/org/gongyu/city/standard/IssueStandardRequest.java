package org.gongyu.city.standard;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /api/city/standards/{standardId}/versions}: the whole rubric of the new
 * version. Checked as a whole by {@link RubricRules} (422 listing every broken rule by field path);
 * a body that is not JSON of this shape (unknown fields included) is a 400.
 */
record IssueStandardRequest(String titleZh, String titleEn, BigDecimal passMark, List<Area> areas) {

  /** A task area with its criteria in order. */
  record Area(String code, String nameZh, String nameEn, List<Criterion> criteria) {}

  /** A criterion worth {@code points}; {@code indicatorCodes} are catalogue codes (may be empty or absent). */
  record Criterion(
      String code, String nameZh, String nameEn, BigDecimal points, String evidenceRequired, List<String> indicatorCodes) {}
}
