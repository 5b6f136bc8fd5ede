package org.gongyu.city.standard;

import java.math.BigDecimal;
import java.time.Instant;

/** A published version in a list: its title, marks and size, without the rubric. */
record StandardSummaryResponse(
    String standardId,
    long version,
    String titleZh,
    String titleEn,
    BigDecimal fullMark,
    BigDecimal passMark,
    int areas,
    int criteria,
    Instant publishedAt) {

  static StandardSummaryResponse of(StandardVersion v) {
    return new StandardSummaryResponse(v.standardId(), v.version(), v.rubric().titleZh(), v.rubric().titleEn(),
        v.rubric().fullMark(), v.rubric().passMark(), v.rubric().areas().size(), v.rubric().criteria().size(),
        v.publishedAt());
  }
}
