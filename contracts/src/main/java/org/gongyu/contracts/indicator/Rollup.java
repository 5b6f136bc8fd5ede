package org.gongyu.contracts.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The rollup arithmetic every tier shares: sum numerators and denominators of the latest figure of
 * each child unit (never the mean of percentages), count schools that report and schools that meet
 * the target, and keep the number of schools expected for completeness.
 *
 * @param figure               Σ numerator / Σ denominator
 * @param schoolsReporting     schools with a snapshot in the period
 * @param schoolsExpected      schools that should report
 * @param schoolsMeetingTarget reporting schools whose own figure meets the target
 */
public record Rollup(Figure figure, int schoolsReporting, int schoolsExpected, int schoolsMeetingTarget) {

  public static final Rollup EMPTY = new Rollup(new Figure(0, 0), 0, 0, 0);

  /** Rolls up school figures; a school meets the target only if a target is known. */
  public static Rollup ofSchools(Collection<Figure> schoolFigures, int schoolsExpected, Target target) {
    Figure sum = new Figure(0, 0);
    int meeting = 0;
    for (Figure f : schoolFigures) {
      sum = sum.plus(f);
      if (target != null && target.isMetBy(f)) {
        meeting++;
      }
    }
    return new Rollup(sum, schoolFigures.size(), schoolsExpected, meeting);
  }

  /** Rolls up rollups of lower units (counties into a city). */
  public static Rollup ofRollups(Collection<Rollup> children) {
    Rollup total = EMPTY;
    for (Rollup r : children) {
      total = total.plus(r);
    }
    return total;
  }

  public Rollup plus(Rollup other) {
    return new Rollup(
        figure.plus(other.figure),
        schoolsReporting + other.schoolsReporting,
        schoolsExpected + other.schoolsExpected,
        schoolsMeetingTarget + other.schoolsMeetingTarget);
  }

  /**
   * Whether the unit (county, city) meets the target. For {@link IndicatorKind#COUNT}, whose target
   * is a count per school, the unit meets it when every expected school reports and meets it; for
   * every other kind, when Σnumerator / Σdenominator meets it. {@code null} when there is no target.
   */
  public Boolean meets(Target target) {
    if (target == null) {
      return null;
    }
    if (target.kind() == IndicatorKind.COUNT) {
      return schoolsExpected > 0 && schoolsMeetingTarget == schoolsExpected;
    }
    return target.isMetBy(figure);
  }

  /** schools reporting / schools expected, to four decimals; {@code null} if none are expected. */
  public BigDecimal completeness() {
    if (schoolsExpected == 0) {
      return null;
    }
    return BigDecimal.valueOf(schoolsReporting)
        .divide(BigDecimal.valueOf(schoolsExpected), 4, RoundingMode.HALF_EVEN);
  }
}
