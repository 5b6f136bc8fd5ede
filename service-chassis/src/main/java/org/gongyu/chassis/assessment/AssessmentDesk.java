package org.gongyu.chassis.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.assessment.AssessmentPeriods;
import org.gongyu.contracts.assessment.FigureUsed;
import org.gongyu.contracts.assessment.Scoring;
import org.gongyu.contracts.assessment.ScoringItem;
import org.gongyu.contracts.assessment.ScoringScheme;
import org.gongyu.contracts.assessment.UnitResult;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.SchoolCalendar;

/**
 * Issues scheme versions, computes, lists and reads assessments of one owner's units, and adds and
 * withdraws the manual adjustments (加减分) of a version and school year; the
 * calling service supplies the transaction, its catalogue, its units and their figures, and
 * decides who may call. 404 for a scheme, version or run the owner does not have; 422 naming the
 * field for a bad scheme or school year.
 */
public final class AssessmentDesk {

  static final int MAX_REASON = 500;

  private final AssessmentStore store;
  private final Clock clock;

  public AssessmentDesk(AssessmentStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The latest version of each of the owner's schemes. */
  public List<SchemeVersion> latest(String ownerId) {
    return store.latestVersions(ownerId);
  }

  /** The versions of a scheme, oldest first; 404 if the owner has none. */
  public List<SchemeVersion> versions(String ownerId, String schemeId) {
    List<SchemeVersion> versions = store.versions(ownerId, schemeId);
    if (versions.isEmpty()) {
      throw ApiProblem.notFound(Msg.msg("assessment.no-scheme", schemeId));
    }
    return versions;
  }

  public SchemeVersion version(String ownerId, String schemeId, long version) {
    return store.version(ownerId, schemeId, version)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("assessment.no-version", version, schemeId)));
  }

  /**
   * Checks the body whole, then stores it as the scheme's next version (1 for a new scheme).
   *
   * @param catalogue the kind of each indicator the owner's catalogue defines
   */
  public SchemeVersion issue(String ownerId, String schemeId, IssueSchemeRequest body,
      Function<String, Optional<IndicatorKind>> catalogue, String by) {
    ScoringScheme scheme = SchemeRules.check(body, catalogue);
    long version = store.claimNextVersion(ownerId, schemeId);
    SchemeVersion v = new SchemeVersion(ownerId, schemeId, version, scheme, now(), by);
    store.insertVersion(v);
    return v;
  }

  /**
   * Computes a scheme version (the latest when the body names none) for a school year over every
   * unit of {@code unitNames} and stores the run with the figures it used.
   *
   * @param unitNames  the units to assess, id → name, in any order
   * @param periodType each indicator's period type (which periods of the year are summed)
   * @param figures    the units' figures
   */
  public StoredRun compute(String ownerId, String schemeId, ComputeRequest body, Map<String, String> unitNames,
      Function<String, PeriodType> periodType, SchoolCalendar calendar, UnitFigures figures, String by) {
    Period year = schoolYear(body == null ? null : body.periodId(), calendar);
    SchemeVersion v = body.version() == null ? versions(ownerId, schemeId).getLast() : version(ownerId, schemeId, body.version());
    Map<String, Map<String, FigureUsed>> used = new LinkedHashMap<>();
    unitNames.keySet().forEach(unit -> used.put(unit, new LinkedHashMap<>()));
    for (ScoringItem item : v.scheme().items()) {
      List<String> periods = AssessmentPeriods.of(periodType.apply(item.indicatorCode()), year, calendar);
      Map<String, Figure> byUnit = figures.sum(item.indicatorCode(), periods);
      for (Map.Entry<String, Map<String, FigureUsed>> unit : used.entrySet()) {
        unit.getValue().put(item.code(), new FigureUsed(periods, byUnit.get(unit.getKey())));
      }
    }
    List<UnitResult> results = Scoring.assess(v.scheme(), used);
    Instant at = now();
    long runId = store.insertRun(ownerId, schemeId, v.version(), year.id(), at, by, results, unitNames);
    return new StoredRun(runId, ownerId, schemeId, v.version(), year.id(), at, by, results, unitNames);
  }

  /** The owner's runs of a scheme, newest first (404 if it has no such scheme). */
  public List<StoredRun> runs(String ownerId, String schemeId) {
    versions(ownerId, schemeId);
    return store.runs(ownerId, schemeId);
  }

  public StoredRun run(String ownerId, String schemeId, long runId) {
    return store.run(ownerId, schemeId, runId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("assessment.no-run", runId, schemeId)));
  }

  /**
   * A run with the scheme version it used and the adjustments (加减分) of that version and school year,
   * ranked by the final total, as the API answers it.
   */
  public RunResponse response(StoredRun run) {
    return RunResponse.of(run, version(run.ownerId(), run.schemeId(), run.schemeVersion()), adjustments(run));
  }

  /** What the {@code .xlsx} and the PDF show of a run: the version it used and the adjustments. */
  public AssessmentWorkbook.Run workbook(StoredRun run) {
    return AssessmentWorkbook.of(run, version(run.ownerId(), run.schemeId(), run.schemeVersion()), adjustments(run));
  }

  private List<AdjustmentResponse> adjustments(StoredRun run) {
    return store.adjustments(run.ownerId(), run.schemeId(), run.schemeVersion(), run.periodId());
  }

  /**
   * Adds a manual adjustment (加减分) to one unit's result for the run's scheme version and school
   * year: it counts in every run of that version and year, and in none of another version. 404 if
   * the run did not assess the unit; 422 naming each bad field (points 0, more than the scheme's
   * total either way or with more than 2 decimals; no reason; an item the version does not have).
   */
  public AdjustmentResponse adjust(String ownerId, String schemeId, long runId, String unitId, AdjustmentRequest body,
      String by) {
    StoredRun run = run(ownerId, schemeId, runId);
    if (run.results().stream().noneMatch(u -> u.unitId().equals(unitId))) {
      throw ApiProblem.notFound(Msg.msg("assessment.no-unit", unitId, String.valueOf(runId)));
    }
    ScoringScheme scheme = version(ownerId, schemeId, run.schemeVersion()).scheme();
    List<Msg> errors = new ArrayList<>();
    BigDecimal points = body == null ? null : body.points();
    if (points == null) {
      errors.add(Msg.msg("assessment.required", "points"));
    } else if (points.signum() == 0) {
      errors.add(Msg.msg("assessment.adjustment-zero", "points"));
    } else if (points.stripTrailingZeros().scale() > 2) {
      errors.add(Msg.msg("assessment.points-scale", "points", 2, points.toPlainString()));
    } else if (points.abs().compareTo(scheme.totalPoints()) > 0) {
      errors.add(Msg.msg("assessment.adjustment-max", "points", Scoring.points(scheme.totalPoints()), points.toPlainString()));
    }
    String reason = reason(body == null ? null : body.reason(), errors);
    String itemCode = body == null || body.itemCode() == null || body.itemCode().isBlank() ? null : body.itemCode().strip();
    if (itemCode != null && scheme.items().stream().noneMatch(i -> i.code().equals(itemCode))) {
      errors.add(Msg.msg("assessment.adjustment-item", "itemCode", run.schemeVersion(), itemCode));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("assessment.adjustment-problems", errors.size(), Msg.joined(errors)), errors);
    }
    BigDecimal scaled = points.setScale(2, RoundingMode.UNNECESSARY);
    Instant at = now();
    long id = store.insertAdjustment(ownerId, schemeId, run.schemeVersion(), run.periodId(), unitId, itemCode, scaled, reason,
        at, by);
    return new AdjustmentResponse(id, schemeId, run.schemeVersion(), run.periodId(), unitId, itemCode, scaled, reason, at, by,
        null, null, null);
  }

  /**
   * Withdraws an adjustment of the run's scheme version and school year, with a reason; it stays on
   * record and no longer counts. 404 if the version and year have no such adjustment, 409 if it was
   * withdrawn already, 422 without a reason.
   */
  public AdjustmentResponse withdraw(String ownerId, String schemeId, long runId, long adjustmentId,
      WithdrawAdjustmentRequest body, String by) {
    StoredRun run = run(ownerId, schemeId, runId);
    AdjustmentResponse a = store.adjustmentForUpdate(ownerId, schemeId, run.schemeVersion(), run.periodId(), adjustmentId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("assessment.no-adjustment", String.valueOf(adjustmentId), String.valueOf(runId))));
    if (!a.inForce()) {
      throw ApiProblem.conflict(Msg.msg("assessment.adjustment-withdrawn", String.valueOf(adjustmentId), a.withdrawnBy()));
    }
    List<Msg> errors = new ArrayList<>();
    String reason = reason(body == null ? null : body.reason(), errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("assessment.adjustment-problems", errors.size(), Msg.joined(errors)), errors);
    }
    Instant at = now();
    if (!store.withdrawAdjustment(adjustmentId, at, by, reason)) {
      throw ApiProblem.conflict(Msg.msg("assessment.adjustment-withdrawn", String.valueOf(adjustmentId), by));
    }
    return new AdjustmentResponse(a.adjustmentId(), a.schemeId(), a.schemeVersion(), a.periodId(), a.unitId(), a.itemCode(),
        a.points(), a.reason(), a.addedAt(), a.addedBy(), at, by, reason);
  }

  private static String reason(String reason, List<Msg> errors) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty()) {
      errors.add(Msg.msg("assessment.required", "reason"));
    } else if (r.length() > MAX_REASON) {
      errors.add(Msg.msg("assessment.text-too-long", "reason", MAX_REASON, r.length()));
    }
    return r;
  }

  private static Period schoolYear(String periodId, SchoolCalendar calendar) {
    Period p;
    try {
      p = Period.parse(periodId, calendar);
    } catch (IllegalArgumentException e) {
      p = null;
    }
    if (p == null || p.type() != PeriodType.SCHOOL_YEAR) {
      Msg error = Msg.msg("assessment.not-a-school-year", "periodId", String.valueOf(periodId));
      throw ApiProblem.unprocessable(Msg.msg("assessment.problems", 1, error), List.of(error));
    }
    return p;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
