package org.gongyu.reporting.report;

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

  ReportService(ReportInputs inputs, OrgUnitRepository orgUnits, FigureRepository figures) {
    this.inputs = inputs;
    this.orgUnits = orgUnits;
    this.figures = figures;
  }

  public CityReport city(String code, String periodId) {
    var in = inputs.evaluated(code, periodId, "periodId");
    IndicatorRow indicator = in.indicator();
    String period = in.period().id();
    Target target = indicator.targetFor(in.period());
    Map<String, CountyRollupRow> rollups = figures.countyRollups(code, period).stream()
        .collect(Collectors.toMap(CountyRollupRow::countyId, Function.identity()));
    List<CountyFigures> counties = orgUnits.counties().stream()
        .map(c -> ReportAssembler.county(c, rollups.get(c.countyId()), indicator, target))
        .toList();
    CityFigures city = figures.cityRollup(code, period)
        .map(r -> ReportAssembler.city(r, figures.cityLineage(code, period, r.cityId()), indicator, target))
        .orElse(null);
    return new CityReport(ReportAssembler.indicator(indicator, target), period, city, counties);
  }

  public CountyReport county(String code, String periodId, String countyId) {
    var in = inputs.evaluated(code, periodId, "periodId");
    IndicatorRow indicator = in.indicator();
    String period = in.period().id();
    Target target = indicator.targetFor(in.period());
    CountyRow county = inputs.county(countyId);
    CountyRollupRow rollup = figures.countyRollup(code, period, countyId).orElse(null);
    List<LineageRow> lineage = rollup == null ? List.of() : figures.countyLineage(code, period, countyId);
    Map<String, Long> used = lineage.stream().collect(Collectors.toMap(LineageRow::unitId, LineageRow::version));
    List<SchoolRow> schools = orgUnits.schoolsOf(countyId, firstDay(in.period()));
    Map<String, SchoolSnapshotRow> snapshots =
        figures.snapshots(code, period, schools.stream().map(SchoolRow::schoolId).toList());
    return new CountyReport(
        ReportAssembler.indicator(indicator, target),
        period,
        ReportAssembler.countyDetail(county, rollup, lineage, indicator, target),
        schools.stream()
            .map(s -> ReportAssembler.school(
                s, snapshots.get(s.schoolId()), used.get(s.schoolId()), indicator, target, false))
            .toList());
  }

  /** {@code exact}: the caller is the school itself and sees its small cells. */
  SchoolReport school(String code, String periodId, String schoolId, boolean exact) {
    var in = inputs.evaluated(code, periodId, "periodId");
    IndicatorRow indicator = in.indicator();
    String period = in.period().id();
    Target target = indicator.targetFor(in.period());
    SchoolRow school = orgUnits.school(schoolId, firstDay(in.period()))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("reporting.school.not-registered", schoolId)));
    SchoolSnapshotRow snapshot = figures.snapshot(code, period, schoolId).orElse(null);
    var used = figures.usedInCountyRollup(code, period, school.countyId(), schoolId);
    return new SchoolReport(
        ReportAssembler.indicator(indicator, target),
        period,
        school.countyId(),
        ReportAssembler.school(school, snapshot, used.isPresent() ? used.getAsLong() : null, indicator, target, exact));
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
