package org.gongyu.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
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
  private static final SchoolRow SCHOOL = new SchoolRow("9901010001", "990101", "990101-XQ1", "城关一小", "PRIMARY", 1);

  @Test
  void countyRateIsPublishedSumsDividedToFourDecimalsAndCompletenessIsReportingOverExpected() {
    CountyFigures view = county(countyRollup(2, 3, 3, 4, 1), ratioAtLeast("0.60"));

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
    assertThat(county(countyRollup(3, 5, 1, 1, 1), ratioAtLeast("0.60")).met()).isTrue();
    assertThat(county(countyRollup(5999, 10000, 1, 1, 0), ratioAtLeast("0.60")).met())
        .isFalse();
  }

  @Test
  void atMostTargetIsMetFromBelow() {
    IndicatorRow atMost = indicator(IndicatorKind.RATIO, new BigDecimal("0.10"), TargetComparator.AT_MOST);

    assertThat(school(snapshot(1, 20), null, atMost).met()).isTrue();
    assertThat(school(snapshot(3, 20), null, atMost).met()).isFalse();
  }

  @Test
  void metIsNullWhenTheCatalogueSetsNoTarget() {
    IndicatorRow noTarget = indicator(IndicatorKind.RATIO, null, null);

    assertThat(county(countyRollup(2, 3, 1, 1, 0), noTarget).met()).isNull();
    assertThat(school(snapshot(2, 3), null, noTarget).met()).isNull();
  }

  @Test
  void rateIsNullWhenThereIsNothingToDivideByAndCompletenessIsNullWhenNoSchoolIsExpected() {
    CountyFigures view = county(countyRollup(0, 0, 0, 0, 0), ratioAtLeast("0.60"));

    assertThat(view.rate()).isNull();
    assertThat(view.met()).isFalse();
    assertThat(view.completeness()).isNull();
  }

  @Test
  void countyWithoutRollupKeepsItsNameAndHasNullFigures() {
    CountyDetail view = ReportAssembler.countyDetail(COUNTY, null, List.of(), ratioAtLeast("0.60"), null);

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
    SchoolFigures view = school(snapshot(70, 100), 1L, ratioAtLeast("0.60"));

    assertThat(view.xuequId()).isEqualTo("990101-XQ1");
    assertThat(view.rate()).isEqualByComparingTo("0.7000");
    assertThat(view.met()).isTrue();
    assertThat(view.snapshotVersion()).isEqualTo(2);
    assertThat(view.usedInCountyRollup()).isEqualTo(1);
  }

  @Test
  void schoolWithoutSnapshotHasNullFigures() {
    SchoolFigures view = school(null, null, ratioAtLeast("0.60"));

    assertThat(view.name()).isEqualTo("城关一小");
    assertThat(view.numerator()).isNull();
    assertThat(view.met()).isNull();
    assertThat(view.snapshotVersion()).isNull();
    assertThat(view.usedInCountyRollup()).isNull();
  }

  @Test
  void cityShowsItsOwnRollupWithCountyLineage() {
    CityRollupRow rollup = new CityRollupRow("9901", "演示市", "2026-2027-1", 130, 200, 2, 3, 5, 8, 2, 4, AS_OF, 3, 6,
        null, null, null);

    CityFigures view = ReportAssembler.city(
        rollup, List.of(new LineageRow("990101", 3, null), new LineageRow("990102", 1, null)), ratioAtLeast("0.60"),
        target(ratioAtLeast("0.60")));

    assertThat(view.id()).isEqualTo("9901");
    assertThat(view.name()).isEqualTo("演示市");
    assertThat(view.rate()).isEqualByComparingTo("0.6500");
    assertThat(view.met()).isTrue();
    assertThat(view.countiesReporting()).isEqualTo(2);
    assertThat(view.countiesExpected()).isEqualTo(3);
    assertThat(view.completeness()).isEqualByComparingTo("0.6250");
    assertThat(view.timeliness()).as("3 on time of 6 under a deadline").isEqualByComparingTo("0.5000");
    assertThat(view.lineage())
        .containsExactly(new CityFigures.CountyVersion("990101", 3), new CityFigures.CountyVersion("990102", 1));
  }

  @Test
  void indicatorViewNamesKindAndComparator() {
    IndicatorView view = ReportAssembler.indicator(ratioAtLeast("0.60"), target(ratioAtLeast("0.60")));

    assertThat(view.kind()).isEqualTo("RATIO");
    assertThat(view.comparator()).isEqualTo("AT_LEAST");
    assertThat(view.target()).isEqualByComparingTo("0.60");
  }

  @Test
  void countTargetIsMetByACountyOnlyWhenEveryExpectedSchoolMeetsIt() {
    IndicatorRow count = indicator(IndicatorKind.COUNT, new BigDecimal("1"), TargetComparator.AT_LEAST);

    // Σ 5 collective sessions over 4 schools, but only 3 schools held one: not met
    assertThat(county(countyRollup(5, 4, 4, 4, 3), count).met()).isFalse();
    assertThat(county(countyRollup(4, 4, 4, 4, 4), count).met()).isTrue();
    // a school's COUNT figure is its count against the per-school target
    assertThat(school(snapshot(0, 1), null, count).met()).isFalse();
    assertThat(school(snapshot(2, 1), null, count).met()).isTrue();
  }

  @Test
  void aUnitCountCountyIsJudgedOnItsTitlesAndMissesByAWholeNumberOfThem() {
    // DEMONSTRATION_SCHOOLS: a county publishes (titles held, 1); schoolsMeetingTarget = titles
    IndicatorRow titles = indicator(IndicatorKind.UNIT_COUNT, new BigDecimal("100.0000"), TargetComparator.AT_LEAST);

    CountyRollupRow below = countyRollup(97, 1, 40, 40, 97);
    CountyFigures belowView = county(below, titles);
    assertThat(belowView.rate()).as("the value is the titles held").isEqualByComparingTo("97");
    assertThat(belowView.met()).isFalse();
    BelowTarget.County listed = ReportAssembler.countyBelow(COUNTY, below, target(titles));
    assertThat(listed.value()).isEqualByComparingTo("97");
    assertThat(listed.gap()).as("titles missing, a whole number").isEqualTo(new BigDecimal("3"));

    CountyRollupRow at = countyRollup(100, 1, 40, 40, 100);
    assertThat(county(at, titles).met()).isTrue();
    assertThat(county(countyRollup(101, 1, 40, 40, 101), titles).met()).as("above the target").isTrue();
    assertThat(ReportAssembler.countyBelow(COUNTY, at, target(titles))).as("met: not listed").isNull();
    assertThat(ReportAssembler.countyBelow(COUNTY, countyRollup(0, 1, 40, 40, 0), target(titles)).gap())
        .isEqualTo(new BigDecimal("100"));
  }

  @Test
  void aUnitCountCityIsJudgedOnTheMeanTitlesPerCounty() {
    IndicatorRow titles = indicator(IndicatorKind.UNIT_COUNT, new BigDecimal("3"), TargetComparator.AT_LEAST);
    // 5 titles over 2 reporting counties (4 + 1): a mean of 2.5 per county
    CityRollupRow twoCounties = new CityRollupRow("9901", "演示市", "2026-2027-1", 5, 2, 2, 3, 70, 80, 5, 4, AS_OF, null, null,
        null, null, null);

    CityFigures view = ReportAssembler.city(twoCounties, List.of(), titles, target(titles));
    assertThat(view.rate()).isEqualByComparingTo("2.5");
    assertThat(view.met()).isFalse();
    assertThat(ReportAssembler.gap(target(titles), new Figure(5, 2))).isEqualTo(new BigDecimal("0.5"));
    assertThat(ReportAssembler.gap(target(titles), new Figure(7, 3))).as("a mean of 2.3333").isEqualTo(new BigDecimal("0.6667"));
    RollupCell cell = ReportAssembler.cityCell(
        new CityRollupRow("9901", "演示市", "2026-2027-1", 6, 2, 2, 3, 70, 80, 6, 4, AS_OF, null, null, null, null, null),
        titles, target(titles));
    assertThat(cell.value()).isEqualByComparingTo("3");
    assertThat(cell.met()).as("a mean of 3 reaches 3 per county").isTrue();
  }

  @Test
  void sensitiveSmallCellsAreWithheldAboveTheSchoolButZeroAndFiveAreShown() {
    IndicatorRow sensitive = sensitive();
    for (long n : new long[] {1, 4}) {
      CountyFigures view = county(countyRollup(n, 10, 2, 2, 0), sensitive);
      assertThat(view.suppressed()).as("numerator " + n).isTrue();
      assertThat(view.numerator()).isNull();
      assertThat(view.denominator()).isNull();
      assertThat(view.rate()).isNull();
      assertThat(view.met()).isNull();
      assertThat(view.schoolsReporting()).as("school counts are not sensitive").isEqualTo(2);
    }
    assertThat(county(countyRollup(0, 10, 2, 2, 0), sensitive).numerator()).isZero();
    assertThat(county(countyRollup(5, 5, 2, 2, 2), sensitive).suppressed()).isFalse();
    assertThat(county(countyRollup(6, 3, 2, 2, 2), sensitive).suppressed()).as("a denominator of 3").isTrue();
    // the school's own users see the exact figure; anyone above it does not
    assertThat(ReportAssembler.school(SCHOOL, snapshot(2, 3), null, sensitive, null, true).numerator()).isEqualTo(2);
    assertThat(ReportAssembler.school(SCHOOL, snapshot(2, 3), null, sensitive, null, false).suppressed()).isTrue();
  }

  @Test
  void timelinessIsOnTimeOverExpectedForACountyAndNullWithoutADeadline() {
    CountyRollupRow withDeadline =
        new CountyRollupRow("990101", "2026-2027-1", 3, 5, 3, 4, 1, 7, AS_OF, 2, AS_OF, null, null, null);

    assertThat(ReportAssembler.county(COUNTY, withDeadline, ratioAtLeast("0.60"), null).timeliness())
        .isEqualByComparingTo("0.5000");
    assertThat(county(countyRollup(3, 5, 3, 4, 1), ratioAtLeast("0.60")).timeliness()).isNull();
  }

  @Test
  void signOffsOfACountyAreCountedOverItsSchoolsExpectedBesideTheSnapshotCounts() {
    // 4 expected, 3 reported figures, 2 signed off (1 by the deadline), 1 approved
    CountyRollupRow rollup = new CountyRollupRow("990101", "2026-2027-1", 3, 5, 3, 4, 1, 7, AS_OF, 2, AS_OF, 2, 1, 1);

    CountyFigures view = ReportAssembler.county(COUNTY, rollup, ratioAtLeast("0.60"), null);
    assertThat(view.completeness()).as("figures: 3 of 4").isEqualByComparingTo("0.75");
    assertThat(view.signOffs()).isEqualTo(new SignOffs(2, 1, 1, new BigDecimal("0.5000"), new BigDecimal("0.2500")));
    assertThat(ReportAssembler.countyCell(COUNTY, rollup, ratioAtLeast("0.60"), null).signOffs()).isEqualTo(view.signOffs());
    assertThat(ReportAssembler.countyDetail(COUNTY, rollup, List.of(), ratioAtLeast("0.60"), null).signOffs())
        .isEqualTo(view.signOffs());
    CountyRollupRow noDeadline = new CountyRollupRow("990101", "2026-2027-1", 3, 5, 3, 4, 1, 7, AS_OF, null, null, 2, null, 0);
    assertThat(ReportAssembler.county(COUNTY, noDeadline, ratioAtLeast("0.60"), null).signOffs())
        .isEqualTo(new SignOffs(2, null, 0, new BigDecimal("0.5000"), null));
    assertThat(county(countyRollup(3, 5, 3, 4, 1), ratioAtLeast("0.60")).signOffs()).as("a rollup before sign-offs").isNull();
    assertThat(ReportAssembler.county(COUNTY, null, ratioAtLeast("0.60"), null).signOffs()).isNull();
  }

  @Test
  void signOffsOfTheCityAreOnTimeOverTheSchoolsUnderADeadline() {
    // 8 expected, 6 of them in counties with a deadline; 5 signed off, 3 on time, 2 approved
    CityRollupRow rollup = new CityRollupRow("9901", "演示市", "2026-2027-1", 130, 200, 2, 3, 5, 8, 2, 4, AS_OF, 3, 6, 5, 3, 2);

    SignOffs expected = new SignOffs(5, 3, 2, new BigDecimal("0.6250"), new BigDecimal("0.5000"));
    assertThat(ReportAssembler.city(rollup, List.of(), ratioAtLeast("0.60"), null).signOffs()).isEqualTo(expected);
    assertThat(ReportAssembler.cityCell(rollup, ratioAtLeast("0.60"), null).signOffs()).isEqualTo(expected);
    CityRollupRow noDeadline = new CityRollupRow("9901", "演示市", "2026-2027-1", 130, 200, 2, 3, 5, 8, 2, 4, AS_OF, null, null,
        5, null, 2);
    assertThat(ReportAssembler.cityCell(noDeadline, ratioAtLeast("0.60"), null).signOffs().timeliness()).isNull();
    assertThat(ReportAssembler.cityCell(null, ratioAtLeast("0.60"), null).signOffs()).isNull();
  }

  @Test
  void gapIsTheDistanceFromTheTargetInTheIndicatorsOwnUnit() {
    assertThat(ReportAssembler.gap(target(ratioAtLeast("0.60")), new Figure(1, 4))).isEqualByComparingTo("0.35");
    assertThat(ReportAssembler.gap(target(indicator(IndicatorKind.COUNT, new BigDecimal("20"), TargetComparator.AT_LEAST)),
        new Figure(14, 1))).isEqualByComparingTo("6");
    assertThat(ReportAssembler.gap(target(indicator(IndicatorKind.RATIO, new BigDecimal("0.10"), TargetComparator.AT_MOST)),
        new Figure(3, 20))).isEqualByComparingTo("0.05");
    assertThat(ReportAssembler.gap(target(ratioAtLeast("0.60")), new Figure(0, 0))).isNull();
  }

  @Test
  void directionComparesWithThePreviousValue() {
    assertThat(ReportAssembler.direction(new BigDecimal("0.5"), new BigDecimal("0.6"))).isEqualTo("UP");
    assertThat(ReportAssembler.direction(new BigDecimal("0.6"), new BigDecimal("0.5"))).isEqualTo("DOWN");
    assertThat(ReportAssembler.direction(new BigDecimal("0.50"), new BigDecimal("0.5000"))).isEqualTo("SAME");
    assertThat(ReportAssembler.direction(null, new BigDecimal("0.5"))).isNull();
  }

  // ---- fixtures

  private static IndicatorRow ratioAtLeast(String target) {
    return indicator(IndicatorKind.RATIO, new BigDecimal(target), TargetComparator.AT_LEAST);
  }

  private static IndicatorRow indicator(IndicatorKind kind, BigDecimal target, TargetComparator comparator) {
    return new IndicatorRow("PLATFORM_REGISTRATION", "数字家长学校家长注册率", "Platform registration", kind,
        PeriodType.SEMESTER, comparator, false, List.of(),
        target == null ? List.of() : List.of(new PeriodTarget("2024-2025-1", target)), 1);
  }

  private static IndicatorRow sensitive() {
    return new IndicatorRow("SPECIAL_CARE", "特殊学生关爱", "Special care", IndicatorKind.RATIO, PeriodType.SEMESTER,
        TargetComparator.AT_LEAST, true, List.of(), List.of(new PeriodTarget("2024-2025-1", BigDecimal.ONE)), 1);
  }

  private static final Period PERIOD = Period.parse("2026-2027-1");

  private static Target target(IndicatorRow indicator) {
    return indicator.targetFor(PERIOD);
  }

  private static CountyFigures county(CountyRollupRow rollup, IndicatorRow indicator) {
    return ReportAssembler.county(COUNTY, rollup, indicator, target(indicator));
  }

  private static SchoolFigures school(SchoolSnapshotRow snapshot, Long used, IndicatorRow indicator) {
    return ReportAssembler.school(SCHOOL, snapshot, used, indicator, target(indicator), false);
  }

  private static CountyRollupRow countyRollup(long num, long den, int reporting, int expected, int meeting) {
    return new CountyRollupRow("990101", "2026-2027-1", num, den, reporting, expected, meeting, 7, AS_OF, null, null,
        null, null, null);
  }

  private static SchoolSnapshotRow snapshot(long num, long den) {
    return new SchoolSnapshotRow("9901010001", num, den, 2, AS_OF);
  }
}
