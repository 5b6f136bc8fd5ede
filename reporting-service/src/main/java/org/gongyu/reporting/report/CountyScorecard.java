package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One county's scorecard for {@code periodId}: per catalogue indicator its own period and the
 * county's rollup; per school that belonged to the county in at least one of those periods, a
 * cell for each indicator whose period it belonged to the county in.
 */
public record CountyScorecard(String periodId, String countyId, String countyName, List<Column> indicators, List<SchoolLine> schools) {

  /** One indicator: its period and the county's own cell. */
  public record Column(IndicatorView indicator, String periodId, RollupCell county) {}

  /** A school and its cells, in the order of {@code indicators}. */
  public record SchoolLine(String id, String name, String schoolType, List<SchoolCell> cells) {}

  /**
   * The school's latest snapshot of one indicator in its period; figures null while it has not
   * reported. {@code met}: {@code Target#isMetBy} of the school's figure, null without a target or
   * where the indicator does not apply to the school's type.
   */
  public record SchoolCell(
      String code,
      String periodId,
      String xuequId,
      boolean applies,
      boolean suppressed,
      Long numerator,
      Long denominator,
      BigDecimal value,
      BigDecimal target,
      Boolean met,
      Long version,
      Instant asOf) {}
}
