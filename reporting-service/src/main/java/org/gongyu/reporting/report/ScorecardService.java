package org.gongyu.reporting.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.reporting.catalogue.CatalogueRepository;
import org.gongyu.reporting.catalogue.IndicatorRow;
import org.gongyu.reporting.figures.CountyRollupRow;
import org.gongyu.reporting.figures.FigureRepository;
import org.gongyu.reporting.figures.SchoolSnapshotRow;
import org.gongyu.reporting.orgunits.CountyRow;
import org.gongyu.reporting.orgunits.OrgUnitRepository;
import org.gongyu.reporting.orgunits.SchoolRow;
import org.gongyu.reporting.units.Units;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scorecards: every catalogue indicator, each in its own period containing the first day of the
 * asked period. The city's reads the stored city and county rollups only (about 18 × 13 rows); a
 * county's reads that county's schools (per distinct period start, at most four) and their
 * snapshots by primary key. One repeatable-read transaction each.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class ScorecardService {

  private final ReportInputs inputs;
  private final CatalogueRepository catalogue;
  private final OrgUnitRepository orgUnits;
  private final FigureRepository figures;
  private final Units units;

  ScorecardService(ReportInputs inputs, CatalogueRepository catalogue, OrgUnitRepository orgUnits, FigureRepository figures,
      Units units) {
    this.inputs = inputs;
    this.catalogue = catalogue;
    this.orgUnits = orgUnits;
    this.figures = figures;
    this.units = units;
  }

  public CityScorecard city(String periodId) {
    Period asked = inputs.period(periodId);
    SchoolCalendar calendar = inputs.calendar().calendar();
    LocalDate day = asked.start(calendar);
    List<CountyRow> counties = orgUnits.counties();
    List<CityScorecard.IndicatorLine> rows = new ArrayList<>();
    for (IndicatorRow indicator : catalogue.all()) {
      Period own = Period.containing(indicator.periodType(), day, calendar);
      Target target = indicator.targetFor(own);
      Map<String, CountyRollupRow> rollups = figures.countyRollups(indicator.code(), own.id()).stream()
          .collect(Collectors.toMap(CountyRollupRow::countyId, Function.identity()));
      rows.add(new CityScorecard.IndicatorLine(
          ReportAssembler.indicator(indicator, target),
          own.id(),
          ReportAssembler.cityCell(figures.cityRollup(indicator.code(), own.id()).orElse(null), indicator, target),
          counties.stream()
              .map(c -> ReportAssembler.countyCell(c, rollups.get(c.countyId()), indicator, target))
              .toList()));
    }
    return new CityScorecard(asked.id(), rows,
        counties.stream().filter(CountyRow::cityDirect).map(CountyRow::countyId).findFirst().orElse(null));
  }

  public CountyScorecard county(String periodId, String countyId) {
    Period asked = inputs.period(periodId);
    CountyRow county = inputs.county(countyId);
    SchoolCalendar calendar = inputs.calendar().calendar();
    LocalDate day = asked.start(calendar);
    Map<LocalDate, List<SchoolRow>> schoolsByStart = new HashMap<>();
    List<CountyScorecard.Column> columns = new ArrayList<>();
    // school id → its cells, in indicator order; a school's name and type as registered
    Map<String, List<CountyScorecard.SchoolCell>> cells = new TreeMap<>();
    Map<String, SchoolRow> schools = new LinkedHashMap<>();
    for (IndicatorRow indicator : catalogue.all()) {
      Period own = Period.containing(indicator.periodType(), day, calendar);
      Target target = indicator.targetFor(own);
      columns.add(new CountyScorecard.Column(
          ReportAssembler.indicator(indicator, target),
          own.id(),
          ReportAssembler.countyCell(
              county, figures.countyRollup(indicator.code(), own.id(), countyId).orElse(null), indicator, target)));
      List<SchoolRow> members =
          schoolsByStart.computeIfAbsent(own.start(calendar), start -> orgUnits.schoolsOf(countyId, start));
      Map<String, SchoolSnapshotRow> snapshots =
          figures.snapshots(indicator.code(), own.id(), members.stream().map(SchoolRow::schoolId).toList());
      for (SchoolRow s : members) {
        schools.putIfAbsent(s.schoolId(), s);
        cells.computeIfAbsent(s.schoolId(), id -> new ArrayList<>())
            .add(ReportAssembler.schoolCell(s, own.id(), snapshots.get(s.schoolId()), indicator, target));
      }
    }
    List<CountyScorecard.SchoolLine> rows = cells.entrySet().stream()
        .map(e -> {
          SchoolRow s = schools.get(e.getKey());
          return new CountyScorecard.SchoolLine(s.schoolId(), s.name(), s.schoolType(), List.copyOf(e.getValue()));
        })
        .toList();
    return new CountyScorecard(asked.id(), county.countyId(), county.name(), columns, rows);
  }

  /**
   * The school's own scorecard: each indicator in its own period with the school's latest
   * snapshot. {@code exact}: the caller is the school itself and sees its small cells; everyone
   * else gets them withheld, as in the county scorecard. Reads one snapshot per indicator by key.
   */
  public SchoolScorecard school(String periodId, String schoolId, boolean exact) {
    Period asked = inputs.period(periodId);
    SchoolCalendar calendar = inputs.calendar().calendar();
    LocalDate day = asked.start(calendar);
    SchoolRow asOfAsked = orgUnits.school(schoolId, day)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("reporting.school.not-registered", schoolId)));
    List<SchoolScorecard.Line> lines = new ArrayList<>();
    Map<LocalDate, SchoolRow> byStart = new HashMap<>();
    for (IndicatorRow indicator : catalogue.all()) {
      Period own = Period.containing(indicator.periodType(), day, calendar);
      Target target = indicator.targetFor(own);
      SchoolRow school = byStart.computeIfAbsent(own.start(calendar), start -> orgUnits.school(schoolId, start).orElse(asOfAsked));
      SchoolSnapshotRow snapshot = figures.snapshot(indicator.code(), own.id(), schoolId).orElse(null);
      CountyScorecard.SchoolCell cell = ReportAssembler.schoolCell(school, own.id(), snapshot, indicator, target, exact);
      lines.add(new SchoolScorecard.Line(ReportAssembler.indicator(indicator, target), own.id(), cell,
          cell.applies() && indicator.reportedBySchools() && snapshot == null));
    }
    return new SchoolScorecard(asked.id(), units.school(asOfAsked), lines);
  }
}
