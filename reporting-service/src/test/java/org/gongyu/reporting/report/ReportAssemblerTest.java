package org.gongyu.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.reporting.catalogue.IndicatorRow;
import org.gongyu.reporting.figures.CityRollupRow;
import org.gongyu.reporting.figures.CountyRollupRow;
import org.gongyu.reporting.figures.LineageRow;
import org.gongyu.reporting.figures.SchoolSnapshotRow;
import org.gongyu.reporting.orgunits.CountyRow;
import org.gongyu.reporting.orgunits.SchoolRow;
import org.junit.jupiter.api.Test;

class ReportAssemblerTest {

  private static final Instant AS_OF = Instant.parse("2026-10-08T02:00:00Z");
  private static final CountyRow COUNTY = new CountyRow("990101", "9901", "城关区", 2);
  private static final SchoolRow SCHOOL = new SchoolRow("9901010001", "990101", "990101-XQ1", "城关一小", 1);

  @Test
  void countyRateIsPublishedSumsDividedToFourDecimalsAndCompletenessIsReportingOverExpected() {
    CountyFigures view = ReportAssembler.county(COUNTY, countyRollup(2, 3, 3, 4, 1), ratioAtLeast("0.60"));

    assertThat(view.numerator()).isEqualTo(2);
    assertThat(view.denominator()).isEqualTo(3);
    assertThat(view.rate()).isEqualByComparingTo("0.6667");
    assertThat(view.met()).isTrue();
    assertThat(view.schoolsReporting()).isEqualTo(3);
    assertThat(view.schoolsExpected()).isEqualTo(4);
    assertThat(view.schoolsMeetingTarget()).isEqualTo(1);
    assertThat(view.completeness()).isEqualByComparingTo("0.7500");
    assertThat(view.version()).isEqualTo(7);
    assertThat(view.asOf()).isEqualTo(AS_OF);
  }

  @Test
  void targetIsJudgedExactlyNotOnTheRoundedRate() {
    // 3/5 is exactly 60 %; 5999/10000 rounds to 0.5999 and misses it.
    assertThat(ReportAssembler.county(COUNTY, countyRollup(3, 5, 1, 1, 1), ratioAtLeast("0.60")).met()).isTrue();
    assertThat(ReportAssembler.county(COUNTY, countyRollup(5999, 10000, 1, 1, 0), ratioAtLeast("0.60")).met())
        .isFalse();
  }

  @Test
  void atMostTargetIsMetFromBelow() {
    IndicatorRow atMost = indicator(IndicatorKind.RATIO, new BigDecimal("0.10"), TargetComparator.AT_MOST);

    assertThat(ReportAssembler.school(SCHOOL, snapshot(1, 20), null, atMost).met()).isTrue();
    assertThat(ReportAssembler.school(SCHOOL, snapshot(3, 20), null, atMost).met()).isFalse();
  }

  @Test
  void metIsNullWhenTheCatalogueSetsNoTarget() {
    IndicatorRow noTarget = indicator(IndicatorKind.RATIO, null, null);

    assertThat(ReportAssembler.county(COUNTY, countyRollup(2, 3, 1, 1, 0), noTarget).met()).isNull();
    assertThat(ReportAssembler.school(SCHOOL, snapshot(2, 3), null, noTarget).met()).isNull();
  }

  @Test
  void rateIsNullWhenThereIsNothingToDivideByAndCompletenessIsNullWhenNoSchoolIsExpected() {
    CountyFigures view = ReportAssembler.county(COUNTY, countyRollup(0, 0, 0, 0, 0), ratioAtLeast("0.60"));

    assertThat(view.rate()).isNull();
    assertThat(view.met()).isFalse();
    assertThat(view.completeness()).isNull();
  }

  @Test
  void countyWithoutRollupKeepsItsNameAndHasNullFigures() {
    CountyDetail view = ReportAssembler.countyDetail(COUNTY, null, List.of(), ratioAtLeast("0.60"));

    assertThat(view.id()).isEqualTo("990101");
    assertThat(view.name()).isEqualTo("城关区");
    assertThat(view.numerator()).isNull();
    assertThat(view.rate()).isNull();
    assertThat(view.met()).isNull();
    assertThat(view.completeness()).isNull();
    assertThat(view.version()).isNull();
    assertThat(view.lineage()).isEmpty();
  }

  @Test
  void schoolRowShowsItsLatestSnapshotAndTheVersionTheCountyRollupUsed() {
    SchoolFigures view = ReportAssembler.school(SCHOOL, snapshot(70, 100), 1L, ratioAtLeast("0.60"));

    assertThat(view.xuequId()).isEqualTo("990101-XQ1");
    assertThat(view.rate()).isEqualByComparingTo("0.7000");
    assertThat(view.met()).isTrue();
    assertThat(view.snapshotVersion()).isEqualTo(2);
    assertThat(view.usedInCountyRollup()).isEqualTo(1);
  }

  @Test
  void schoolWithoutSnapshotHasNullFigures() {
    SchoolFigures view = ReportAssembler.school(SCHOOL, null, null, ratioAtLeast("0.60"));

    assertThat(view.name()).isEqualTo("城关一小");
    assertThat(view.numerator()).isNull();
    assertThat(view.met()).isNull();
    assertThat(view.snapshotVersion()).isNull();
    assertThat(view.usedInCountyRollup()).isNull();
  }

  @Test
  void cityShowsItsOwnRollupWithCountyLineage() {
    CityRollupRow rollup = new CityRollupRow("9901", "演示市", 130, 200, 2, 3, 5, 8, 2, 4, AS_OF);

    CityFigures view = ReportAssembler.city(
        rollup, List.of(new LineageRow("990101", 3), new LineageRow("990102", 1)), ratioAtLeast("0.60"));

    assertThat(view.id()).isEqualTo("9901");
    assertThat(view.name()).isEqualTo("演示市");
    assertThat(view.rate()).isEqualByComparingTo("0.6500");
    assertThat(view.met()).isTrue();
    assertThat(view.countiesReporting()).isEqualTo(2);
    assertThat(view.countiesExpected()).isEqualTo(3);
    assertThat(view.completeness()).isEqualByComparingTo("0.6250");
    assertThat(view.lineage())
        .containsExactly(new CityFigures.CountyVersion("990101", 3), new CityFigures.CountyVersion("990102", 1));
  }

  @Test
  void indicatorViewNamesKindAndComparator() {
    IndicatorView view = ReportAssembler.indicator(ratioAtLeast("0.60"));

    assertThat(view.kind()).isEqualTo("RATIO");
    assertThat(view.comparator()).isEqualTo("AT_LEAST");
    assertThat(view.target()).isEqualByComparingTo("0.60");
  }

  // ---- fixtures

  private static IndicatorRow ratioAtLeast(String target) {
    return indicator(IndicatorKind.RATIO, new BigDecimal(target), TargetComparator.AT_LEAST);
  }

  private static IndicatorRow indicator(IndicatorKind kind, BigDecimal target, TargetComparator comparator) {
    return new IndicatorRow("PLATFORM_REGISTRATION", "数字家长学校家长注册率", "Platform registration", kind, target,
        comparator, false, 1);
  }

  private static CountyRollupRow countyRollup(long num, long den, int reporting, int expected, int meeting) {
    return new CountyRollupRow("990101", num, den, reporting, expected, meeting, 7, AS_OF);
  }

  private static SchoolSnapshotRow snapshot(long num, long den) {
    return new SchoolSnapshotRow("9901010001", num, den, 2, AS_OF);
  }
}
