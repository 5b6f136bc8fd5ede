package org.gongyu.chassis.assessment;

/**
 * Body of {@code POST .../assessments/{schemeId}/runs}.
 *
 * @param periodId the school year assessed, e.g. {@code 2026-2027}
 * @param version  the scheme version to compute; absent for the latest
 */
public record ComputeRequest(String periodId, Long version) {}
