package org.gongyu.contracts.assessment;

import java.math.BigDecimal;

/**
 * A unit's computed result with the manual adjustments (加减分) made on top of it: the computed
 * points stay as they were computed; the final total is the computed total plus the adjustments, and
 * the rank is by the final total (equal totals share a rank, the next rank skips: 1, 2, 2, 4).
 *
 * @param computed   the unit's result as computed from the figures (its own total and rank)
 * @param adjustment the sum of the adjustments in force, positive or negative, 0 when there are none
 * @param total      the final total: {@code computed.total() + adjustment}
 * @param rank       the unit's rank by the final total among the units assessed together
 */
public record AdjustedResult(UnitResult computed, BigDecimal adjustment, BigDecimal total, int rank) {

  /** The assessed unit. */
  public String unitId() {
    return computed.unitId();
  }
}
