package org.gongyu.chassis.assessment;

/**
 * Body of {@code POST .../adjustments/{adjustmentId}/withdrawal}.
 *
 * @param reason why the adjustment no longer holds (required, at most 500 characters)
 */
public record WithdrawAdjustmentRequest(String reason) {}
