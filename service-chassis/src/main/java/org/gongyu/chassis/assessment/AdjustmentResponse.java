package org.gongyu.chassis.assessment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A manual adjustment (加减分) of one unit's result for a scheme version and school year, with who
 * made it and when; a withdrawn one keeps its row with who withdrew it, when and why, and no longer
 * counts.
 *
 * @param itemCode the scheme item it concerns, null for the result as a whole
 */
public record AdjustmentResponse(long adjustmentId, String schemeId, long schemeVersion, String periodId, String unitId,
    String itemCode, BigDecimal points, String reason, Instant addedAt, String addedBy, Instant withdrawnAt, String withdrawnBy,
    String withdrawalReason) {

  /** Whether it counts towards the final total. */
  public boolean inForce() {
    return withdrawnAt == null;
  }
}
