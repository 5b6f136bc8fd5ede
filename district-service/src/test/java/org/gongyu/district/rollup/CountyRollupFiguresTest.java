package org.gongyu.district.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.district.approval.SignOffTally;
import org.junit.jupiter.api.Test;

class CountyRollupFiguresTest {

  private static final Target SIXTY_PERCENT = new Target(IndicatorKind.RATIO, new BigDecimal("0.60"), TargetComparator.AT_LEAST);

  @Test
  void sumsNumeratorsAndDenominatorsOfTheSchools() {
    var figures = CountyRollupFigures.of(
        List.of(school("9901010002", 2, 30, 100), school("9901010001", 5, 90, 100)), 4, SIXTY_PERCENT);

    assertThat(figures.rollup().figure()).isEqualTo(new Figure(120, 200));
    assertThat(figures.rollup().schoolsReporting()).isEqualTo(2);
    assertThat(figures.rollup().schoolsExpected()).isEqualTo(4);
    assertThat(figures.rollup().schoolsMeetingTarget()).isEqualTo(1);
  }

  @Test
  void countsNoSchoolAsMeetingAnUnknownTarget() {
    var figures = CountyRollupFigures.of(List.of(school("9901010001", 1, 100, 100)), 1, null);

    assertThat(figures.rollup().schoolsMeetingTarget()).isZero();
  }

  @Test
  void sortsLineageBySchoolId() {
    var figures = CountyRollupFigures.of(
        List.of(school("9901010003", 1, 1, 2), school("9901010001", 4, 1, 2), school("9901010002", 2, 1, 2)), 3, null);

    assertThat(figures.lineage()).containsExactly(
        new SchoolVersion("9901010001", 4), new SchoolVersion("9901010002", 2), new SchoolVersion("9901010003", 1));
  }

