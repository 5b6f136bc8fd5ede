package org.gongyu.chassis.assessment;

import java.math.BigDecimal;

/**
 * Body of {@code POST .../runs/{runId}/units/{unitId}/adjustments}: a manual adjustment (加减分) of one
 * unit's result for the run's scheme version and school year.
 *
 * @param points   added to the computed total (negative to deduct): not 0, at most 2 decimals, at most the
 *                 scheme's total either way
 * @param reason   why, in words (required, at most 500 characters)
 * @param itemCode the scheme item it concerns; absent for the result as a whole
 */
public record AdjustmentRequest(BigDecimal points, String reason, String itemCode) {}
