package org.gongyu.reporting.report;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.contracts.period.Semester;
import org.gongyu.reporting.catalogue.CatalogueRepository;
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
 * Answers the three report queries. Each runs in one repeatable-read transaction, so a report reads
 * one consistent state even while events are being applied. None scans schools above one county:
 * the city view reads the stored county and city rollups only.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class ReportService {

  private final CatalogueRepository catalogue;
  private final OrgUnitRepository orgUnits;
  private final FigureRepository figures;

  ReportService(CatalogueRepository catalogue, OrgUnitRepository orgUnits, FigureRepository figures) {
    this.catalogue = catalogue;
    this.orgUnits = orgUnits;
    this.figures = figures;
  }

  CityReport city(String code, String periodId) {
    String period = semester(periodId);
    IndicatorRow indicator = indicator(code);
    Map<String, CountyRollupRow> rollups = figures.countyRollups(code, period).stream()
        .collect(Collectors.toMap(CountyRollupRow::countyId, Function.identity()));
    List<CountyFigures> counties = orgUnits.counties().stream()
        .map(c -> ReportAssembler.county(c, rollups.get(c.countyId()), indicator))
        .toList();
    CityFigures city = figures.cityRollup(code, period)
        .map(r -> ReportAssembler.city(r, figures.cityLineage(code, period, r.cityId()), indicator))
        .orElse(null);
    return new CityReport(ReportAssembler.indicator(indicator), period, city, counties);
  }

  CountyReport county(String code, String periodId, String countyId) {
    String period = semester(periodId);
    IndicatorRow indicator = indicator(code);
    CountyRow county = orgUnits.county(countyId)
        .orElseThrow(() -> ApiProblem.notFound("county " + countyId + " is not registered"));
    CountyRollupRow rollup = figures.countyRollup(code, period, countyId).orElse(null);
    List<LineageRow> lineage = rollup == null ? List.of() : figures.countyLineage(code, period, countyId);
    Map<String, Long> used = lineage.stream().collect(Collectors.toMap(LineageRow::unitId, LineageRow::version));
    List<SchoolRow> schools = orgUnits.schoolsOf(countyId);
    Map<String, SchoolSnapshotRow> snapshots =
        figures.snapshots(code, period, schools.stream().map(SchoolRow::schoolId).toList());
    return new CountyReport(
        ReportAssembler.indicator(indicator),
        period,
        ReportAssembler.countyDetail(county, rollup, lineage, indicator),
        schools.stream()
            .map(s -> ReportAssembler.school(s, snapshots.get(s.schoolId()), used.get(s.schoolId()), indicator))
            .toList());
  }

  SchoolReport school(String code, String periodId, String schoolId) {
    String period = semester(periodId);
    IndicatorRow indicator = indicator(code);
    SchoolRow school = orgUnits.school(schoolId)
        .orElseThrow(() -> ApiProblem.notFound("school " + schoolId + " is not registered"));
    SchoolSnapshotRow snapshot = figures.snapshot(code, period, schoolId).orElse(null);
    var used = figures.usedInCountyRollup(code, period, school.countyId(), schoolId);
    return new SchoolReport(
        ReportAssembler.indicator(indicator),
        period,
        school.countyId(),
        ReportAssembler.school(school, snapshot, used.isPresent() ? used.getAsLong() : null, indicator));
  }

  private IndicatorRow indicator(String code) {
    return catalogue.find(code)
        .orElseThrow(() -> ApiProblem.notFound("indicator " + code + " is not in the catalogue"));
  }

  private static String semester(String periodId) {
    try {
      return Semester.parse(periodId).id();
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
  }
}
