package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arithmetic of one application round's scores, without Spring or storage: per criterion the
 * cleared assessors' points, their spread (max − min), whether the spread is more than the
 * programme's consensus margin (then the county must agree a consensus), and the result: the
 * consensus where there is one, else the mean of the points (HALF_EVEN, 2 decimals). The final
 * score is the sum of the results; the school passes at exactly the pass mark. {@link #missing()}
 * says what still blocks a decision.
 */
final class Scoresheet {

  static final int SCALE = 2;
  static final int MIN_ASSESSORS = 2;

  /** A criterion of the rubric and its most points. */
  record Criterion(String code, BigDecimal maxPoints) {}

  /** A cleared assessor of the round and whether they have submitted their scores. */
  record Assessor(String username, boolean submitted) {}

  /** One assessor's points on one criterion. */
  record Score(String assessor, String criterion, BigDecimal points) {}

  /**
   * A criterion's line.
   *
   * @param points         each assessor's points who scored it, in the assessors' order
   * @param spread         max − min of the points, null without any
   * @param needsConsensus at least two points and a spread above the margin
   * @param consensus      the agreed points, null without
   * @param result         the consensus, else the mean; null without any points
   */
  record Line(
      Criterion criterion, Map<String, BigDecimal> points, BigDecimal spread, boolean needsConsensus,
      BigDecimal consensus, BigDecimal result) {}

  private final BigDecimal passMark;
  private final BigDecimal margin;
  private final List<Assessor> assessors;
  private final List<Line> lines;

  Scoresheet(
      List<Criterion> criteria, BigDecimal passMark, BigDecimal margin, List<Assessor> assessors, List<Score> scores,
      Map<String, BigDecimal> consensus) {
    this.passMark = Objects.requireNonNull(passMark, "passMark");
    this.margin = Objects.requireNonNull(margin, "margin");
    this.assessors = List.copyOf(assessors);
    List<Line> out = new ArrayList<>();
    for (Criterion c : criteria) {
      Map<String, BigDecimal> points = new LinkedHashMap<>();
      for (Assessor a : this.assessors) {
        scores.stream()
            .filter(s -> s.assessor().equals(a.username()) && s.criterion().equals(c.code()))
            .findFirst()
            .ifPresent(s -> points.put(a.username(), s.points()));
      }
      out.add(line(c, points, consensus.get(c.code())));
    }
    this.lines = List.copyOf(out);
  }

  private Line line(Criterion c, Map<String, BigDecimal> points, BigDecimal consensus) {
    if (points.isEmpty()) {
      return new Line(c, Map.of(), null, false, consensus, consensus);
    }
    BigDecimal max = points.values().stream().reduce(BigDecimal::max).orElseThrow();
    BigDecimal min = points.values().stream().reduce(BigDecimal::min).orElseThrow();
    BigDecimal spread = max.subtract(min).setScale(SCALE, RoundingMode.HALF_EVEN);
    boolean needs = points.size() >= 2 && spread.compareTo(margin) > 0;
    BigDecimal mean = points.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(points.size()), SCALE, RoundingMode.HALF_EVEN);
    BigDecimal result = consensus != null ? consensus.setScale(SCALE, RoundingMode.HALF_EVEN) : mean;
    return new Line(c, Collections.unmodifiableMap(points), spread, needs, consensus, result);
  }

  List<Line> lines() {
    return lines;
  }

  /** Each assessor's sum of points, in the assessors' order. */
  Map<String, BigDecimal> totals() {
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    for (Assessor a : assessors) {
      BigDecimal sum = BigDecimal.ZERO.setScale(SCALE);
      for (Line l : lines) {
        BigDecimal p = l.points().get(a.username());
        if (p != null) {
          sum = sum.add(p);
        }
      }
      totals.put(a.username(), sum.setScale(SCALE, RoundingMode.HALF_EVEN));
    }
    return totals;
  }

  /** Σ results, once every criterion has one; null before. */
  BigDecimal finalScore() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Line l : lines) {
      if (l.result() == null) {
        return null;
      }
      sum = sum.add(l.result());
    }
    return sum.setScale(SCALE, RoundingMode.HALF_EVEN);
  }

  BigDecimal passMark() {
    return passMark;
  }

  /** Whether the final score reaches the pass mark (exactly the pass mark passes); null without a final score. */
  Boolean passed() {
    BigDecimal f = finalScore();
    return f == null ? null : f.compareTo(passMark) >= 0;
  }

  /** What a decision still needs, in words; empty when the sheet is complete. */
  List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (assessors.size() < MIN_ASSESSORS) {
      missing.add("at least " + MIN_ASSESSORS + " cleared assessors (" + assessors.size() + " so far)");
    }
    for (Assessor a : assessors) {
      if (!a.submitted()) {
        missing.add("the submitted scores of " + a.username());
      }
    }
    for (Line l : lines) {
      if (l.needsConsensus() && l.consensus() == null) {
        missing.add("a consensus on " + l.criterion().code() + " (spread " + l.spread().toPlainString() + " > margin "
            + margin.setScale(SCALE, RoundingMode.HALF_EVEN).toPlainString() + ")");
      } else if (l.result() == null) {
        missing.add("a score on " + l.criterion().code());
      }
    }
    return List.copyOf(missing);
  }
}
