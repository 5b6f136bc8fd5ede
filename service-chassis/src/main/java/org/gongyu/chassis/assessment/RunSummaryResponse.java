package org.gongyu.chassis.assessment;

import java.time.Instant;

/** A computed assessment in a list: which version, which school year, when, by whom, how many units. */
public record RunSummaryResponse(long runId, String schemeId, long schemeVersion, String periodId, Instant computedAt,
    String computedBy, int units) {

  public static RunSummaryResponse of(StoredRun r) {
    return new RunSummaryResponse(r.runId(), r.schemeId(), r.schemeVersion(), r.periodId(), r.computedAt(), r.computedBy(),
        r.results().size());
  }
}
