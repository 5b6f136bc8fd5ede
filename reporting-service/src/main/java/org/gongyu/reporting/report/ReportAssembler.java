package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.indicator.SmallCells;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.indicator.TargetComparator;
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
 * target met ({@link Rollup#meets} for a county or the city, {@link Target#isMetBy} for a school),
 * completeness ({@link Rollup#completeness()}), timeliness, the completeness and timeliness of
 * sign-offs ({@link SignOffs}), the gap to a target, the direction of a
 * trend, and small-cell suppression ({@link SmallCells}). {@code target} is always the target of
 * the figure's own period (null: none). Pure: no I/O, no clock.
 */
final class ReportAssembler {

  private ReportAssembler() {}

  static IndicatorView indicator(IndicatorRow row, Target target) {
    return new IndicatorView(
        row.code(),
        row.nameZh(),
        row.nameEn(),
        row.kind().name(),
        row.periodType().name(),
        row.comparator() == null ? null : row.comparator().name(),
        row.sensitive(),
        row.schoolTypes(),
        target == null ? null : target.value());
  }

  // ---- the per-indicator reports

  static CityFigures city(CityRollupRow rollup, List<LineageRow> lineage, IndicatorRow indicator, Target target) {
    Rollup r = rollup.rollup();
    boolean suppressed = suppressed(indicator, r.figure());
    return new CityFigures(
        rollup.cityId(),
        rollup.cityName(),
        suppressed,
        suppressed ? null : rollup.numerator(),
        suppressed ? null : rollup.denominator(),
        suppressed ? null : r.figure().rate(),
        suppressed ? null : r.meets(target),
        rollup.schoolsMeetingTarget(),
        rollup.schoolsReporting(),
        rollup.schoolsExpected(),
        rollup.countiesReporting(),
        rollup.countiesExpected(),
        r.completeness(),
        rollup.schoolsOnTime(),
        rollup.schoolsUnderDeadline(),
        timeliness(rollup.schoolsOnTime(), rollup.schoolsUnderDeadline()),
        citySignOffs(rollup),
        rollup.version(),
        rollup.asOf(),
        lineage.stream().map(l -> new CityFigures.CountyVersion(l.unitId(), l.version())).toList(),
        null);
  }

  /** The county with its rollup, or with null figures when {@code rollup} is null. */
  static CountyFigures county(CountyRow county, CountyRollupRow rollup, IndicatorRow indicator, Target target) {
    if (rollup == null) {
      return new CountyFigures(county.countyId(), county.name(), false,
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
    Rollup r = rollup.rollup();
    boolean suppressed = suppressed(indicator, r.figure());
    return new CountyFigures(
        county.countyId(),
        county.name(),
        suppressed,
        suppressed ? null : rollup.numerator(),
        suppressed ? null : rollup.denominator(),
        suppressed ? null : r.figure().rate(),
        suppressed ? null : r.meets(target),
        rollup.schoolsMeetingTarget(),
        rollup.schoolsReporting(),
        rollup.schoolsExpected(),
        r.completeness(),
        rollup.schoolsOnTime(),
        rollup.deadline(),
        countyTimeliness(rollup),
        countySignOffs(rollup),
        rollup.version(),
        rollup.asOf(),
        null);
  }

  static CountyDetail countyDetail(
      CountyRow county, CountyRollupRow rollup, List<LineageRow> lineage, IndicatorRow indicator, Target target) {
    CountyFigures f = county(county, rollup, indicator, target);
    return new CountyDetail(
        f.id(),
        f.name(),
        f.suppressed(),
        f.numerator(),
        f.denominator(),
        f.rate(),
        f.met(),
        f.schoolsMeetingTarget(),
        f.schoolsReporting(),
        f.schoolsExpected(),
        f.completeness(),
        f.schoolsOnTime(),
        f.deadline(),
        f.timeliness(),
        f.signOffs(),
        f.version(),
        f.asOf(),
        lineage.stream().map(l -> new CountyDetail.SchoolVersion(l.unitId(), l.version(), l.asOf())).toList(),
        f.approved());
  }

  /**
   * The school with its snapshot, or with null figures when {@code snapshot} is null. {@code
   * usedInCountyRollup}: the version the county's rollup used, or null. {@code exact}: the caller
   * is the school itself, so a small cell is not withheld.
   */
  static SchoolFigures school(SchoolRow school, SchoolSnapshotRow snapshot, Long usedInCountyRollup,
      IndicatorRow indicator, Target target, boolean exact) {
    boolean applies = indicator.appliesTo(school.schoolType());
    if (snapshot == null) {
      return new SchoolFigures(school.schoolId(), school.name(), school.xuequId(), school.schoolType(), applies, false,
          null, null, null, null, null, null, usedInCountyRollup, null);
    }
    Figure figure = snapshot.figure();
    boolean suppressed = !exact && suppressed(indicator, figure);
    return new SchoolFigures(
        school.schoolId(),
        school.name(),
        school.xuequId(),
        school.schoolType(),
        applies,
        suppressed,
        suppressed ? null : snapshot.numerator(),
        suppressed ? null : snapshot.denominator(),
        suppressed ? null : figure.rate(),
        suppressed ? null : schoolMet(indicator, target, school, figure),
        snapshot.version(),
        snapshot.asOf(),
        usedInCountyRollup,
        null);
  }

  // ---- approved figures (issue 15, ADR 0019)

  /**
   * The approved figure of a school, a county or the city: {@code approved} summed over the schools
   * with an approved figure (of {@code expected}), compared with the live figure ({@code null}: none).
   * {@code exact}: the caller is the school itself, so a small cell is not withheld.
   */
  static Approval approval(IndicatorRow indicator, Target target, Rollup approved, Integer expected, Instant approvedAt,
      Figure live, boolean exact) {
    Figure f = approved.figure();
    boolean suppressed = !exact && suppressed(indicator, f);
    boolean differs = live == null || live.numerator() != f.numerator() || live.denominator() != f.denominator();
    return new Approval(suppressed, suppressed ? null : f.numerator(), suppressed ? null : f.denominator(),
        suppressed ? null : f.rate(), suppressed ? null : approved.meets(target), approved.schoolsReporting(), expected,
        approvedAt, differs);
  }

  /** The school row on the approved basis: its approved figure (null figures without one), the approval beside it. */
  static SchoolFigures approvedSchool(SchoolRow school, SchoolSnapshotRow approvedAsSnapshot, IndicatorRow indicator,
      Target target, boolean exact, Approval approval) {
    SchoolFigures f = school(school, approvedAsSnapshot, null, indicator, target, exact);
    return new SchoolFigures(f.id(), f.name(), f.xuequId(), f.schoolType(), f.applies(), f.suppressed(), f.numerator(),
        f.denominator(), f.rate(), f.met(), f.snapshotVersion(), f.asOf(), null, approval);
  }

  static SchoolFigures withApproval(SchoolFigures f, Approval approval) {
    return new SchoolFigures(f.id(), f.name(), f.xuequId(), f.schoolType(), f.applies(), f.suppressed(), f.numerator(),
        f.denominator(), f.rate(), f.met(), f.snapshotVersion(), f.asOf(), f.usedInCountyRollup(), approval);
  }

  static CountyFigures withApproval(CountyFigures f, Approval a) {
    return new CountyFigures(f.id(), f.name(), f.suppressed(), f.numerator(), f.denominator(), f.rate(), f.met(),
        f.schoolsMeetingTarget(), f.schoolsReporting(), f.schoolsExpected(), f.completeness(), f.schoolsOnTime(), f.deadline(),
        f.timeliness(), f.signOffs(), f.version(), f.asOf(), a);
  }

  /**
   * A county on the approved basis: its figures are the approval's (schools reporting = schools approved),
   * no rollup version, lineage, timeliness or sign-offs (they belong to the live rollup).
   */
  static CountyFigures approvedCounty(CountyRow county, Approval a, Integer schoolsMeetingTarget) {
    BigDecimal completeness = a.schoolsExpected() == null || a.schoolsExpected() == 0 ? null
        : BigDecimal.valueOf(a.schoolsApproved()).divide(BigDecimal.valueOf(a.schoolsExpected()), 4, RoundingMode.HALF_EVEN);
    return new CountyFigures(county.countyId(), county.name(), a.suppressed(), a.numerator(), a.denominator(), a.rate(),
        a.met(), schoolsMeetingTarget, a.schoolsApproved(), a.schoolsExpected(), completeness, null, null, null, null, null,
        a.approvedAt(), a);
  }

  static CountyDetail detail(CountyFigures f, List<CountyDetail.SchoolVersion> lineage) {
    return new CountyDetail(f.id(), f.name(), f.suppressed(), f.numerator(), f.denominator(), f.rate(), f.met(),
        f.schoolsMeetingTarget(), f.schoolsReporting(), f.schoolsExpected(), f.completeness(), f.schoolsOnTime(), f.deadline(),
        f.timeliness(), f.signOffs(), f.version(), f.asOf(), lineage, f.approved());
  }

  /** The city on the approved basis: the approval's figures; counties reporting = counties with an approved school. */
  static CityFigures approvedCity(CityFigures live, Approval a, int schoolsMeetingTarget, int countiesWithApproval) {
    BigDecimal completeness = a.schoolsExpected() == null || a.schoolsExpected() == 0 ? null
        : BigDecimal.valueOf(a.schoolsApproved()).divide(BigDecimal.valueOf(a.schoolsExpected()), 4, RoundingMode.HALF_EVEN);
    return new CityFigures(live.id(), live.name(), a.suppressed(), a.numerator(), a.denominator(), a.rate(), a.met(),
        schoolsMeetingTarget, a.schoolsApproved(), live.schoolsExpected(), countiesWithApproval, live.countiesExpected(),
        completeness, null, null, null, null, 0, a.approvedAt(), List.of(), a);
  }

  static CityFigures withApproval(CityFigures f, Approval a) {
    return new CityFigures(f.id(), f.name(), f.suppressed(), f.numerator(), f.denominator(), f.rate(), f.met(),
        f.schoolsMeetingTarget(), f.schoolsReporting(), f.schoolsExpected(), f.countiesReporting(), f.countiesExpected(),
        f.completeness(), f.schoolsOnTime(), f.schoolsUnderDeadline(), f.timeliness(), f.signOffs(), f.version(), f.asOf(),
        f.lineage(), a);
  }

  // ---- scorecards

  static RollupCell cityCell(CityRollupRow rollup, IndicatorRow indicator, Target target) {
    if (rollup == null) {
      return emptyCell(null, null, target);
    }
    return cell(rollup.cityId(), rollup.cityName(), rollup.rollup(), rollup.schoolsOnTime(), rollup.schoolsUnderDeadline(),
        timeliness(rollup.schoolsOnTime(), rollup.schoolsUnderDeadline()), citySignOffs(rollup), rollup.version(),
        rollup.asOf(), indicator, target);
  }

  static RollupCell countyCell(CountyRow county, CountyRollupRow rollup, IndicatorRow indicator, Target target) {
    if (rollup == null) {
      return emptyCell(county.countyId(), county.name(), target);
    }
    return cell(county.countyId(), county.name(), rollup.rollup(), rollup.schoolsOnTime(),
        rollup.schoolsOnTime() == null ? null : rollup.schoolsExpected(), countyTimeliness(rollup), countySignOffs(rollup),
        rollup.version(), rollup.asOf(), indicator, target);
  }

  /** A county's or the city's cell: the published figures, withheld when the indicator's small-cell rule says so. */
  private static RollupCell cell(String id, String name, Rollup r, Integer onTime, Integer underDeadline,
      BigDecimal timeliness, SignOffs signOffs, long version, Instant asOf, IndicatorRow indicator, Target target) {
    boolean suppressed = suppressed(indicator, r.figure());
    return new RollupCell(
        id,
        name,
        suppressed,
        suppressed ? null : r.figure().numerator(),
        suppressed ? null : r.figure().denominator(),
        suppressed ? null : r.figure().rate(),
        targetValue(target),
        suppressed ? null : r.meets(target),
        r.schoolsMeetingTarget(),
        r.schoolsReporting(),
        r.schoolsExpected(),
        r.completeness(),
        onTime,
        underDeadline,
        timeliness,
        signOffs,
        version,
        asOf);
  }

  private static RollupCell emptyCell(String id, String name, Target target) {
    return new RollupCell(id, name, false, null, null, null, targetValue(target), null,
        null, null, null, null, null, null, null, null, null, null);
  }

  /** A school's cell in a county scorecard; the school is seen from above its tier, so small cells are withheld. */
  static CountyScorecard.SchoolCell schoolCell(
      SchoolRow school, String periodId, SchoolSnapshotRow snapshot, IndicatorRow indicator, Target target) {
    return schoolCell(school, periodId, snapshot, indicator, target, false);
  }

  /** A school's cell; {@code exact}: the caller is the school itself and sees its small cells. */
  static CountyScorecard.SchoolCell schoolCell(
      SchoolRow school, String periodId, SchoolSnapshotRow snapshot, IndicatorRow indicator, Target target, boolean exact) {
    boolean applies = indicator.appliesTo(school.schoolType());
    if (snapshot == null) {
      return new CountyScorecard.SchoolCell(indicator.code(), periodId, school.xuequId(), applies, false,
          null, null, null, targetValue(target), null, null, null);
    }
    Figure figure = snapshot.figure();
    boolean suppressed = !exact && suppressed(indicator, figure);
    return new CountyScorecard.SchoolCell(
        indicator.code(),
        periodId,
        school.xuequId(),
        applies,
        suppressed,
        suppressed ? null : snapshot.numerator(),
        suppressed ? null : snapshot.denominator(),
        suppressed ? null : figure.rate(),
        targetValue(target),
        suppressed ? null : schoolMet(indicator, target, school, figure),
        snapshot.version(),
        snapshot.asOf());
  }

  // ---- below target

  /** The county if its rollup does not meet the target; null if it meets it (or there is no target). */
  static BelowTarget.County countyBelow(CountyRow county, CountyRollupRow rollup, Target target) {
    Rollup r = rollup.rollup();
    if (target == null || Boolean.TRUE.equals(r.meets(target))) {
      return null;
    }
    BigDecimal gap = target.kind() == IndicatorKind.COUNT
        ? BigDecimal.valueOf(r.schoolsExpected() - r.schoolsMeetingTarget())
        : gap(target, r.figure());
    return new BelowTarget.County(county.countyId(), county.name(), rollup.numerator(), rollup.denominator(),
        r.figure().rate(), rollup.schoolsMeetingTarget(), rollup.schoolsExpected(), gap);
  }

  /** The school if its own figure does not meet the target; null if it meets it or the indicator does not apply. */
  static BelowTarget.School schoolBelow(
      SchoolRow school, CountyRow county, SchoolSnapshotRow snapshot, IndicatorRow indicator, Target target) {
    Figure figure = snapshot.figure();
    if (target == null || !indicator.appliesTo(school.schoolType()) || target.isMetBy(figure)) {
      return null;
    }
    return new BelowTarget.School(school.schoolId(), school.name(), school.countyId(),
        county == null ? null : county.name(), snapshot.numerator(), snapshot.denominator(), figure.rate(),
        gap(target, figure));
  }

  /**
   * How far a figure is from its target, positive when it misses: for COUNT in counts; for
   * UNIT_COUNT in units per county (a county's figure is (titles, 1), so its gap is a whole number
   * of titles; the city's is the distance of the mean per county, up to 4 decimals); otherwise in
   * rate (4 decimals). Null when a rate has nothing to divide by.
   */
  static BigDecimal gap(Target target, Figure figure) {
    BigDecimal achieved;
    if (target.kind() == IndicatorKind.COUNT) {
      achieved = BigDecimal.valueOf(figure.numerator());
    } else {
      achieved = figure.denominator() == 0 ? null
          : BigDecimal.valueOf(figure.numerator()).divide(BigDecimal.valueOf(figure.denominator()), 10, RoundingMode.HALF_EVEN);
    }
    if (achieved == null) {
      return null;
    }
    BigDecimal gap = target.comparator() == TargetComparator.AT_LEAST
        ? target.value().subtract(achieved)
        : achieved.subtract(target.value());
    return switch (target.kind()) {
      case COUNT -> gap;
      case UNIT_COUNT -> withoutTrailingZeros(gap.setScale(4, RoundingMode.HALF_EVEN));
      default -> gap.setScale(4, RoundingMode.HALF_EVEN);
    };
  }

  /** 3.0000 → 3, 0.5000 → 0.5, 100 → 100 (not 1E+2). */
  private static BigDecimal withoutTrailingZeros(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  // ---- trend

  static Trend.Point point(
      String periodId, Figure figure, Rollup rollup, Long version, IndicatorRow indicator, Target target, Trend.Point previous) {
    if (figure == null) {
      return new Trend.Point(periodId, false, null, null, null, targetValue(target), null, null, null, null);
    }
    boolean suppressed = suppressed(indicator, figure);
    BigDecimal value = suppressed ? null : figure.rate();
    return new Trend.Point(
        periodId,
        suppressed,
        suppressed ? null : figure.numerator(),
        suppressed ? null : figure.denominator(),
        value,
        targetValue(target),
        suppressed ? null : rollup.meets(target),
        rollup.completeness(),
        version,
        direction(previous == null ? null : previous.value(), value));
  }

  /** UP, DOWN or SAME from {@code before} to {@code now}; null when either is unknown. */
  static String direction(BigDecimal before, BigDecimal now) {
    if (before == null || now == null) {
      return null;
    }
    int cmp = now.compareTo(before);
    return cmp > 0 ? "UP" : cmp < 0 ? "DOWN" : "SAME";
  }

  // ---- shared rules

  /** A sensitive indicator's figure with a count between 1 and 4 is withheld above the school tier. */
  static boolean suppressed(IndicatorRow indicator, Figure figure) {
    return SmallCells.suppressed(indicator.sensitive(), figure.numerator(), figure.denominator());
  }

  /** on time / under deadline to four decimals; null without a deadline or with nothing under it. */
  static BigDecimal timeliness(Integer onTime, Integer underDeadline) {
    if (onTime == null || underDeadline == null || underDeadline == 0) {
      return null;
    }
    return BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(underDeadline), 4, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal countyTimeliness(CountyRollupRow rollup) {
    return rollup.schoolsOnTime() == null ? null : timeliness(rollup.schoolsOnTime(), rollup.schoolsExpected());
  }

  /** A county's sign-offs: completeness and timeliness both over its schools expected; null before sign-offs. */
  static SignOffs countySignOffs(CountyRollupRow rollup) {
    return signOffs(rollup.schoolsSignedOff(), rollup.schoolsSignedOffOnTime(), rollup.schoolsApproved(),
        rollup.schoolsExpected(), rollup.schoolsExpected());
  }

  /** The city's sign-offs: completeness over its schools expected, timeliness over the schools under a deadline. */
  static SignOffs citySignOffs(CityRollupRow rollup) {
    return signOffs(rollup.schoolsSignedOff(), rollup.schoolsSignedOffOnTime(), rollup.schoolsApproved(),
        rollup.schoolsExpected(), rollup.schoolsUnderDeadline());
  }

  /** Sign-off counts with their rates ({@link Figure#rate()}); null when the rollup carries none. */
  private static SignOffs signOffs(Integer signedOff, Integer onTime, Integer approved, int expected,
      Integer underDeadline) {
    if (signedOff == null) {
      return null;
    }
    return new SignOffs(signedOff, onTime, approved, new Figure(signedOff, expected).rate(),
        onTime == null || underDeadline == null ? null : new Figure(onTime, underDeadline).rate());
  }

  /** Whether a school's own figure meets the target; null without a target or where the indicator does not apply. */
  private static Boolean schoolMet(IndicatorRow indicator, Target target, SchoolRow school, Figure figure) {
    return target == null || !indicator.appliesTo(school.schoolType()) ? null : target.isMetBy(figure);
  }

  private static BigDecimal targetValue(Target target) {
    return target == null ? null : target.value();
  }
}
