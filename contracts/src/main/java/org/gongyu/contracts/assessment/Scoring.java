package org.gongyu.contracts.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorKind;

/**
 * The arithmetic of a scoring scheme, pure and deterministic: every tier that assesses scores the
 * same figures to the same points with the same explanation.
 *
 * <p>A figure is compared exactly (numerator against threshold × denominator), so 3 of 5 meets a
 * 60 % target without rounding. <b>A missing figure scores 0, explained</b> ("no figure"), and so
 * does one with nothing to divide by: leaving the item out would reward a unit for not reporting.
 */
public final class Scoring {

  private static final MathContext PRECISION = MathContext.DECIMAL64;

  private Scoring() {}

  /**
   * Scores every unit under {@code scheme} and ranks them.
   *
   * @param figures per unit id, per item code, the figure used; an item without an entry scores as
   *                missing with no period
   * @return one result per unit, highest total first, ties by unit id
   */
  public static List<UnitResult> assess(ScoringScheme scheme, Map<String, Map<String, FigureUsed>> figures) {
    record Scored(String unitId, List<ItemResult> items, BigDecimal total) {}
    List<Scored> scored = new ArrayList<>();
    for (Map.Entry<String, Map<String, FigureUsed>> unit : figures.entrySet()) {
      List<ItemResult> items = new ArrayList<>();
      BigDecimal total = BigDecimal.ZERO;
      for (ScoringItem item : scheme.items()) {
        FigureUsed used = unit.getValue().getOrDefault(item.code(), FigureUsed.missing(List.of()));
        ItemResult r = score(item, used);
        items.add(r);
        total = total.add(r.points());
      }
      scored.add(new Scored(unit.getKey(), items, total));
    }
    scored.sort(Comparator.comparing(Scored::total).reversed().thenComparing(Scored::unitId));
    List<UnitResult> ranked = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      Scored s = scored.get(i);
      int rank = i > 0 && s.total().compareTo(scored.get(i - 1).total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new UnitResult(s.unitId(), s.items(), s.total(), rank));
    }
    return ranked;
  }

  /**
   * The computed results with the manual adjustments (加减分) on top, ranked again by the final total
   * (computed total + the unit's adjustments), ties by unit id; the computed results are not changed.
   *
   * @param computed    the units' computed results
   * @param adjustments per unit id, the sum of its adjustments in force; a unit without one has 0
   * @return one result per unit, highest final total first
   */
  public static List<AdjustedResult> adjust(List<UnitResult> computed, Map<String, BigDecimal> adjustments) {
    List<UnitResult> sorted = new ArrayList<>(computed);
    Map<String, BigDecimal> finals = new java.util.HashMap<>();
    for (UnitResult u : computed) {
      finals.put(u.unitId(), u.total().add(adjustments.getOrDefault(u.unitId(), BigDecimal.ZERO)).setScale(2, RoundingMode.HALF_UP));
    }
    sorted.sort(Comparator.comparing((UnitResult u) -> finals.get(u.unitId())).reversed().thenComparing(UnitResult::unitId));
    List<AdjustedResult> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      UnitResult u = sorted.get(i);
      BigDecimal total = finals.get(u.unitId());
      int rank = i > 0 && total.compareTo(ranked.get(i - 1).total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new AdjustedResult(u, total.subtract(u.total()).setScale(2, RoundingMode.HALF_UP), total, rank));
    }
    return ranked;
  }

  /** One item's points for one figure, explained. */
  public static ItemResult score(ScoringItem item, FigureUsed used) {
    Figure f = used.figure();
    String max = points(item.points());
    if (f == null || f.denominator() == 0) {
      String periods = String.join(" + ", used.periodIds());
      String zh = f == null ? "无" + (periods.isEmpty() ? "" : " " + periods + " ") + "数据" : periods + " 无可计算的数据（分母为 0）";
      String en = f == null ? "no figure" + (periods.isEmpty() ? "" : " for " + periods) : "nothing to divide by for " + periods;
      return new ItemResult(item.code(), used.periodIds(), f == null ? null : f.numerator(), f == null ? null : f.denominator(),
          null, zero(), zh + "，记 0 分（满分 " + max + " 分）", en + ": 0 of " + max + " points");
    }
    BigDecimal value = f.rate();
    String v = value(item.kind(), exact(f));
    String vEn = valueEn(item.kind(), exact(f));
    ScoringRule rule = item.rule();
    BigDecimal points;
    String zh;
    String en;
    switch (rule.type()) {
      case THRESHOLD -> {
        String t = value(item.kind(), rule.target());
          String tEn = valueEn(item.kind(), rule.target());
        if (reaches(f, rule.target())) {
          points = item.points();
          zh = v + " 达到目标 " + t + "，得满分 " + max + " 分";
          en = vEn + " meets the target " + tEn + ": full " + max + " points";
        } else {
          points = zero();
          zh = v + " 未达到目标 " + t + "，得 0 分（满分 " + max + " 分）";
          en = vEn + " is below the target " + tEn + ": 0 of " + max + " points";
        }
      }
      case LINEAR -> {
        String t = value(item.kind(), rule.target());
          String tEn = valueEn(item.kind(), rule.target());
        String fl = value(item.kind(), rule.floor());
          String flEn = valueEn(item.kind(), rule.floor());
        if (reaches(f, rule.target())) {
          points = item.points();
          zh = v + " 达到目标 " + t + "，得满分 " + max + " 分";
          en = vEn + " meets the target " + tEn + ": full " + max + " points";
        } else if (!above(f, rule.floor())) {
          points = zero();
          zh = v + " 不高于下限 " + fl + "，得 0 分（满分 " + max + " 分）";
          en = vEn + " is not above the floor " + flEn + ": 0 of " + max + " points";
        } else {
          BigDecimal share = exact(f).subtract(rule.floor()).divide(rule.target().subtract(rule.floor()), PRECISION);
          points = item.points().multiply(share).setScale(2, RoundingMode.HALF_UP);
          zh = v + " 介于下限 " + fl + " 与目标 " + t + " 之间，按比例得 " + points(points) + " 分（满分 " + max + " 分）";
          en = vEn + " lies between the floor " + flEn + " and the target " + tEn + ": " + points(points) + " of " + max
              + " points in proportion";
        }
      }
      case BANDS -> {
        ScoringRule.Band reached = null;
        for (ScoringRule.Band b : rule.bands()) {
          if (reaches(f, b.atLeast())) {
            reached = b;
          }
        }
        if (reached == null) {
          String lowest = value(item.kind(), rule.bands().getFirst().atLeast());
          String lowestEn = valueEn(item.kind(), rule.bands().getFirst().atLeast());
          points = zero();
          zh = v + " 低于最低档 " + lowest + "，得 0 分（满分 " + max + " 分）";
          en = vEn + " is below the lowest band " + lowestEn + ": 0 of " + max + " points";
        } else {
          String a = value(item.kind(), reached.atLeast());
          String aEn = valueEn(item.kind(), reached.atLeast());
          points = reached.points().setScale(2, RoundingMode.HALF_UP);
          zh = v + " 达到“≥ " + a + "”档，得 " + points(points) + " 分（满分 " + max + " 分）";
          en = vEn + " reaches the band “≥ " + aEn + "”: " + points(points) + " of " + max + " points";
        }
      }
      default -> throw new IllegalStateException("unknown rule " + rule.type());
    }
    return new ItemResult(item.code(), used.periodIds(), f.numerator(), f.denominator(), value,
        points.setScale(2, RoundingMode.HALF_UP), zh, en);
  }

  /**
   * A figure or threshold of an indicator of {@code kind} as a person reads it: 54.4 % for a rate,
   * 3.2 次/人 for a per-capita figure, otherwise the number (counts are means per school above the
   * school tier).
   */
  public static String value(IndicatorKind kind, BigDecimal v) {
    return switch (kind) {
      case RATIO, SCHOOL_THRESHOLD -> v.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
      case PER_CAPITA -> v.setScale(1, RoundingMode.HALF_UP).toPlainString() + " 次/人";
      case COUNT, UNIT_COUNT -> plain(v.setScale(1, RoundingMode.HALF_UP));
    };
  }

  /** {@link #value} in English: 3.2 per person. */
  public static String valueEn(IndicatorKind kind, BigDecimal v) {
    return kind == IndicatorKind.PER_CAPITA ? v.setScale(1, RoundingMode.HALF_UP).toPlainString() + " per person" : value(kind, v);
  }

  /** Points as a person reads them: 10, 7.2, 7.25. */
  public static String points(BigDecimal p) {
    return plain(p);
  }

  private static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  private static BigDecimal exact(Figure f) {
    return BigDecimal.valueOf(f.numerator()).divide(BigDecimal.valueOf(f.denominator()), PRECISION);
  }

  /** numerator ≥ threshold × denominator. */
  private static boolean reaches(Figure f, BigDecimal threshold) {
    return BigDecimal.valueOf(f.numerator()).compareTo(threshold.multiply(BigDecimal.valueOf(f.denominator()))) >= 0;
  }

  /** numerator > threshold × denominator. */
  private static boolean above(Figure f, BigDecimal threshold) {
    return BigDecimal.valueOf(f.numerator()).compareTo(threshold.multiply(BigDecimal.valueOf(f.denominator()))) > 0;
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}
