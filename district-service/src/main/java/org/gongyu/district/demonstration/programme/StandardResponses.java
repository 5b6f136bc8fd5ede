package org.gongyu.district.demonstration.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gongyu.contracts.demonstration.Rubric;

/** The web shapes of the stored standards; the rubric is copied, never the contract record itself. */
final class StandardResponses {

  private StandardResponses() {}

  /** A stored version, without its areas. */
  record Summary(
      String standardId, long version, Instant publishedAt, String titleZh, String titleEn, BigDecimal passMark,
      BigDecimal fullMark, int criteria) {

    static Summary of(Standards.StandardVersion s) {
      Rubric r = s.rubric();
      return new Summary(s.standardId(), s.version(), s.publishedAt(), r.titleZh(), r.titleEn(), r.passMark(), r.fullMark(),
          r.criteria().size());
    }
  }

  /** A stored version with its whole rubric. */
  record Version(String standardId, long version, Instant publishedAt, RubricView rubric) {

    static Version of(Standards.StandardVersion s) {
      return new Version(s.standardId(), s.version(), s.publishedAt(), RubricView.of(s.rubric()));
    }
  }

  record RubricView(String titleZh, String titleEn, BigDecimal passMark, BigDecimal fullMark, List<AreaView> areas) {

    static RubricView of(Rubric r) {
      return new RubricView(r.titleZh(), r.titleEn(), r.passMark(), r.fullMark(), r.areas().stream()
          .map(a -> new AreaView(a.code(), a.nameZh(), a.nameEn(), a.criteria().stream()
              .map(c -> new CriterionView(c.code(), c.nameZh(), c.nameEn(), c.points(), c.evidenceRequired(), c.indicatorCodes()))
              .toList()))
          .toList());
    }
  }

  record AreaView(String code, String nameZh, String nameEn, List<CriterionView> criteria) {}

  record CriterionView(
      String code, String nameZh, String nameEn, BigDecimal points, String evidenceRequired, List<String> indicatorCodes) {}
}
