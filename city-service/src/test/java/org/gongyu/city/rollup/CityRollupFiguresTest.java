package org.gongyu.city.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;
import org.junit.jupiter.api.Test;

class CityRollupFiguresTest {

  @Test
  void sumsTheCountiesFiguresAndSchoolCounts() {
    var figures = CityRollupFigures.of(List.of(
        county("990102", 3, 300, 1000, 8, 10, 2),
        county("990101", 7, 450, 500, 4, 5, 4)), 3);

    assertThat(figures.rollup()).isEqualTo(new Rollup(new Figure(750, 1500), 12, 15, 6));
    assertThat(figures.countiesReporting()).isEqualTo(2);
    assertThat(figures.countiesExpected()).isEqualTo(3);
  }

  @Test
  void sortsLineageByCountyId() {
    var figures = CityRollupFigures.of(List.of(
        county("990103", 1, 1, 2, 1, 1, 0), county("990101", 9, 1, 2, 1, 1, 0), county("990102", 4, 1, 2, 1, 1, 0)), 3);

    assertThat(figures.lineage()).containsExactly(
        new CountyVersion("990101", 9), new CountyVersion("990102", 4), new CountyVersion("990103", 1));
  }

  @Test
  void refusesTwoRollupsOfOneCounty() {
    assertThatThrownBy(() -> CityRollupFigures.of(
            List.of(county("990101", 1, 1, 2, 1, 1, 0), county("990101", 2, 1, 2, 1, 1, 0)), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isTheSameAsAStoredRollupOnlyWhenFiguresCountsAndLineageAllMatch() {
    var figures = CityRollupFigures.of(List.of(county("990101", 5, 60, 100, 3, 4, 2)), 2);
    var lineage = List.of(new CountyVersion("990101", 5));

    assertThat(figures.sameAs(stored(60, 100, 1, 2, 3, 4, 2, 3, lineage))).isTrue();
    assertThat(figures.sameAs(stored(60, 100, 1, 3, 3, 4, 2, 3, lineage))).as("counties expected differ").isFalse();
    assertThat(figures.sameAs(stored(60, 100, 1, 2, 3, 5, 2, 3, lineage))).as("schools expected differ").isFalse();
    assertThat(figures.sameAs(stored(60, 101, 1, 2, 3, 4, 2, 3, lineage))).as("denominator differs").isFalse();
    assertThat(figures.sameAs(stored(60, 100, 1, 2, 3, 4, 2, 3, List.of(new CountyVersion("990101", 4)))))
        .as("same figures from another county version").isFalse();
    assertThat(figures.sameAs(stored(60, 100, 1, 2, 3, 4, 2, 0, lineage))).as("placeholder").isFalse();
  }

  @Test
  void sumsTimelinessOnlyOverCountiesThatSetADeadline() {
    Instant deadline = Instant.parse("2025-12-31T16:00:00Z");
    var figures = CityRollupFigures.of(List.of(
        new CountyFigure("990101", 2, new Rollup(new Figure(5, 10), 4, 6, 1), 3, deadline),
        new CountyFigure("990102", 1, new Rollup(new Figure(7, 10), 5, 9, 2), null, null),
        new CountyFigure("990103", 4, new Rollup(new Figure(1, 10), 2, 7, 0), 0, deadline)), 3);

    assertThat(figures.schoolsOnTime()).isEqualTo(3);
    assertThat(figures.schoolsUnderDeadline()).as("schools expected of 990101 and 990103").isEqualTo(13);
    assertThat(figures.rollup().schoolsExpected()).isEqualTo(22);
  }

  @Test
  void sumsSignOffsOverTheCountiesThatCarryThemAndOnTimeOnlyWhereADeadlineIsSet() {
    Instant deadline = Instant.parse("2025-12-31T16:00:00Z");
    Rollup r = new Rollup(new Figure(1, 2), 3, 4, 1);
    var figures = CityRollupFigures.of(List.of(
        new CountyFigure("990101", 2, r, 2, deadline, new CountyFigure.SignOffs(3, 2, 1)),
        new CountyFigure("990102", 2, r, null, null, new CountyFigure.SignOffs(4, null, 4)),
        new CountyFigure("990103", 2, r, 3, deadline, null)), 3);

    assertThat(figures.schoolsSignedOff()).as("the county from before sign-offs adds nothing").isEqualTo(7);
    assertThat(figures.schoolsSignedOffOnTime()).isEqualTo(2);
    assertThat(figures.schoolsApproved()).isEqualTo(5);
    CityRollupRow stored = stored(3, 6, 3, 3, 9, 12, 3, 4,
        List.of(new CountyVersion("990101", 2), new CountyVersion("990102", 2), new CountyVersion("990103", 2)));
    CityRollupRow same = new CityRollupRow(stored.cityId(), stored.indicatorCode(), stored.periodId(), 3, 6, 3, 3, 9, 12, 3, 4,
        stored.asOf(), stored.lineage(), 5, 8, 7, 2, 5);
    assertThat(figures.sameAs(same)).isTrue();
    assertThat(figures.sameAs(new CityRollupRow(stored.cityId(), stored.indicatorCode(), stored.periodId(), 3, 6, 3, 3, 9, 12,
        3, 4, stored.asOf(), stored.lineage(), 5, 8, 7, 2, 4))).as("an approval fewer").isFalse();
    assertThat(CityRollupFigures.of(List.of(new CountyFigure("990101", 1, r, 2, deadline)), 1).schoolsSignedOff())
        .as("no county carries sign-offs").isNull();
  }

  @Test
  void hasNoTimelinessWhileNoCountySetADeadline() {
    var figures = CityRollupFigures.of(List.of(county("990101", 1, 1, 2, 1, 3, 0), county("990102", 1, 1, 2, 1, 3, 0)), 2);

    assertThat(figures.schoolsOnTime()).isNull();
    assertThat(figures.schoolsUnderDeadline()).isNull();
  }

  @Test
  void refusesADeadlineWithoutSchoolsOnTime() {
    assertThatThrownBy(() -> CityRollupFigures.of(List.of(new CountyFigure(
            "990101", 1, new Rollup(new Figure(1, 2), 1, 1, 0), null, Instant.parse("2025-12-31T16:00:00Z"))), 1))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void isNotTheSameAsAStoredRollupWhoseTimelinessDiffers() {
    Instant deadline = Instant.parse("2025-12-31T16:00:00Z");
    var figures = CityRollupFigures.of(List.of(new CountyFigure("990101", 5, new Rollup(new Figure(60, 100), 3, 4, 2), 2, deadline)), 1);
    var stored = stored(60, 100, 1, 1, 3, 4, 2, 3, List.of(new CountyVersion("990101", 5)));

    assertThat(figures.sameAs(withTimeliness(stored, 2, 4))).isTrue();
    assertThat(figures.sameAs(withTimeliness(stored, 1, 4))).as("schools on time differ").isFalse();
    assertThat(figures.sameAs(withTimeliness(stored, 2, 5))).as("schools under deadline differ").isFalse();
    assertThat(figures.sameAs(stored)).as("stored without timeliness").isFalse();
    assertThat(CityRollupFigures.of(List.of(county("990101", 5, 60, 100, 3, 4, 2)), 1).sameAs(withTimeliness(stored, 2, 4)))
        .as("the deadline is gone").isFalse();
  }

  private static CountyFigure county(String id, long version, long num, long den, int reporting, int expected, int meeting) {
    return new CountyFigure(id, version, new Rollup(new Figure(num, den), reporting, expected, meeting));
  }

  private static CityRollupRow stored(long num, long den, int countiesReporting, int countiesExpected,
      int schoolsReporting, int schoolsExpected, int meeting, long version, List<CountyVersion> lineage) {
    return new CityRollupRow("990100", "PLATFORM_REGISTRATION", "2025-2026-1", num, den, countiesReporting, countiesExpected,
        schoolsReporting, schoolsExpected, meeting, version, Instant.parse("2025-10-01T00:00:00Z"), lineage, null, null, null, null, null);
  }

  private static CityRollupRow withTimeliness(CityRollupRow r, Integer onTime, Integer underDeadline) {
    return new CityRollupRow(r.cityId(), r.indicatorCode(), r.periodId(), r.numerator(), r.denominator(), r.countiesReporting(),
        r.countiesExpected(), r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(), r.version(), r.asOf(),
        r.lineage(), onTime, underDeadline, null, null, null);
  }
}
