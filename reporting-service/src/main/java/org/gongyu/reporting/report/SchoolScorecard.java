package org.gongyu.reporting.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.gongyu.reporting.units.UnitView;

/**
 * A school's own scorecard for {@code periodId}: per catalogue indicator, its own period
 * containing {@code periodId}'s first day, the school's cell and whether it is {@code missing}
 * (the indicator applies to the school's type and the school has published no snapshot for that
 * period). {@code school} is the school as it was on the asked period's first day.
 */
public record SchoolScorecard(String periodId, UnitView school, List<Line> indicators) {

  /** One indicator, its period, the school's cell in it, and whether a figure is missing. */
  @Schema(name = "SchoolScorecardLine")
  public record Line(IndicatorView indicator, String periodId, CountyScorecard.SchoolCell cell, boolean missing) {}
}
