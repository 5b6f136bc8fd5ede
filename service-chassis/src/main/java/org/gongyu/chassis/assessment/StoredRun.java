package org.gongyu.chassis.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.assessment.UnitResult;

/**
 * A computed assessment as stored: the scheme version it used, the school year, and per unit the
 * figures, points and explanations, with the units' names at the time.
 */
public record StoredRun(long runId, String ownerId, String schemeId, long schemeVersion, String periodId, Instant computedAt,
    String computedBy, List<UnitResult> results, Map<String, String> unitNames) {}
