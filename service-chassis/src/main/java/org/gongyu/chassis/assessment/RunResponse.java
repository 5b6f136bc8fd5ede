package org.gongyu.chassis.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.assessment.AdjustedResult;
import org.gongyu.contracts.assessment.ItemResult;
import org.gongyu.contracts.assessment.Scoring;
import org.gongyu.contracts.assessment.ScoringItem;
import org.gongyu.contracts.assessment.UnitResult;

/**
 * A computed assessment: the scheme version it used (with its items), the school year, and per unit
 * (highest final total first) the rank, the final total, the computed total, the manual adjustments
 * (加减分) of that version and year, and each item's figure, points and explanation. The figure is
 * given as stored (numerator, denominator, value) and formatted for people ({@code figureZh}: 54.4 %,
 * 3.2 次/人).
 */
public record RunResponse(
    long runId, String schemeId, long schemeVersion, String titleZh, String titleEn, BigDecimal totalPoints, String periodId,
    Instant computedAt, String computedBy, List<SchemeVersionResponse.Item> items, List<Unit> units) {

  /**
   * A unit's result.
   *
   * @param rank             by the final total
   * @param total            the final total: the computed total plus the adjustments in force
   * @param computedTotal    the sum of the items' points as computed from the figures
   * @param computedRank     the rank by the computed total alone
   * @param adjustmentPoints the sum of the adjustments in force (0 without any)
   * @param adjustments      the unit's adjustments of the run's scheme version and school year, oldest
   *                         first, withdrawn ones included (they do not count)
   */
  public record Unit(String unitId, String unitName, int rank, BigDecimal total, BigDecimal computedTotal, int computedRank,
      BigDecimal adjustmentPoints, List<AdjustmentResponse> adjustments, List<Item> items) {}

  /** An item's result for a unit. */
  public record Item(String code, List<String> periodIds, Long numerator, Long denominator, BigDecimal value, String figureZh,
      String figureEn, BigDecimal points, BigDecimal maxPoints, String explanationZh, String explanationEn) {}

  public static RunResponse of(StoredRun run, SchemeVersion v) {
    return of(run, v, List.of());
  }

  /** The run with the adjustments of its scheme version and school year on top, ranked by the final total. */
  public static RunResponse of(StoredRun run, SchemeVersion v, List<AdjustmentResponse> adjustments) {
    SchemeVersionResponse scheme = SchemeVersionResponse.of(v);
    Map<String, List<AdjustmentResponse>> byUnit = new HashMap<>();
    Map<String, BigDecimal> sums = new HashMap<>();
    for (AdjustmentResponse a : adjustments) {
      byUnit.computeIfAbsent(a.unitId(), k -> new ArrayList<>()).add(a);
      if (a.inForce()) {
        sums.merge(a.unitId(), a.points(), BigDecimal::add);
      }
    }
    List<Unit> units = new ArrayList<>();
    for (AdjustedResult adjusted : Scoring.adjust(run.results(), sums)) {
      UnitResult u = adjusted.computed();
      List<Item> items = new ArrayList<>();
      for (int i = 0; i < u.items().size(); i++) {
        ScoringItem it = v.scheme().items().get(i);
        ItemResult r = u.items().get(i);
        items.add(new Item(r.itemCode(), r.periodIds(), r.numerator(), r.denominator(), r.value(),
            r.value() == null ? null : Scoring.value(it.kind(), exact(r)),
            r.value() == null ? null : Scoring.valueEn(it.kind(), exact(r)),
            r.points(), it.points(), r.explanationZh(), r.explanationEn()));
      }
      units.add(new Unit(u.unitId(), run.unitNames().getOrDefault(u.unitId(), u.unitId()), adjusted.rank(), adjusted.total(),
          u.total(), u.rank(), adjusted.adjustment(), List.copyOf(byUnit.getOrDefault(u.unitId(), List.of())), items));
    }
    return new RunResponse(run.runId(), run.schemeId(), run.schemeVersion(), scheme.titleZh(), scheme.titleEn(),
        scheme.totalPoints(), run.periodId(), run.computedAt(), run.computedBy(), scheme.items(), units);
  }

  private static BigDecimal exact(ItemResult r) {
    return BigDecimal.valueOf(r.numerator()).divide(BigDecimal.valueOf(r.denominator()), java.math.MathContext.DECIMAL64);
  }
}
