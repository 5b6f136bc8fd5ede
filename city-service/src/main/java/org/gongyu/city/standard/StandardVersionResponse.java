package org.gongyu.city.standard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gongyu.contracts.demonstration.Rubric;

/**
 * One version with its whole rubric, as counties receive it in {@code StandardPublished}. {@code
 * fullMark} is the sum of the criteria's points, an area's {@code points} the sum of its own;
 * {@code issuedBy} is the city admin who issued it ({@code default standard} for the shipped one).
 */
record StandardVersionResponse(
    String standardId,
    long version,
    String titleZh,
    String titleEn,
    BigDecimal fullMark,
    BigDecimal passMark,
    Instant publishedAt,
    String issuedBy,
    List<Area> areas) {

  record Area(String code, String nameZh, String nameEn, BigDecimal points, List<Criterion> criteria) {}

  record Criterion(
      String code, String nameZh, String nameEn, BigDecimal points, String evidenceRequired, List<String> indicatorCodes) {}

  static StandardVersionResponse of(StandardVersion v) {
    Rubric r = v.rubric();
    return new StandardVersionResponse(v.standardId(), v.version(), r.titleZh(), r.titleEn(), r.fullMark(), r.passMark(),
        v.publishedAt(), v.createdBy(), r.areas().stream().map(StandardVersionResponse::area).toList());
  }

  private static Area area(Rubric.Area a) {
    return new Area(a.code(), a.nameZh(), a.nameEn(),
        a.criteria().stream().map(Rubric.Criterion::points).reduce(BigDecimal.ZERO, BigDecimal::add),
        a.criteria().stream().map(c -> new Criterion(c.code(), c.nameZh(), c.nameEn(), c.points(), c.evidenceRequired(),
            c.indicatorCodes())).toList());
  }
}
