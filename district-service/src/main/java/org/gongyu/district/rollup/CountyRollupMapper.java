package org.gongyu.district.rollup;

import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.indicator.SmallCells;
import org.gongyu.contracts.indicator.Target;
import org.mapstruct.Mapper;

/** Rates, completeness, "met" and small-cell suppression come from the shared arithmetic, never recomputed here. */
@Mapper(componentModel = "spring")
interface CountyRollupMapper {

  CountyRollupResponse.Source toSource(SchoolVersion version);

  List<CountyRollupResponse.Source> toSources(List<SchoolVersion> lineage);

  default CountyRollupResponse toResponse(CountyRollupRow row, Target target, boolean sensitive) {
    Figure figure = new Figure(row.numerator(), row.denominator());
    Rollup rollup = new Rollup(figure, row.schoolsReporting(), row.schoolsExpected(), row.schoolsMeetingTarget());
    boolean suppressed = SmallCells.suppressed(sensitive, row.numerator(), row.denominator());
    return new CountyRollupResponse(
        row.countyId(), row.indicatorCode(), row.periodId(), suppressed,
        suppressed ? null : row.numerator(), suppressed ? null : row.denominator(), suppressed ? null : figure.rate(),
        target == null ? null : target.value(), suppressed ? null : rollup.meets(target),
        row.schoolsReporting(), row.schoolsExpected(), row.schoolsMeetingTarget(), rollup.completeness(),
        row.schoolsOnTime(), row.deadline(), row.schoolsSignedOff(), row.schoolsSignedOffOnTime(), row.schoolsApproved(),
        share(row.schoolsSignedOff(), row.schoolsExpected()), share(row.schoolsSignedOffOnTime(), row.schoolsExpected()),
        row.version(), row.asOf(), toSources(row.lineage()));
  }

  /** A count of schools over the schools expected, as the shared arithmetic rates it; null when undefined. */
  private static java.math.BigDecimal share(Integer schools, int expected) {
    return schools == null ? null : new Figure(schools, expected).rate();
  }
}
