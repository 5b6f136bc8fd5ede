package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The units below the target of one indicator in one period, largest gap first. {@code counties}
 * is empty for a county's list. Without a target both lists are empty and {@code note} says why.
 * {@code withheld}: units whose figure is a suppressed small cell (sensitive indicator), left out
 * whatever their judgement, so a list never tells that a withheld figure missed the target.
 */
public record BelowTarget(
    IndicatorView indicator,
    String periodId,
    String countyId,
    String note,
    List<County> counties,
    List<School> schools,
    int withheld) {

  /**
   * A county whose rollup does not meet the target ({@code Rollup#meets}). {@code gap}: for COUNT
   * the number of expected schools not meeting the per-school target; for UNIT_COUNT the units
   * (titles) missing, a whole number; otherwise the distance of the rate from the target.
   */
  public record County(
      String id,
      String name,
      long numerator,
      long denominator,
      BigDecimal value,
      int schoolsMeetingTarget,
      int schoolsExpected,
      BigDecimal gap) {}

  /**
   * A reporting school whose own figure does not meet the target. {@code gap}: for COUNT the count
   * missing, otherwise the distance of the rate from the target; null when the rate has nothing to
   * divide by.
   */
  public record School(
      String id,
      String name,
      String countyId,
      String countyName,
      long numerator,
      long denominator,
      BigDecimal value,
      BigDecimal gap) {}
}
