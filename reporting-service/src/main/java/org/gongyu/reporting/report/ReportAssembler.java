package org.gongyu.reporting.report;

import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.reporting.catalogue.IndicatorRow;
import org.gongyu.reporting.figures.CityRollupRow;
import org.gongyu.reporting.figures.CountyRollupRow;
import org.gongyu.reporting.figures.LineageRow;
import org.gongyu.reporting.figures.SchoolSnapshotRow;
import org.gongyu.reporting.orgunits.CountyRow;
import org.gongyu.reporting.orgunits.SchoolRow;

/**
 * Turns stored rows into the API's views. Copies every published number as it is and derives only
 * presentation, with the shared arithmetic of {@code contracts}: rate ({@link Figure#rate()}),
 * target met ({@link Target#isMetBy}) and completeness ({@link Rollup#completeness()}). Pure: no
 * I/O, no clock.
 */
final class ReportAssembler {

  private ReportAssembler() {}

  static IndicatorView indicator(IndicatorRow row) {
    return new IndicatorView(
        row.code(),
        row.nameZh(),
        row.nameEn(),
        row.kind().name(),
        row.target(),
        row.comparator() == null ? null : row.comparator().name());
  }

  static CityFigures city(CityRollupRow rollup, List<LineageRow> lineage, IndicatorRow indicator) {
    Rollup r = rollup.rollup();
    return new CityFigures(
        rollup.cityId(),
        rollup.cityName(),
        rollup.numerator(),
        rollup.denominator(),
        r.figure().rate(),
        met(indicator, r.figure()),
        rollup.schoolsMeetingTarget(),
        rollup.schoolsReporting(),
        rollup.schoolsExpected(),
        rollup.countiesReporting(),
        rollup.countiesExpected(),
        r.completeness(),
        rollup.version(),
        rollup.asOf(),
        lineage.stream().map(l -> new CityFigures.CountyVersion(l.unitId(), l.version())).toList());
  }

  /** The county with its rollup, or with null figures when {@code rollup} is null. */
  static CountyFigures county(CountyRow county, CountyRollupRow rollup, IndicatorRow indicator) {
    if (rollup == null) {
      return new CountyFigures(
          county.countyId(), county.name(), null, null, null, null, null, null, null, null, null, null);
    }
    Rollup r = rollup.rollup();
    return new CountyFigures(
        county.countyId(),
        county.name(),
        rollup.numerator(),
        rollup.denominator(),
        r.figure().rate(),
        met(indicator, r.figure()),
        rollup.schoolsMeetingTarget(),
        rollup.schoolsReporting(),
        rollup.schoolsExpected(),
        r.completeness(),
        rollup.version(),
        rollup.asOf());
  }

  static CountyDetail countyDetail(
      CountyRow county, CountyRollupRow rollup, List<LineageRow> lineage, IndicatorRow indicator) {
    CountyFigures f = county(county, rollup, indicator);
    return new CountyDetail(
        f.id(),
        f.name(),
        f.numerator(),
        f.denominator(),
        f.rate(),
        f.met(),
        f.schoolsMeetingTarget(),
        f.schoolsReporting(),
        f.schoolsExpected(),
        f.completeness(),
        f.version(),
        f.asOf(),
        lineage.stream().map(l -> new CountyDetail.SchoolVersion(l.unitId(), l.version())).toList());
  }

  /**
   * The school with its snapshot, or with null figures when {@code snapshot} is null. {@code
   * usedInCountyRollup}: the version the county's rollup used, or null.
   */
  static SchoolFigures school(
      SchoolRow school, SchoolSnapshotRow snapshot, Long usedInCountyRollup, IndicatorRow indicator) {
    if (snapshot == null) {
      return new SchoolFigures(
          school.schoolId(), school.name(), school.xuequId(), null, null, null, null, null, null, usedInCountyRollup);
    }
    Figure figure = snapshot.figure();
    return new SchoolFigures(
        school.schoolId(),
        school.name(),
        school.xuequId(),
        snapshot.numerator(),
        snapshot.denominator(),
        figure.rate(),
        met(indicator, figure),
        snapshot.version(),
        snapshot.asOf(),
        usedInCountyRollup);
  }

  /** Whether the figure meets the indicator's target; null when the city set no target. */
  static Boolean met(IndicatorRow indicator, Figure figure) {
    Target target = indicator.targetOrNull();
    return target == null ? null : target.isMetBy(figure);
  }
}
