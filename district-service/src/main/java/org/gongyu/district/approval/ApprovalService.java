package org.gongyu.district.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.CountyPeriodSubmission;
import org.gongyu.contracts.district.v1.SchoolPeriodReviewed;
import org.gongyu.contracts.period.Period;
import org.gongyu.district.approval.Approvals.CountySubmission;
import org.gongyu.district.approval.Approvals.SignOff;
import org.gongyu.district.county.CountyDirectory;
import org.gongyu.district.registry.SchoolDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The county admin's steps on a period: approve or return a school's latest sign-off, reopen an
 * approved one, submit the period to the city; and the reads. Each step is one transaction under
 * the (county, period) lock: the state row (checked against its optimistic version), a trail row
 * and the event into the outbox ({@code gongyu.district.period-approvals.v1}, key county id). A
 * refused step writes nothing.
 */
@Service
class ApprovalService {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final Approvals approvals;
  private final SchoolDirectory schools;
  private final CountyDirectory counties;
  private final CityCalendar calendar;
  private final Outbox outbox;
  private final Clock clock;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  ApprovalService(Approvals approvals, SchoolDirectory schools, CountyDirectory counties, CityCalendar calendar,
      Outbox outbox, Clock clock, JdbcClient jdbc, ApplicationEventPublisher events) {
    this.events = events;
    this.approvals = approvals;
    this.schools = schools;
    this.counties = counties;
    this.calendar = calendar;
    this.outbox = outbox;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  // ---- reads

  @Transactional(readOnly = true)
  ApprovalResponses.Overview overview(String countyId, String periodId) {
    Period period = period(periodId);
    county(countyId);
    List<String> expected = expected(countyId, period);
    Map<String, SignOff> signOffs = approvals.signOffs(period.id(), expected).stream()
        .collect(Collectors.toMap(SignOff::schoolId, Function.identity()));
    Map<String, String> names = names(expected);
    List<ApprovalResponses.SchoolLine> lines = new ArrayList<>();
    Map<SchoolState, Integer> counts = new LinkedHashMap<>();
    for (String schoolId : expected) {
      SignOff s = signOffs.get(schoolId);
      SchoolState state = s == null ? SchoolState.NOT_SIGNED_OFF : s.state();
      counts.merge(state, 1, Integer::sum);
      lines.add(s == null
          ? new ApprovalResponses.SchoolLine(schoolId, names.get(schoolId), state.name(), null, null, null, null, null, null)
          : new ApprovalResponses.SchoolLine(schoolId, names.get(schoolId), state.name(), s.signOffVersion(), s.signedOffAt(),
              s.reviewedAt(), s.reviewedBy(), s.comment(), s.version()));
    }
    Optional<CountySubmission> submission = approvals.submission(countyId, period.id());
    boolean allApproved = !expected.isEmpty() && counts.getOrDefault(SchoolState.APPROVED, 0) == expected.size();
    boolean maySubmit = allApproved && submission.map(sub -> !sub.inForce()).orElse(true);
    List<ApprovalResponses.Step> trail = approvals.trailOf(countyId, period.id(), null).stream().map(ApprovalService::step).toList();
    return new ApprovalResponses.Overview(countyId, period.id(), expected.size(),
        counts.getOrDefault(SchoolState.NOT_SIGNED_OFF, 0), counts.getOrDefault(SchoolState.SIGNED_OFF, 0),
        counts.getOrDefault(SchoolState.APPROVED, 0), counts.getOrDefault(SchoolState.RETURNED, 0),
        counts.getOrDefault(SchoolState.REOPENED, 0), maySubmit,
        submission.map(ApprovalService::submission).orElse(null),
        submission.filter(sub -> sub.cityDecision() != null).map(ApprovalService::decision).orElse(null),
        lines, trail);
  }

  @Transactional(readOnly = true)
  ApprovalResponses.SchoolDetail school(String countyId, String periodId, String schoolId) {
    Period period = period(periodId);
    county(countyId);
    expectedSchool(countyId, period, schoolId);
    return detail(countyId, period.id(), schoolId);
  }

  // ---- the county's steps

  /** Approves the school's latest sign-off, which must be the version the reviewer saw and await review. */
  @Transactional
  ApprovalResponses.SchoolDetail approve(String countyId, String periodId, String schoolId, long signOffVersion, String actor) {
    return review(countyId, periodId, schoolId, signOffVersion, SchoolState.APPROVED, null, actor);
  }

  /** Returns the school's latest sign-off to the school with a comment (422 without one). */
  @Transactional
  ApprovalResponses.SchoolDetail returnToSchool(
      String countyId, String periodId, String schoolId, long signOffVersion, String comment, String actor) {
    String text = required(comment, "comment", "district.approval.comment-required");
    return review(countyId, periodId, schoolId, signOffVersion, SchoolState.RETURNED, text, actor);
  }

  /**
   * Opens an approved period of a school again with a reason (422 without one). A submission of the
   * period the city holds (pending or accepted) is withdrawn in the same transaction.
   */
  @Transactional
  ApprovalResponses.SchoolDetail reopen(
      String countyId, String periodId, String schoolId, long signOffVersion, String reason, String actor) {
    String text = required(reason, "reason", "district.approval.reason-required");
    ApprovalResponses.SchoolDetail reopened = review(countyId, periodId, schoolId, signOffVersion, SchoolState.REOPENED, text, actor);
    Optional<CountySubmission> submission = approvals.submission(countyId, reopened.periodId());
    if (submission.isPresent() && submission.get().inForce()) {
      CountySubmission seen = submission.get();
      Instant now = clock.instant();
      long version = seen.submissionVersion() + 1;
      String withdrawal = schoolId + ": " + text;
      if (!approvals.saveSubmission(seen, countyId, reopened.periodId(), CountySubmission.WITHDRAWN, version, "[]",
          withdrawal, now, actor)) {
        throw changedMeanwhile(countyId, reopened.periodId());
      }
      approvals.trail(countyId, reopened.periodId(), null, now, actor, "WITHDRAWN", version, withdrawal);
      outbox.publish(Topics.DISTRICT_PERIOD_APPROVALS, countyId, new CountyPeriodSubmission(countyId, reopened.periodId(),
          CountyPeriodSubmission.Status.WITHDRAWN, List.of(), withdrawal, now, version));
    }
    return reopened;
  }

  /**
   * Submits the period to the city: every expected school approved (409 listing the others, as
   * {@code notApproved}), no submission in force (409). The event lists the approved sign-offs.
   */
  @Transactional
  ApprovalResponses.Overview submit(String countyId, String periodId, String actor) {
    Period period = period(periodId);
    county(countyId);
    approvals.lock(countyId, period.id());
    Optional<CountySubmission> stored = approvals.submission(countyId, period.id());
    if (stored.isPresent() && stored.get().inForce()) {
      CountySubmission s = stored.get();
      ApiProblem p = ApiProblem.conflict(s.decisionOnCurrent()
          ? Msg.msg("district.approval.submission-accepted", countyId, period.id(), s.submissionVersion())
          : Msg.msg("district.approval.submission-pending", countyId, period.id(), s.submissionVersion()));
      p.getBody().setProperty("submissionVersion", s.submissionVersion());
      throw p;
    }
    List<String> expected = expected(countyId, period);
    if (expected.isEmpty()) {
      throw ApiProblem.conflict(Msg.msg("district.approval.no-schools", countyId, period.id()));
    }
    Map<String, SignOff> signOffs = approvals.signOffs(period.id(), expected).stream()
        .collect(Collectors.toMap(SignOff::schoolId, Function.identity()));
    List<Map<String, String>> notApproved = new ArrayList<>();
    List<CountyPeriodSubmission.ApprovedSchool> approved = new ArrayList<>();
    for (String schoolId : expected) {
      SignOff s = signOffs.get(schoolId);
      SchoolState state = s == null ? SchoolState.NOT_SIGNED_OFF : s.state();
      if (state == SchoolState.APPROVED) {
        approved.add(new CountyPeriodSubmission.ApprovedSchool(schoolId, s.signOffVersion()));
      } else {
        notApproved.add(Map.of("schoolId", schoolId, "state", state.name()));
      }
    }
    if (!notApproved.isEmpty()) {
      ApiProblem p = ApiProblem.conflict(Msg.msg("district.approval.not-all-approved", countyId, period.id(),
          notApproved.size(), expected.size(),
          Msg.listed(notApproved.stream().map(m -> Msg.msg("district.approval.school-in-state", m.get("schoolId"),
              Msg.msg("district.approval.state." + m.get("state")))).toList())));
      p.getBody().setProperty("notApproved", notApproved);
      throw p;
    }
    Instant now = clock.instant();
    long version = stored.map(CountySubmission::submissionVersion).orElse(0L) + 1;
    String schoolsJson = JSON.writeValueAsString(approved);
    if (!approvals.saveSubmission(stored.orElse(null), countyId, period.id(), CountySubmission.SUBMITTED, version,
        schoolsJson, null, now, actor)) {
      throw changedMeanwhile(countyId, period.id());
    }
    approvals.trail(countyId, period.id(), null, now, actor, "SUBMITTED", version, null);
    outbox.publish(Topics.DISTRICT_PERIOD_APPROVALS, countyId, new CountyPeriodSubmission(countyId, period.id(),
        CountyPeriodSubmission.Status.SUBMITTED, approved, null, now, version));
    return overview(countyId, period.id());
  }

  private ApprovalResponses.SchoolDetail review(String countyId, String periodId, String schoolId, long signOffVersion,
      SchoolState to, String comment, String actor) {
    Period period = period(periodId);
    county(countyId);
    approvals.lock(countyId, period.id());
    expectedSchool(countyId, period, schoolId);
    SignOff s = approvals.signOff(schoolId, period.id())
        .orElseThrow(() -> ApiProblem.conflict(Msg.msg("district.approval.not-signed-off", schoolId, period.id())));
    if (signOffVersion != s.signOffVersion()) {
      throw withState(ApiProblem.conflict(Msg.msg("district.approval.outdated", signOffVersion, schoolId, period.id(),
          s.signOffVersion())), s);
    }
    SchoolState needed = to == SchoolState.REOPENED ? SchoolState.APPROVED : SchoolState.SIGNED_OFF;
    if (s.state() != needed) {
      throw withState(ApiProblem.conflict(Msg.msg("district.approval.wrong-state", Msg.msg("district.approval.act." + to.name()),
          schoolId, period.id(), s.signOffVersion(), Msg.msg("district.approval.state." + s.state().name()),
          Msg.msg("district.approval.state." + needed.name()))), s);
    }
    Instant now = clock.instant();
    if (!approvals.review(s, to, actor, comment, now)) {
      // not reached while every change takes the (county, period) lock; the version check is the last word
      throw withState(ApiProblem.conflict(Msg.msg("district.approval.changed", schoolId, period.id())), s);
    }
    approvals.trail(countyId, period.id(), schoolId, now, actor, to.name(), s.signOffVersion(), comment);
    outbox.publish(Topics.DISTRICT_PERIOD_APPROVALS, countyId, new SchoolPeriodReviewed(countyId, schoolId, period.id(),
        s.signOffVersion(), SchoolPeriodReviewed.Action.valueOf(to.name()), comment, now, s.reviewVersion() + 1));
    events.publishEvent(new SignOffsChanged(countyId, period.id()));
    return detail(countyId, period.id(), schoolId);
  }

  // ---- helpers

  private ApprovalResponses.SchoolDetail detail(String countyId, String periodId, String schoolId) {
    String name = names(List.of(schoolId)).get(schoolId);
    List<ApprovalResponses.Step> trail = approvals.trailOf(countyId, periodId, schoolId).stream().map(ApprovalService::step).toList();
    Optional<SignOff> found = approvals.signOff(schoolId, periodId);
    if (found.isEmpty()) {
      return new ApprovalResponses.SchoolDetail(countyId, periodId, schoolId, name, SchoolState.NOT_SIGNED_OFF.name(),
          null, null, null, null, null, null, List.of(), trail);
    }
    SignOff s = found.get();
    List<ApprovalResponses.Figure> figures = new ArrayList<>();
    for (JsonNode f : JSON.readTree(s.figuresJson())) {
      figures.add(new ApprovalResponses.Figure(f.path("indicatorCode").asString(), f.path("numerator").asLong(),
          f.path("denominator").asLong(), f.path("snapshotVersion").asLong()));
    }
    figures.sort(Comparator.comparing(ApprovalResponses.Figure::indicatorCode));
    return new ApprovalResponses.SchoolDetail(countyId, periodId, schoolId, name, s.state().name(), s.signOffVersion(),
        s.signedOffAt(), s.reviewedAt(), s.reviewedBy(), s.comment(), s.version(), figures, trail);
  }

  private static ApprovalResponses.Submission submission(CountySubmission s) {
    List<ApprovalResponses.ApprovedSchool> approved = new ArrayList<>();
    for (JsonNode a : JSON.readTree(s.schoolsJson())) {
      approved.add(new ApprovalResponses.ApprovedSchool(a.path("schoolId").asString(), a.path("signOffVersion").asLong()));
    }
    return new ApprovalResponses.Submission(s.status(), s.submissionVersion(), s.at(), s.by(), s.reason(), s.inForce(), approved);
  }

  private static ApprovalResponses.CityDecision decision(CountySubmission s) {
    return new ApprovalResponses.CityDecision(s.cityDecision(), s.cityComment(), s.cityDecidedAt(), s.citySubmissionVersion(),
        s.decisionOnCurrent());
  }

  private static ApprovalResponses.Step step(Approvals.TrailStep t) {
    return new ApprovalResponses.Step(t.schoolId(), t.at(), t.actor(), t.action(), t.version(), t.comment());
  }

  private static ApiProblem withState(ApiProblem p, SignOff s) {
    p.getBody().setProperty("currentState", s.state().name());
    p.getBody().setProperty("currentSignOffVersion", s.signOffVersion());
    return p;
  }

  private static ApiProblem changedMeanwhile(String countyId, String periodId) {
    return ApiProblem.conflict(Msg.msg("district.approval.submission-changed", countyId, periodId));
  }

  private static String required(String text, String field, String code) {
    if (text == null || text.isBlank()) {
      throw ApiProblem.unprocessable(Msg.msg(code), List.of(Msg.msg("district.approval.field-required", field)));
    }
    return text.strip();
  }

  /** The schools expected to report the period to the county: its members on the period's first day. */
  private List<String> expected(String countyId, Period period) {
    return schools.membersOn(countyId, period.start(calendar.calendar())).stream().map(SchoolDirectory.Member::schoolId).toList();
  }

  private void expectedSchool(String countyId, Period period, String schoolId) {
    if (!schools.countyOn(schoolId, period.start(calendar.calendar())).filter(countyId::equals).isPresent()) {
      throw ApiProblem.notFound(Msg.msg("district.approval.school-not-expected", schoolId, period.id(), countyId));
    }
  }

  private Map<String, String> names(List<String> schoolIds) {
    if (schoolIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new LinkedHashMap<>();
    jdbc.sql("select id, name from school where id in (:ids)").param("ids", schoolIds)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
        .forEach(e -> names.put(e.getKey(), e.getValue()));
    return names;
  }

  private void county(String countyId) {
    if (!counties.exists(countyId)) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
  }

  private Period period(String periodId) {
    try {
      Period period = calendar.parse(periodId);
      if (!period.id().equals(periodId)) {
        throw ApiProblem.badRequest(Msg.msg("district.approval.period-not-canonical", periodId, period.id()));
      }
      return period;
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("periodId", e));
    }
  }
}
