package org.gongyu.city.assessment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongyu.chassis.assessment.AdjustmentRequest;
import org.gongyu.chassis.assessment.AdjustmentResponse;
import org.gongyu.chassis.assessment.AssessmentDesk;
import org.gongyu.chassis.assessment.AssessmentStore;
import org.gongyu.chassis.assessment.AssessmentWorkbook;
import org.gongyu.chassis.assessment.ComputeRequest;
import org.gongyu.chassis.assessment.IssueSchemeRequest;
import org.gongyu.chassis.assessment.RunResponse;
import org.gongyu.chassis.assessment.SchemeVersion;
import org.gongyu.chassis.assessment.StoredRun;
import org.gongyu.chassis.assessment.WithdrawAdjustmentRequest;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.city.CityProperties;
import org.gongyu.city.catalogue.Catalogue;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.period.PeriodType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The city's schemes and runs, owner = the city this deployment serves; one transaction per call. */
@Service
class CityAssessments {

  private static final Logger log = LoggerFactory.getLogger(CityAssessments.class);

  private final AssessmentDesk desk;
  private final Catalogue catalogue;
  private final CityCalendar calendar;
  private final JdbcClient jdbc;
  private final String cityId;

  CityAssessments(JdbcClient jdbc, Catalogue catalogue, CityCalendar calendar, CityProperties city, Clock clock) {
    this.desk = new AssessmentDesk(new AssessmentStore(jdbc), clock);
    this.catalogue = catalogue;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.cityId = city.id();
  }

  @Transactional(readOnly = true)
  List<SchemeVersion> latest() {
    return desk.latest(cityId);
  }

  @Transactional(readOnly = true)
  List<SchemeVersion> versions(String schemeId) {
    return desk.versions(cityId, schemeId);
  }

  @Transactional(readOnly = true)
  SchemeVersion version(String schemeId, long version) {
    return desk.version(cityId, schemeId, version);
  }

  @Transactional
  SchemeVersion issue(String schemeId, IssueSchemeRequest body, String by) {
    SchemeVersion v = desk.issue(cityId, schemeId, body, code -> catalogue.definition(code).map(IndicatorDefined::kind), by);
    log.info("assessment scheme {} version {} issued by {}", schemeId, v.version(), by);
    return v;
  }

  /**
   * Computes over every county of the city, each with its name now. The city-direct unit (市直学校,
   * ADR 0027) is not a county: the city does not assess itself, so it is neither scored nor ranked.
   */
  @Transactional
  RunResponse compute(String schemeId, ComputeRequest body, String by) {
    Map<String, String> counties = new LinkedHashMap<>();
    jdbc.sql("select id, name from county where city_id = ? and kind = 'COUNTY' order by id").param(cityId)
        .query(rs -> {
          counties.put(rs.getString(1), rs.getString(2));
        });
    StoredRun run = desk.compute(cityId, schemeId, body, counties, this::periodType, calendar.calendar(),
        new CountyFigures(jdbc, cityId), by);
    log.info("assessment scheme {} version {} computed for {} over {} counties by {} (run {})", schemeId, run.schemeVersion(),
        run.periodId(), counties.size(), by, run.runId());
    return desk.response(run);
  }

  @Transactional(readOnly = true)
  List<StoredRun> runs(String schemeId) {
    return desk.runs(cityId, schemeId);
  }

  @Transactional(readOnly = true)
  StoredRun run(String schemeId, long runId) {
    return desk.run(cityId, schemeId, runId);
  }

  @Transactional(readOnly = true)
  RunResponse response(String schemeId, long runId) {
    return desk.response(run(schemeId, runId));
  }

  /** One county's row of a run (its rank among all, its adjustments), 404 if the run did not assess it. */
  @Transactional(readOnly = true)
  RunResponse countyRow(String schemeId, long runId, String countyId) {
    RunResponse own = only(response(schemeId, runId), countyId);
    if (own.units().isEmpty()) {
      throw ApiProblem.notFound(Msg.msg("assessment.no-run", runId, schemeId));
    }
    return own;
  }

  /**
   * What the county's page shows of the city's assessment of it: for each scheme, the newest run that
   * assessed the county, with the county's row only (its rank among all); empty when there is none.
   */
  @Transactional(readOnly = true)
  List<RunResponse> ofCounty(String countyId) {
    List<RunResponse> out = new ArrayList<>();
    for (SchemeVersion scheme : desk.latest(cityId)) {
      desk.runs(cityId, scheme.schemeId()).stream()
          .filter(r -> r.results().stream().anyMatch(u -> u.unitId().equals(countyId)))
          .findFirst()
          .ifPresent(r -> out.add(only(desk.response(r), countyId)));
    }
    return out;
  }

  private static RunResponse only(RunResponse all, String countyId) {
    return new RunResponse(all.runId(), all.schemeId(), all.schemeVersion(), all.titleZh(), all.titleEn(), all.totalPoints(),
        all.periodId(), all.computedAt(), all.computedBy(), all.items(),
        all.units().stream().filter(u -> u.unitId().equals(countyId)).toList());
  }

  /** What the .xlsx and the PDF show of a run, its adjustments included. */
  @Transactional(readOnly = true)
  AssessmentWorkbook.Run workbook(String schemeId, long runId) {
    return desk.workbook(run(schemeId, runId));
  }

  @Transactional
  AdjustmentResponse adjust(String schemeId, long runId, String countyId, AdjustmentRequest body, String by) {
    AdjustmentResponse a = desk.adjust(cityId, schemeId, runId, countyId, body, by);
    log.info("assessment scheme {} version {} {}: adjustment {} of {} points for county {} by {}", schemeId, a.schemeVersion(),
        a.periodId(), a.adjustmentId(), a.points(), countyId, by);
    return a;
  }

  @Transactional
  AdjustmentResponse withdraw(String schemeId, long runId, long adjustmentId, WithdrawAdjustmentRequest body, String by) {
    AdjustmentResponse a = desk.withdraw(cityId, schemeId, runId, adjustmentId, body, by);
    log.info("assessment scheme {} version {} {}: adjustment {} of county {} withdrawn by {}", schemeId, a.schemeVersion(),
        a.periodId(), adjustmentId, a.unitId(), by);
    return a;
  }

  private PeriodType periodType(String indicatorCode) {
    Optional<IndicatorDefined> d = catalogue.definition(indicatorCode);
    return d.map(IndicatorDefined::periodType).orElse(PeriodType.SCHOOL_YEAR);
  }
}
