package org.gongyu.city.rollup;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;

/**
 * What a city rollup says, before it gets a version: the shared arithmetic over the latest rollups
 * of the known counties, the county counts, the lineage sorted by county id, and timeliness over
 * the counties that set a deadline ({@code schoolsOnTime} of {@code schoolsUnderDeadline}, both
 * null when none did), and the sums of the counties' sign-offs (ADR 0019): over the counties whose
 * rollups carry them ({@code null} when none does); on time only over those that set a deadline.
 */
record CityRollupFigures(
    Rollup rollup, int countiesReporting, int countiesExpected, List<CountyVersion> lineage,
    Integer schoolsOnTime, Integer schoolsUnderDeadline,
    Integer schoolsSignedOff, Integer schoolsSignedOffOnTime, Integer schoolsApproved) {

  CityRollupFigures {
    lineage = List.copyOf(lineage);
    if ((schoolsOnTime == null) != (schoolsUnderDeadline == null)) {
      throw new IllegalArgumentException("schools on time and under deadline are both set or both absent");
    }
  }

  static CityRollupFigures of(Collection<CountyFigure> latest, int countiesExpected) {
    List<CountyFigure> sorted = latest.stream().sorted(Comparator.comparing(CountyFigure::countyId)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).countyId().equals(sorted.get(i - 1).countyId())) {
        throw new IllegalArgumentException("county " + sorted.get(i).countyId() + " appears twice");
      }
    }
    List<CountyFigure> underDeadline = sorted.stream().filter(CountyFigure::hasDeadline).toList();
    Integer onTime = null;
    Integer base = null;
    if (!underDeadline.isEmpty()) {
      onTime = underDeadline.stream().mapToInt(c -> Objects.requireNonNull(c.schoolsOnTime(),
          () -> "county " + c.countyId() + " set a deadline but says nothing about schools on time")).sum();
      base = underDeadline.stream().mapToInt(c -> c.rollup().schoolsExpected()).sum();
    }
    List<CountyFigure.SignOffs> signOffs = sorted.stream().map(CountyFigure::signOffs).filter(Objects::nonNull).toList();
    List<Integer> signedOnTime = sorted.stream().filter(CountyFigure::hasDeadline).map(CountyFigure::signOffs)
        .filter(Objects::nonNull).map(CountyFigure.SignOffs::signedOffOnTime).filter(Objects::nonNull).toList();
    return new CityRollupFigures(
        Rollup.ofRollups(sorted.stream().map(CountyFigure::rollup).toList()),
        sorted.size(),
        countiesExpected,
        sorted.stream().map(c -> new CountyVersion(c.countyId(), c.version())).toList(),
        onTime,
        base,
        signOffs.isEmpty() ? null : signOffs.stream().mapToInt(CountyFigure.SignOffs::signedOff).sum(),
        signedOnTime.isEmpty() ? null : signedOnTime.stream().mapToInt(Integer::intValue).sum(),
        signOffs.isEmpty() ? null : signOffs.stream().mapToInt(CountyFigure.SignOffs::approved).sum());
  }

  /** Whether a stored rollup already says exactly this (then nothing is written or published). */
  boolean sameAs(CityRollupRow stored) {
    return stored.version() > 0
        && rollup.equals(new Rollup(new Figure(stored.numerator(), stored.denominator()),
            stored.schoolsReporting(), stored.schoolsExpected(), stored.schoolsMeetingTarget()))
        && countiesReporting == stored.countiesReporting()
        && countiesExpected == stored.countiesExpected()
        && lineage.equals(stored.lineage())
        && Objects.equals(schoolsOnTime, stored.schoolsOnTime())
        && Objects.equals(schoolsUnderDeadline, stored.schoolsUnderDeadline())
        && Objects.equals(schoolsSignedOff, stored.schoolsSignedOff())
        && Objects.equals(schoolsSignedOffOnTime, stored.schoolsSignedOffOnTime())
        && Objects.equals(schoolsApproved, stored.schoolsApproved());
  }
}
