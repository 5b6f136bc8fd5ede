package org.gongyu.chassis.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gongyu.contracts.assessment.ItemResult;
import org.gongyu.contracts.assessment.Scoring;
import org.gongyu.contracts.assessment.ScoringItem;
import org.gongyu.contracts.assessment.UnitResult;

/**
 * A computed assessment: the scheme version it used (with its items), the school year, and per unit
 * (highest total first) the rank, total and each item's figure, points and explanation. The figure
 * is given as stored (numerator, denominator, value) and formatted for people ({@code figureZh}:
 * 54.4 %, 3.2 次/人).
 */
public record RunResponse(
    long runId, String schemeId, long schemeVersion, String titleZh, String titleEn, BigDecimal totalPoints, String periodId,
    Instant computedAt, String computedBy, List<SchemeVersionResponse.Item> items, List<Unit> units) {

  /** A unit's result. */
  public record Unit(String unitId, String unitName, int rank, BigDecimal total, List<Item> items) {}

  /** An item's result for a unit. */
  public record Item(String code, List<String> periodIds, Long numerator, Long denominator, BigDecimal value, String figureZh,
      String figureEn, BigDecimal points, BigDecimal maxPoints, String explanationZh, String explanationEn) {}

  public static RunResponse of(StoredRun run, SchemeVersion v) {
    SchemeVersionResponse scheme = SchemeVersionResponse.of(v);
    List<Unit> units = new ArrayList<>();
    for (UnitResult u : run.results()) {
      List<Item> items = new ArrayList<>();
      for (int i = 0; i < u.items().size(); i++) {
        ScoringItem it = v.scheme().items().get(i);
        ItemResult r = u.items().get(i);
        items.add(new Item(r.itemCode(), r.periodIds(), r.numerator(), r.denominator(), r.value(),
            r.value() == null ? null : Scoring.value(it.kind(), exact(r)),
            r.value() == null ? null : Scoring.valueEn(it.kind(), exact(r)),
            r.points(), it.points(), r.explanationZh(), r.explanationEn()));
      }
      units.add(new Unit(u.unitId(), run.unitNames().getOrDefault(u.unitId(), u.unitId()), u.rank(), u.total(), items));
    }
    return new RunResponse(run.runId(), run.schemeId(), run.schemeVersion(), scheme.titleZh(), scheme.titleEn(),
        scheme.totalPoints(), run.periodId(), run.computedAt(), run.computedBy(), scheme.items(), units);
  }

  private static BigDecimal exact(ItemResult r) {
    return BigDecimal.valueOf(r.numerator()).divide(BigDecimal.valueOf(r.denominator()), java.math.MathContext.DECIMAL64);
  }
}
