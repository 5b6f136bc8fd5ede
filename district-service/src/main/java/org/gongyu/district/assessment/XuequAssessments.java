package org.gongyu.district.assessment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.district.catalogue.IndicatorDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A county's 学区 schemes and runs, owner = the county; one transaction per call. */
@Service
class XuequAssessments {

  private static final Logger log = LoggerFactory.getLogger(XuequAssessments.class);

  private final AssessmentDesk desk;
  private final IndicatorDefinitions catalogue;
  private final CityCalendar calendar;
  private final JdbcClient jdbc;
  private final XuequFigures figures;

  XuequAssessments(JdbcClient jdbc, IndicatorDefinitions catalogue, CityCalendar calendar, XuequFigures figures, Clock clock) {
    this.desk = new AssessmentDesk(new AssessmentStore(jdbc), clock);
    this.catalogue = catalogue;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.figures = figures;
  }

  @Transactional(readOnly = true)
  List<SchemeVersion> latest(String countyId) {
    return desk.latest(countyId);
  }

  @Transactional(readOnly = true)
  List<SchemeVersion> versions(String countyId, String schemeId) {
    return desk.versions(countyId, schemeId);
  }

  @Transactional(readOnly = true)
  SchemeVersion version(String countyId, String schemeId, long version) {
    return desk.version(countyId, schemeId, version);
  }

  @Transactional
  SchemeVersion issue(String countyId, String schemeId, IssueSchemeRequest body, String by) {
    SchemeVersion v = desk.issue(countyId, schemeId, body, code -> catalogue.find(code).map(IndicatorDefined::kind), by);
    log.info("学区 assessment scheme {} of county {} version {} issued by {}", schemeId, countyId, v.version(), by);
    return v;
  }

  /** Computes over every 学区 of the county, each with its name now. */
  @Transactional
  RunResponse compute(String countyId, String schemeId, ComputeRequest body, String by) {
    Map<String, String> xuequ = new LinkedHashMap<>();
    jdbc.sql("select id, name from xuequ where county_id = ? order by id").param(countyId)
        .query(rs -> {
          xuequ.put(rs.getString(1), rs.getString(2));
        });
    StoredRun run = desk.compute(countyId, schemeId, body, xuequ, this::periodType, calendar.calendar(), figures.of(countyId), by);
    log.info("学区 assessment scheme {} of county {} version {} computed for {} over {} 学区 by {} (run {})", schemeId, countyId,
        run.schemeVersion(), run.periodId(), xuequ.size(), by, run.runId());
    return desk.response(run);
  }

  @Transactional(readOnly = true)
  List<StoredRun> runs(String countyId, String schemeId) {
    return desk.runs(countyId, schemeId);
  }

  @Transactional(readOnly = true)
  StoredRun run(String countyId, String schemeId, long runId) {
    return desk.run(countyId, schemeId, runId);
  }

  @Transactional(readOnly = true)
  RunResponse response(String countyId, String schemeId, long runId) {
    return desk.response(run(countyId, schemeId, runId));
  }

  /** What the .xlsx and the PDF show of a run, its adjustments included. */
  @Transactional(readOnly = true)
  AssessmentWorkbook.Run workbook(String countyId, String schemeId, long runId) {
    return desk.workbook(run(countyId, schemeId, runId));
  }

  @Transactional
  AdjustmentResponse adjust(String countyId, String schemeId, long runId, String xuequId, AdjustmentRequest body, String by) {
    AdjustmentResponse a = desk.adjust(countyId, schemeId, runId, xuequId, body, by);
    log.info("学区 assessment scheme {} of county {} version {} {}: adjustment {} of {} points for {} by {}", schemeId, countyId,
        a.schemeVersion(), a.periodId(), a.adjustmentId(), a.points(), xuequId, by);
    return a;
  }

  @Transactional
  AdjustmentResponse withdraw(String countyId, String schemeId, long runId, long adjustmentId, WithdrawAdjustmentRequest body,
      String by) {
    AdjustmentResponse a = desk.withdraw(countyId, schemeId, runId, adjustmentId, body, by);
    log.info("学区 assessment scheme {} of county {} version {} {}: adjustment {} of {} withdrawn by {}", schemeId, countyId,
        a.schemeVersion(), a.periodId(), adjustmentId, a.unitId(), by);
    return a;
  }

  private PeriodType periodType(String indicatorCode) {
    return catalogue.find(indicatorCode).map(IndicatorDefined::periodType).orElse(PeriodType.SCHOOL_YEAR);
  }
}