  @Test
  void refusesTwoFiguresOfOneSchool() {
    assertThatThrownBy(() -> CountyRollupFigures.of(
            List.of(school("9901010001", 1, 1, 2), school("9901010001", 2, 1, 2)), 1, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isTheSameAsAStoredRollupOnlyWhenFiguresCountsAndLineageAllMatch() {
    var figures = CountyRollupFigures.of(List.of(school("9901010001", 3, 70, 100)), 2, SIXTY_PERCENT);
    var stored = stored(70, 100, 1, 2, 1, 7, List.of(new SchoolVersion("9901010001", 3)));

    assertThat(figures.sameAs(stored)).isTrue();
    assertThat(figures.sameAs(stored(70, 100, 1, 3, 1, 7, stored.lineage()))).as("expected differs").isFalse();
    assertThat(figures.sameAs(stored(70, 100, 1, 2, 0, 7, stored.lineage()))).as("meeting differs").isFalse();
    assertThat(figures.sameAs(stored(71, 100, 1, 2, 1, 7, stored.lineage()))).as("numerator differs").isFalse();
    assertThat(figures.sameAs(stored(70, 100, 1, 2, 1, 7, List.of(new SchoolVersion("9901010001", 2)))))
        .as("same figures from another snapshot version").isFalse();
  }

  @Test
  void countsSchoolsWhoseFirstSnapshotWasMadeByTheDeadline() {
    Instant deadline = Instant.parse("2025-11-01T00:00:00Z");
    var figures = CountyRollupFigures.of(List.of(
        new SchoolFigure("9901010001", 3, new Figure(1, 2), deadline.minusSeconds(1)),
        new SchoolFigure("9901010002", 1, new Figure(1, 2), deadline),
        new SchoolFigure("9901010003", 2, new Figure(1, 2), deadline.plusSeconds(1))), 4, null, deadline);

    assertThat(figures.schoolsOnTime()).isEqualTo(2);
    assertThat(CountyRollupFigures.of(List.of(school("9901010001", 1, 1, 2)), 1, null).schoolsOnTime())
        .as("no deadline, no timeliness").isNull();
  }

  @Test
  void anotherDeadlineOrOnTimeCountIsAnotherRollup() {
    Instant deadline = Instant.parse("2025-11-01T00:00:00Z");
    var figures = CountyRollupFigures.of(List.of(school("9901010001", 3, 70, 100)), 2, SIXTY_PERCENT, deadline);
    var lineage = List.of(new SchoolVersion("9901010001", 3));
    CountyRollupRow same = new CountyRollupRow("990101", "PLATFORM_REGISTRATION", "2025-2026-1", 70, 100, 1, 2, 1, 7,
        deadline, lineage, 1, deadline, 0, null, 0);

    assertThat(figures.sameAs(same)).isTrue();
    assertThat(figures.sameAs(new CountyRollupRow("990101", "PLATFORM_REGISTRATION", "2025-2026-1", 70, 100, 1, 2, 1, 7,
        deadline, lineage, null, null, 0, null, 0))).as("no deadline stored").isFalse();
    assertThat(figures.sameAs(new CountyRollupRow("990101", "PLATFORM_REGISTRATION", "2025-2026-1", 70, 100, 1, 2, 1, 7,
        deadline, lineage, 1, deadline.plusSeconds(60), 0, null, 0))).as("other deadline").isFalse();
  }

  @Test
  void anotherSignOffCountIsAnotherRollupAndARowFromBeforeSignOffsIsRepublished() {
    Instant deadline = Instant.parse("2025-11-01T00:00:00Z");
    var lineage = List.of(new SchoolVersion("9901010001", 3));
    var figures = CountyRollupFigures.of(List.of(school("9901010001", 3, 70, 100)), 2, SIXTY_PERCENT, deadline)
        .withSignOffs(new SignOffTally.Tally(2, 1, 1));

    assertThat(figures.sameAs(new CountyRollupRow("990101", "PLATFORM_REGISTRATION", "2025-2026-1", 70, 100, 1, 2, 1, 7,
        deadline, lineage, 1, deadline, 2, 1, 1))).isTrue();
    assertThat(figures.sameAs(new CountyRollupRow("990101", "PLATFORM_REGISTRATION", "2025-2026-1", 70, 100, 1, 2, 1, 7,
        deadline, lineage, 1, deadline, 2, 1, 0))).as("one approval fewer").isFalse();
    assertThat(figures.sameAs(new CountyRollupRow("990101", "PLATFORM_REGISTRATION", "2025-2026-1", 70, 100, 1, 2, 1, 7,
        deadline, lineage, 1, deadline, 2, 2, 1))).as("another on-time count").isFalse();
    assertThat(figures.sameAs(new CountyRollupRow("990101", "PLATFORM_REGISTRATION", "2025-2026-1", 70, 100, 1, 2, 1, 7,
        deadline, lineage, 1, deadline, null, null, null))).as("a row from before sign-offs").isFalse();
  }

  @Test
  void isNeverTheSameAsTheUnpublishedPlaceholder() {
    var empty = CountyRollupFigures.of(List.of(), 0, null);

    assertThat(empty.sameAs(stored(0, 0, 0, 0, 0, 0, List.of()))).isFalse();
  }

  @Test
  void aUnitCountIsTheCountOverOneWithEveryCountedSchoolExpectedAndReportingAndNoLineage() {
    var titles = CountyRollupFigures.ofUnitCount(3, 12);

    assertThat(titles.rollup().figure()).isEqualTo(new Figure(3, 1));
    assertThat(titles.rollup().schoolsExpected()).isEqualTo(12);
    assertThat(titles.rollup().schoolsReporting()).isEqualTo(12);
    assertThat(titles.rollup().schoolsMeetingTarget()).isEqualTo(3);
    assertThat(titles.lineage()).isEmpty();
    assertThat(titles.schoolsOnTime()).isNull();
    assertThat(titles.deadline()).isNull();
    assertThat(titles.sameAs(stored(3, 1, 12, 12, 3, 4, List.of()))).isTrue();
    assertThat(titles.sameAs(stored(2, 1, 12, 12, 2, 4, List.of()))).as("a title fewer").isFalse();
    assertThat(titles.sameAs(stored(3, 1, 11, 11, 3, 4, List.of()))).as("a school fewer").isFalse();
  }

  private static SchoolFigure school(String id, long version, long numerator, long denominator) {
    return new SchoolFigure(id, version, new Figure(numerator, denominator), Instant.parse("2025-10-01T00:00:00Z"));
  }

  private static CountyRollupRow stored(
      long num, long den, int reporting, int expected, int meeting, long version, List<SchoolVersion> lineage) {
    return new CountyRollupRow("990101", "PLATFORM_REGISTRATION", "2025-2026-1", num, den, reporting, expected, meeting,
        version, version == 0 ? null : Instant.parse("2025-10-01T00:00:00Z"), lineage, null, null, 0, null, 0);
  }
}
