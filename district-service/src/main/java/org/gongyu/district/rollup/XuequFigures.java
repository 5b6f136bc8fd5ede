package org.gongyu.district.rollup;

import java.time.Instant;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.district.approval.SignOffTally.Tally;

/**
 * A 学区's figures of one indicator for one period, computed by the county's rules over the schools
 * the 学区 counts (its members on the period's first day that the indicator applies to). Exact
 * aggregates: small-cell withholding is the API's business ({@code sensitive} says whether it
 * applies). The internal API for other features (assessment schemes, issue 17 item 7) is {@link
 * XuequRollups#figures}.
 *
 * @param rollup        the shared arithmetic: figure, schools reporting, expected, meeting the target
 * @param target        the indicator's target for the period, or null
 * @param sensitive     whether the indicator's small cells are withheld above the school tier
 * @param schoolsOnTime counted schools whose first snapshot came by the county's deadline; null without one
 * @param deadline      the county's deadline for the period, or null
 * @param signOffs      sign-offs of the period among the counted schools (ADR 0019)
 * @param schools       every member school of the 学区 on the period's first day, by id
 */
public record XuequFigures(
    String countyId,
    String xuequId,
    String indicatorCode,
    String periodId,
    Rollup rollup,
    Target target,
    boolean sensitive,
    Integer schoolsOnTime,
    Instant deadline,
    Tally signOffs,
    List<School> schools) {

  public XuequFigures {
    schools = List.copyOf(schools);
  }

  /**
   * One member school: whether the indicator applies to its type (only those are counted) and its
   * latest snapshot's figure and version (null without one).
   */
  public record School(String schoolId, String name, String schoolType, boolean applies, Figure figure, Long version) {}
}
