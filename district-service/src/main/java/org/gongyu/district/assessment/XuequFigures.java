package org.gongyu.district.assessment;

import org.gongyu.chassis.assessment.UnitFigures;

/**
 * The figures of a county's 学区 that the 学区 assessment scores: per 学区 id, an indicator's figure
 * summed over the periods asked for (Σnumerator / Σdenominator). The seam for a per-学区 rollup:
 * whichever bean implements this is what the assessment scores.
 */
public interface XuequFigures {

  /** The figures of the 学区 of {@code countyId}. */
  UnitFigures of(String countyId);
}
