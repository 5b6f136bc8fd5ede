package org.gongyu.contracts.assessment;

import java.util.List;
import java.util.Objects;
import org.gongyu.contracts.indicator.Figure;

/**
 * The figure an item scored for one unit, and where it came from.
 *
 * @param periodIds the periods whose figures were summed (Σnumerator / Σdenominator), e.g. both
 *                  semesters of a school year for a semester indicator
 * @param figure    the summed figure; null when none of those periods has one
 */
public record FigureUsed(List<String> periodIds, Figure figure) {

  public FigureUsed {
    periodIds = List.copyOf(Objects.requireNonNull(periodIds, "periodIds"));
  }

  /** No figure in any of {@code periodIds}. */
  public static FigureUsed missing(List<String> periodIds) {
    return new FigureUsed(periodIds, null);
  }
}
