package org.gongyu.contracts.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's result under one scheme version: its items in the scheme's order, the total and the rank
 * (1 for the highest total; equal totals share a rank, the next rank skips: 1, 2, 2, 4).
 *
 * @param unitId the assessed unit (a county, a 学区)
 * @param items  one result per item of the scheme
 * @param total  the sum of the items' points
 * @param rank   the unit's rank among the units assessed together
 */
public record UnitResult(String unitId, List<ItemResult> items, BigDecimal total, int rank) {

  public UnitResult {
    items = List.copyOf(items);
  }
}
