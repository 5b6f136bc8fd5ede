package org.gongyu.contracts.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How an item turns a figure into points. Thresholds are in the indicator's own unit, as catalogue
 * targets are: a rate as a fraction (0.60 for 60 %), a per-capita figure as is (4 for four times a
 * person), a count as the mean per school. Higher figures are better.
 *
 * <ul>
 *   <li>{@link Type#THRESHOLD}: all the item's points at or above {@code target}, none below;
 *   <li>{@link Type#LINEAR}: all at or above {@code target}, none at or below {@code floor}, in
 *       between in proportion: points × (figure − floor) / (target − floor), to 2 decimals;
 *   <li>{@link Type#BANDS}: the points of the highest band whose {@code atLeast} the figure reaches,
 *       none below the lowest band.
 * </ul>
 *
 * @param type   the rule
 * @param floor  LINEAR only: at or below it the item gives nothing; null otherwise
 * @param target THRESHOLD and LINEAR: full points from here; null for BANDS
 * @param bands  BANDS only: ascending by {@code atLeast}, points not decreasing; empty otherwise
 */
public record ScoringRule(Type type, BigDecimal floor, BigDecimal target, List<Band> bands) {

  /** The kinds of rule. */
  public enum Type {
    THRESHOLD,
    LINEAR,
    BANDS
  }

  /**
   * A level of a banded rule.
   *
   * @param atLeast the figure from which the band applies
   * @param points  the points of the band, at most the item's
   */
  public record Band(BigDecimal atLeast, BigDecimal points) {
    public Band {
      Objects.requireNonNull(atLeast, "atLeast");
      Objects.requireNonNull(points, "points");
      if (points.signum() < 0) {
        throw new IllegalArgumentException("a band cannot give negative points");
      }
    }
  }

  public ScoringRule {
    Objects.requireNonNull(type, "type");
    bands = bands == null ? List.of() : List.copyOf(bands);
    switch (type) {
      case THRESHOLD -> require(target != null && floor == null && bands.isEmpty(), "THRESHOLD takes a target only");
      case LINEAR -> require(target != null && floor != null && floor.compareTo(target) < 0 && bands.isEmpty(),
          "LINEAR takes a floor below its target");
      case BANDS -> {
        require(floor == null && target == null && !bands.isEmpty(), "BANDS takes bands only");
        for (int i = 1; i < bands.size(); i++) {
          require(bands.get(i).atLeast().compareTo(bands.get(i - 1).atLeast()) > 0
              && bands.get(i).points().compareTo(bands.get(i - 1).points()) >= 0,
              "bands must rise in atLeast and not fall in points");
        }
      }
    }
  }

  /** Full points at or above {@code target}. */
  public static ScoringRule threshold(BigDecimal target) {
    return new ScoringRule(Type.THRESHOLD, null, target, List.of());
  }

  /** In proportion between {@code floor} and {@code target}. */
  public static ScoringRule linear(BigDecimal floor, BigDecimal target) {
    return new ScoringRule(Type.LINEAR, floor, target, List.of());
  }

  /** Banded levels, ascending. */
  public static ScoringRule bands(List<Band> bands) {
    return new ScoringRule(Type.BANDS, null, null, bands);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
