package org.gongyu.district.rollup;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.district.approval.SignOffTally.Tally;

/**
 * What a county rollup says, before it gets a version: the shared arithmetic applied to the latest
 * snapshots of the schools the county counts, the lineage sorted by school id, and timeliness
 * against the county's deadline ({@code null} both when it set none), and the sign-offs of the
 * period among the schools counted (completeness and timeliness of 完成上报, ADR 0019).
 */
record CountyRollupFigures(
    Rollup rollup, List<SchoolVersion> lineage, Integer schoolsOnTime, Instant deadline, Tally signOffs) {

  /** No school counted has signed off. */
  static final Tally NO_SIGN_OFFS = new Tally(0, null, 0);

  CountyRollupFigures {
    lineage = List.copyOf(lineage);
  }

  static CountyRollupFigures of(Collection<SchoolFigure> latest, int schoolsExpected, Target target, Instant deadline) {
    List<SchoolFigure> sorted = latest.stream().sorted(Comparator.comparing(SchoolFigure::schoolId)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).schoolId().equals(sorted.get(i - 1).schoolId())) {
        throw new IllegalArgumentException("school " + sorted.get(i).schoolId() + " appears twice");
      }
    }
    Rollup rollup = Rollup.ofSchools(sorted.stream().map(SchoolFigure::figure).toList(), schoolsExpected, target);
    Integer onTime = deadline == null
        ? null
        : (int) sorted.stream().filter(s -> !s.firstAsOf().isAfter(deadline)).count();
    return new CountyRollupFigures(
        rollup, sorted.stream().map(s -> new SchoolVersion(s.schoolId(), s.version())).toList(), onTime, deadline,
        NO_SIGN_OFFS);
  }

  static CountyRollupFigures of(Collection<SchoolFigure> latest, int schoolsExpected, Target target) {
    return of(latest, schoolsExpected, target, null);
  }

  /**
   * A {@code UNIT_COUNT} rollup counted by the county itself (demonstration titles): figure (count,
   * 1), every counted school expected and reporting, the count as the schools meeting the target;
   * no school snapshot is involved, so no lineage and no timeliness.
   */
  static CountyRollupFigures ofUnitCount(long count, int schools) {
    return new CountyRollupFigures(
        new Rollup(new Figure(count, 1), schools, schools, Math.toIntExact(count)), List.of(), null, null, NO_SIGN_OFFS);
  }

  /** The same figures with the sign-offs of the period among the schools counted. */
  CountyRollupFigures withSignOffs(Tally tally) {
    return new CountyRollupFigures(rollup, lineage, schoolsOnTime, deadline, tally);
  }

  /** Whether a stored rollup already says exactly this (then nothing is written or published). */
  boolean sameAs(CountyRollupRow stored) {
    return stored.version() > 0
        && rollup.equals(new Rollup(new Figure(stored.numerator(), stored.denominator()),
            stored.schoolsReporting(), stored.schoolsExpected(), stored.schoolsMeetingTarget()))
        && lineage.equals(stored.lineage())
        && Objects.equals(schoolsOnTime, stored.schoolsOnTime())
        && Objects.equals(deadline, stored.deadline())
        && Objects.equals(signOffs.signedOff(), stored.schoolsSignedOff())
        && Objects.equals(signOffs.signedOffOnTime(), stored.schoolsSignedOffOnTime())
        && Objects.equals(signOffs.approved(), stored.schoolsApproved());
  }
}
