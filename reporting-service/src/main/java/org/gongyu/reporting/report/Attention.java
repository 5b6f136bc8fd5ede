package org.gongyu.reporting.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What needs attention in {@code periodId}: one item per indicator × unit × reason, every
 * catalogue indicator in its own period containing the first day of {@code periodId}. {@code
 * withheld} counts figures that would be judged against their target but are suppressed small
 * cells: they are neither listed nor cleared (the same rule as the below-target lists).
 */
public record Attention(String periodId, String countyId, List<Item> items, int withheld) {

  /** Why a unit is listed. */
  public enum Reason {
    /** its published figure does not meet the period's target */
    BELOW_TARGET,
    /** a school the indicator applies to has published no snapshot for the period; a county no rollup */
    MISSING,
    /** a school's first snapshot came after its county's deadline, or none came and the deadline has passed */
    LATE
  }

  /**
   * One indicator × unit × reason. {@code level}: COUNTY or SCHOOL; {@code countyId}/{@code
   * countyName}: the county (for a school, the one it belonged to on the period's first day).
   * {@code value}, {@code numerator}, {@code denominator}: the unit's published figure, null when
   * there is none or it is a withheld small cell; {@code gap} only for BELOW_TARGET (as in the
   * below-target lists). {@code deadline} (the county's, null if none) and {@code firstReportedAt}
   * (when the school first reported, null if it has not) explain LATE.
   */
  @Schema(name = "AttentionItem")
  public record Item(
      String indicatorCode,
      String indicatorNameZh,
      String indicatorNameEn,
      String kind,
      String periodId,
      String level,
      String unitId,
      String unitName,
      String countyId,
      String countyName,
      String xuequId,
      Reason reason,
      BigDecimal value,
      BigDecimal target,
      BigDecimal gap,
      Long numerator,
      Long denominator,
      Instant deadline,
      Instant firstReportedAt) {}
}
