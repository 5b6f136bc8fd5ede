package org.gongyu.district.rollup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.indicator.SmallCells;

/**
 * A 学区's figures of an indicator for a period, as the API shows them: the fields of a county
 * rollup ({@link CountyRollupResponse}) without version and as-of (a 学区's figures are computed when
 * asked, never stored), with the schools counted and their snapshot versions. A sensitive indicator
 * whose numerator or denominator is 1–4 is withheld ({@code suppressed}).
 */
record XuequRollupResponse(
    String countyId,
    String xuequId,
    String indicatorCode,
    String periodId,
    boolean suppressed,
    Long numerator,
    Long denominator,
    BigDecimal rate,
    BigDecimal target,
    Boolean met,
    int schoolsReporting,
    int schoolsExpected,
    int schoolsMeetingTarget,
    BigDecimal completeness,
    Integer schoolsOnTime,
    Instant deadline,
    int schoolsSignedOff,
    Integer schoolsSignedOffOnTime,
    int schoolsApproved,
    BigDecimal signOffCompleteness,
    BigDecimal signOffTimeliness,
    List<CountyRollupResponse.Source> lineage) {

  static XuequRollupResponse of(XuequFigures f) {
    Rollup r = f.rollup();
    boolean suppressed = SmallCells.suppressed(f.sensitive(), r.figure().numerator(), r.figure().denominator());
    int expected = r.schoolsExpected();
    return new XuequRollupResponse(
        f.countyId(), f.xuequId(), f.indicatorCode(), f.periodId(), suppressed,
        suppressed ? null : r.figure().numerator(), suppressed ? null : r.figure().denominator(),
        suppressed ? null : r.figure().rate(),
        f.target() == null ? null : f.target().value(), suppressed ? null : r.meets(f.target()),
        r.schoolsReporting(), expected, r.schoolsMeetingTarget(), r.completeness(),
        f.schoolsOnTime(), f.deadline(),
        f.signOffs().signedOff(), f.signOffs().signedOffOnTime(), f.signOffs().approved(),
        new Figure(f.signOffs().signedOff(), expected).rate(),
        f.signOffs().signedOffOnTime() == null ? null : new Figure(f.signOffs().signedOffOnTime(), expected).rate(),
        f.schools().stream()
            .filter(s -> s.applies() && s.version() != null)
            .map(s -> new CountyRollupResponse.Source(s.schoolId(), s.version()))
            .toList());
  }
}
