package org.gongyu.chassis.assessment;

import java.util.List;
import java.util.Map;
import org.gongyu.contracts.indicator.Figure;

/**
 * The figures an assessment scores: per assessed unit, one indicator's figure summed over the given
 * periods (Σnumerator / Σdenominator). A unit without a figure in any of the periods is absent.
 */
@FunctionalInterface
public interface UnitFigures {

  Map<String, Figure> sum(String indicatorCode, List<String> periodIds);
}
