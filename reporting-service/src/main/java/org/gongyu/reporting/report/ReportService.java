package org.gongyu.reporting.report;

import java.time.Instant;
import java.util.HashMap;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.reporting.approval.ApprovedFigure;
import org.gongyu.reporting.approval.ApprovedFigures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.period.Period;
import org.gongyu.reporting.catalogue.IndicatorRow;
import org.gongyu.reporting.figures.CountyRollupRow;
import org.gongyu.reporting.figures.FigureRepository;
import org.gongyu.reporting.figures.LineageRow;
import org.gongyu.reporting.figures.SchoolSnapshotRow;
import org.gongyu.reporting.orgunits.CountyRow;
import org.gongyu.reporting.orgunits.OrgUnitRepository;
import org.gongyu.reporting.orgunits.SchoolRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports on one indicator in one period of its own type: city, county, school (with lineage)
 * and the below-target lists. Each runs in one repeatable-read transaction, so a report reads one
 * consistent state even while events are being applied. A county's schools are those that belonged
 * to it on the period's first day. Only the city's below-target list reads every school snapshot of
 * the (indicator, period); the other views read the stored rollups or one county's schools.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class ReportService {

  private final ReportInputs inputs;
  private final OrgUnitRepository orgUnits;
  private final FigureRepository figures;
  private final ApprovedFigures approvals;

  ReportService(ReportInputs inputs, OrgUnitRepository orgUnits, FigureRepository figures, ApprovedFigures approvals) {
    this.inputs = inputs;
    this.orgUnits = orgUnits;
    this.figures = figures;
    this.approvals = approvals;
  }

  public CityReport city(String code, String periodId) {
    return city(code, periodId, Basis.LIVE);
  }

  /**
   * The city view. Beside every live figure, the approved one (schools' approved figures summed per
   * county and for the city; null where no school is approved); on the {@code APPROVED} basis the
   * approved figures are the figures.
   */
  public CityReport city(String code, String periodId, Basis basis) {
    var in = inputs.evaluated(code, periodId, "periodId");
    IndicatorRow indicator = in.indicator();
    String period = in.period().id();
    Target target = indicator.targetFor(in.period());
    Map<String, CountyRollupRow> rollups = figures.countyRollups(code, period).stream()
        .collect(Collectors.toMap(CountyRollupRow::countyId, Function.identity()));
    // every approved figure of the city, by the county each school belonged to on the period's first day
    List<ApprovedFigure> all = approvals.all(code, period);
    Map<String, SchoolRow> schools = orgUnits.schoolsOn(all.stream().map(ApprovedFigure::schoolId).toList(), firstDay(in.period()));
    Map<String, List<ApprovedFigure>> byCounty = new HashMap<>();
    for (ApprovedFigure a : all) {
      SchoolRow school = schools.get(a.schoolId());
      if (school != null && indicator.appliesTo(school.schoolType())) {
        byCounty.computeIfAbsent(school.countyId(), k -> new ArrayList<>()).add(a);
      }
    }
    List<Rollup> countyApprovals = new ArrayList<>();
    List<Instant> approvedAts = new ArrayList<>();
    List<CountyFigures> counties = orgUnits.counties().stream().map(c -> {
      CountyRollupRow live = rollups.get(c.countyId());
      CountyFigures f = ReportAssembler.county(c, live, indicator, target);
      List<ApprovedFigure> approved = byCounty.getOrDefault(c.countyId(), List.of());
      if (approved.isEmpty()) {
        return basis == Basis.APPROVED ? ReportAssembler.county(c, null, indicator, target) : f;
      }
      Rollup r = Rollup.ofSchools(approved.stream().map(ApprovedFigure::figure).toList(),
          live == null ? approved.size() : live.schoolsExpected(), target);
      countyApprovals.add(r);
      Instant at = latest(approved);
      approvedAts.add(at);
      Approval approval = ReportAssembler.approval(indicator, target, r, r.schoolsExpected(), at,
          live == null ? null : live.rollup().figure(), false);
      return basis == Basis.APPROVED ? ReportAssembler.approvedCounty(c, approval, r.schoolsMeetingTarget())
          : ReportAssembler.withApproval(f, approval);
    }).toList();
    CityFigures city = figures.cityRollup(code, period)
        .map(r -> ReportAssembler.city(r, figures.cityLineage(code, period, r.cityId()), indicator, target))
        .orElse(null);
    if (city != null && !countyApprovals.isEmpty()) {
      Rollup total = Rollup.ofRollups(countyApprovals);
      Approval approval = ReportAssembler.approval(indicator, target, total, city.schoolsExpected(),
          approvedAts.stream().max(Comparator.naturalOrder()).orElse(null),
          city.numerator() == null ? null : new Figure(city.numerator(), city.denominator()), false);
      city = basis == Basis.APPROVED
          ? ReportAssembler.approvedCity(city, approval, total.schoolsMeetingTarget(), countyApprovals.size())
          : ReportAssembler.withApproval(city, approval);
    } else if (basis == Basis.APPROVED) {
      city = null; // nothing approved yet: no figure on this basis
    }
    return new CityReport(ReportAssembler.indicator(indicator, target), period, city, counties, basis);
  }

  public CountyReport county(String code, String periodId, String countyId) {
    return county(code, periodId, countyId, Basis.LIVE);
  }

  /** The county view, the approved figures beside the live ones, or (basis {@code APPROVED}) instead of them. */
  public CountyReport county(String code, String periodId, String countyId, Basis basis) {
    var in = inputs.evaluated(code, periodId, "periodId");
    IndicatorRow indicator = in.indicator();
    String period = in.period().id();
    Target target = indicator.targetFor(in.period());
    CountyRow county = inputs.county(countyId);
    CountyRollupRow rollup = figures.countyRollup(code, period, countyId).orElse(null);
    List<LineageRow> lineage = rollup == null ? List.of() : figures.countyLineage(code, period, countyId);
    Map<String, Long> used = lineage.stream().collect(Collectors.toMap(LineageRow::unitId, LineageRow::version));
    List<SchoolRow> schools = orgUnits.schoolsOf(countyId, firstDay(in.period()));
    List<String> ids = schools.stream().map(SchoolRow::schoolId).toList();
    Map<String, SchoolSnapshotRow> snapshots = figures.snapshots(code, period, ids);
    Map<String, ApprovedFigure> approved = approvals.of(code, period, ids);

    List<SchoolFigures> rows = new ArrayList<>();
    List<ApprovedFigure> counted = new ArrayList<>();
    for (SchoolRow s : schools) {
      ApprovedFigure a = approved.get(s.schoolId());
      SchoolSnapshotRow live = snapshots.get(s.schoolId());
      Approval approval = a == null ? null : schoolApproval(indicator, target, s, a, live, false);
      if (a != null && indicator.appliesTo(s.schoolType())) {
        counted.add(a);
      }
      rows.add(basis == Basis.APPROVED
          ? ReportAssembler.approvedSchool(s, asSnapshot(a), indicator, target, false, approval)
          : ReportAssembler.withApproval(ReportAssembler.school(s, live, used.get(s.schoolId()), indicator, target, false), approval));
    }
    CountyDetail detail = ReportAssembler.countyDetail(county, rollup, lineage, indicator, target);
    if (!counted.isEmpty()) {
      Rollup r = Rollup.ofSchools(counted.stream().map(ApprovedFigure::figure).toList(),
          rollup == null ? counted.size() : rollup.schoolsExpected(), target);
      Approval approval = ReportAssembler.approval(indicator, target, r, r.schoolsExpected(), latest(counted),
          rollup == null ? null : rollup.rollup().figure(), false);
      detail = basis == Basis.APPROVED
          ? ReportAssembler.detail(ReportAssembler.approvedCounty(county, approval, r.schoolsMeetingTarget()), List.of())
          : ReportAssembler.detail(ReportAssembler.withApproval(ReportAssembler.county(county, rollup, indicator, target), approval),
              detail.lineage());
    } else if (basis == Basis.APPROVED) {
      detail = ReportAssembler.countyDetail(county, null, List.of(), indicator, target);
    }
    return new CountyReport(ReportAssembler.indicator(indicator, target), period, detail, rows, basis);
  }

  /** {@code exact}: the caller is the school itself and sees its small cells. */
  SchoolReport school(String code, String periodId, String schoolId, boolean exact, Basis basis) {
    var in = inputs.evaluated(code, periodId, "periodId");
    IndicatorRow indicator = in.indicator();
    String period = in.period().id();
    Target target = indicator.targetFor(in.period());
    SchoolRow school = orgUnits.school(schoolId, firstDay(in.period()))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("reporting.school.not-registered", schoolId)));
    SchoolSnapshotRow snapshot = figures.snapshot(code, period, schoolId).orElse(null);
    ApprovedFigure a = approvals.of(code, period, List.of(schoolId)).get(schoolId);
    Approval approval = a == null ? null : schoolApproval(indicator, target, school, a, snapshot, exact);
    SchoolFigures row;
    if (basis == Basis.APPROVED) {
      row = ReportAssembler.approvedSchool(school, asSnapshot(a), indicator, target, exact, approval);
    } else {
      var used = figures.usedInCountyRollup(code, period, school.countyId(), schoolId);
      row = ReportAssembler.withApproval(
          ReportAssembler.school(school, snapshot, used.isPresent() ? used.getAsLong() : null, indicator, target, exact), approval);
    }
    return new SchoolReport(ReportAssembler.indicator(indicator, target), period, school.countyId(), row, basis);
  }

  private static Approval schoolApproval(IndicatorRow indicator, Target target, SchoolRow school, ApprovedFigure a,
      SchoolSnapshotRow live, boolean exact) {
    Target applicable = indicator.appliesTo(school.schoolType()) ? target : null;
    Rollup r = Rollup.ofSchools(List.of(a.figure()), 1, applicable);
    return ReportAssembler.approval(indicator, applicable, r, null, a.approvedAt(), live == null ? null : live.figure(), exact);
  }

  /** The approved figure in the shape of a snapshot (its snapshot version, as of its approval); null without one. */
  private static SchoolSnapshotRow asSnapshot(ApprovedFigure a) {
    return a == null ? null : new SchoolSnapshotRow(a.schoolId(), a.numerator(), a.denominator(), a.snapshotVersion(), a.approvedAt());
  }

  private static Instant latest(List<ApprovedFigure> approved) {
    return approved.stream().map(ApprovedFigure::approvedAt).max(Comparator.naturalOrder()).orElse(null);
  }

  /** Counties whose rollup and schools whose figure miss the target, across the city. */
  public BelowTarget belowTarget(String code, String periodId) {
    var in = inputs.evaluated(code, periodId, "periodId");
    IndicatorRow indicator = in.indicator();
    String period = in.period().id();
    Target target = indicator.targetFor(in.period());
    IndicatorView view = ReportAssembler.indicator(indicator, target);
    if (target == null) {
      return new BelowTarget(view, period, null, noTarget(code, period), List.of(), List.of(), 0);
    }
    Map<String, CountyRow> counties = orgUnits.counties().stream()
        .collect(Collectors.toMap(CountyRow::countyId, Function.identity()));
    int withheld = 0;
    List<BelowTarget.County> countiesBelow = new ArrayList<>();
    for (CountyRollupRow rollup : figures.countyRollups(code, period)) {
      CountyRow county = counties.get(rollup.countyId());
      if (county == null) {
        continue; // a rollup of a county the city has not registered (yet)
      }
      if (ReportAssembler.suppressed(indicator, rollup.rollup().figure())) {
        withheld++;
        continue;
      }
      BelowTarget.County below = ReportAssembler.countyBelow(county, rollup, target);
      if (below != null) {
        countiesBelow.add(below);
      }
    }
    // the one read across every school of the city: the (indicator, period) prefix of school_snapshot
    List<SchoolSnapshotRow> snapshots = figures.snapshots(code, period);
    Map<String, SchoolRow> schools =
        orgUnits.schoolsOn(snapshots.stream().map(SchoolSnapshotRow::schoolId).toList(), firstDay(in.period()));
    SchoolsBelow schoolsBelow = schoolsBelow(snapshots, schools, counties, indicator, target);
    return new BelowTarget(view, period, null, null,
        sortByGap(countiesBelow, BelowTarget.County::id, BelowTarget.County::gap),
        schoolsBelow.schools(), withheld + schoolsBelow.withheld());
  }

  /** Schools of one county (in the period) whose figure misses the target. */
  public BelowTarget belowTarget(String code, String periodId, String countyId) {
    var in = inputs.evaluated(code, periodId, "periodId");
    IndicatorRow indicator = in.indicator();
    String period = in.period().id();
    Target target = indicator.targetFor(in.period());
    CountyRow county = inputs.county(countyId);
    IndicatorView view = ReportAssembler.indicator(indicator, target);
    if (target == null) {
      return new BelowTarget(view, period, countyId, noTarget(code, period), List.of(), List.of(), 0);
    }
    Map<String, SchoolRow> schools = orgUnits.schoolsOf(countyId, firstDay(in.period())).stream()
        .collect(Collectors.toMap(SchoolRow::schoolId, Function.identity()));
    List<SchoolSnapshotRow> snapshots = List.copyOf(figures.snapshots(code, period, schools.keySet()).values());
    SchoolsBelow below = schoolsBelow(snapshots, schools, Map.of(countyId, county), indicator, target);
    return new BelowTarget(view, period, countyId, null, List.of(), below.schools(), below.withheld());
  }

  private record SchoolsBelow(List<BelowTarget.School> schools, int withheld) {}

  private static SchoolsBelow schoolsBelow(List<SchoolSnapshotRow> snapshots, Map<String, SchoolRow> schools,
      Map<String, CountyRow> counties, IndicatorRow indicator, Target target) {
    int withheld = 0;
    List<BelowTarget.School> below = new ArrayList<>();
    for (SchoolSnapshotRow snapshot : snapshots) {
      SchoolRow school = schools.get(snapshot.schoolId());
      if (school == null || !indicator.appliesTo(school.schoolType())) {
        continue; // not registered, or the indicator does not apply to it
      }
      if (ReportAssembler.suppressed(indicator, snapshot.figure())) {
        withheld++;
        continue;
      }
      BelowTarget.School s = ReportAssembler.schoolBelow(school, counties.get(school.countyId()), snapshot, indicator, target);
      if (s != null) {
        below.add(s);
      }
    }
    return new SchoolsBelow(sortByGap(below, BelowTarget.School::id, BelowTarget.School::gap), withheld);
  }

  /** Largest gap first; a gap that cannot be known (nothing to divide by) last; then by id. */
  private static <T> List<T> sortByGap(List<T> items, Function<T, String> id, Function<T, BigDecimal> gap) {
    return items.stream()
        .sorted(Comparator.comparing(gap, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(id))
        .toList();
  }

  private static String noTarget(String code, String period) {
    return "indicator " + code + " has no target for " + period + " (rising): nothing is judged below target";
  }

  private LocalDate firstDay(Period period) {
    return period.start(inputs.calendar().calendar());
  }
}
