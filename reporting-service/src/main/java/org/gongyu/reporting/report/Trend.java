package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator over consecutive periods of its type ending at {@code to}, per unit. {@code
 * indicator.target} is the target of {@code to}; each point carries its own period's target.
 */
public record Trend(IndicatorView indicator, String to, List<String> periods, List<Series> series) {

  /** One unit's points, oldest first; {@code level} is CITY or COUNTY. */
  public record Series(String level, String id, String name, List<Point> points) {}

  /**
   * The unit's own rollup in one period (figures null while it has published none). {@code
   * direction}: UP, DOWN or SAME against the previous period's value, null when either value is
   * unknown or withheld; for an indicator without a target (rising) it is the judgement.
   */
  public record Point(
      String periodId,
      boolean suppressed,
      Long numerator,
      Long denominator,
      BigDecimal value,
      BigDecimal target,
      Boolean met,
      BigDecimal completeness,
      Long version,
      String direction) {}
}
