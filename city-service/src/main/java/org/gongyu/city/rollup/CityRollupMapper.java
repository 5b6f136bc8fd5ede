package org.gongyu.city.rollup;

import java.util.List;
import java.util.Optional;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.indicator.SmallCells;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.period.Period;
import org.mapstruct.Mapper;

/** Rates, completeness, timeliness, "met" and small-cell suppression come from the shared arithmetic. */
@Mapper(componentModel = "spring")
interface CityRollupMapper {

  CityRollupResponse.Source toSource(CountyVersion version);

  List<CityRollupResponse.Source> toSources(List<CountyVersion> lineage);

  /**
   * The target is the definition's for the period; a code the catalogue does not know (a rollup can
   * arrive before its definition) has none and is treated as sensitive.
   */
  default CityRollupResponse toResponse(CityRollupRow row, Optional<IndicatorDefined> definition, Period period) {
    Target target = definition.map(d -> d.targetFor(period)).orElse(null);
    boolean sensitive = definition.map(IndicatorDefined::sensitive).orElse(true);
    Figure figure = new Figure(row.numerator(), row.denominator());
    Rollup rollup = new Rollup(figure, row.schoolsReporting(), row.schoolsExpected(), row.schoolsMeetingTarget());
    boolean suppressed = SmallCells.suppressed(sensitive, row.numerator(), row.denominator());
    return new CityRollupResponse(
        row.cityId(), row.indicatorCode(), row.periodId(), suppressed,
        suppressed ? null : row.numerator(), suppressed ? null : row.denominator(), suppressed ? null : figure.rate(),
        target == null ? null : target.value(), suppressed ? null : rollup.meets(target),
        row.countiesReporting(), row.countiesExpected(),
        row.schoolsReporting(), row.schoolsExpected(), row.schoolsMeetingTarget(), rollup.completeness(),
        row.schoolsOnTime(), row.schoolsUnderDeadline(),
        row.schoolsOnTime() == null ? null : new Figure(row.schoolsOnTime(), row.schoolsUnderDeadline()).rate(),
        row.schoolsSignedOff(), row.schoolsSignedOffOnTime(), row.schoolsApproved(),
        row.schoolsSignedOff() == null ? null : new Figure(row.schoolsSignedOff(), row.schoolsExpected()).rate(),
        row.schoolsSignedOffOnTime() == null || row.schoolsUnderDeadline() == null
            ? null : new Figure(row.schoolsSignedOffOnTime(), row.schoolsUnderDeadline()).rate(),
        row.version(), row.asOf(), toSources(row.lineage()));
  }
}
