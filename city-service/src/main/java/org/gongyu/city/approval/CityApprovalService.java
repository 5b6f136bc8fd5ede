package org.gongyu.city.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.gongyu.city.CityProperties;
import org.gongyu.city.approval.Submissions.Submission;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CountyPeriodDecided;
import org.gongyu.contracts.period.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * City staff's decisions on the counties' submissions of a period, and the reads. A decision is one
 * transaction under the (county, period) lock: the state row (checked against its optimistic
 * version), a trail row and {@code CountyPeriodDecided} into the outbox. A refused decision writes
 * nothing.
 */
@Service
class CityApprovalService {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String ACCEPTED = "ACCEPTED";
  static final String RETURNED = "RETURNED";
  static final String NOT_SUBMITTED = "NOT_SUBMITTED";

  private final Submissions submissions;
  private final CityProperties city;
  private final CityCalendar calendar;
  private final Outbox outbox;
  private final Clock clock;
  private final JdbcClient jdbc;

  CityApprovalService(Submissions submissions, CityProperties city, CityCalendar calendar, Outbox outbox, Clock clock,
      JdbcClient jdbc) {
    this.submissions = submissions;
    this.city = city;
    this.calendar = calendar;
    this.outbox = outbox;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  CityApprovalResponses.Overview overview(String periodId) {
    Period period = period(periodId);
    Map<String, String> counties = counties();
    Map<String, Submission> byCounty = submissions.ofPeriod(city.id(), period.id()).stream()
        .collect(Collectors.toMap(Submission::countyId, Function.identity()));
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<CityApprovalResponses.CountyLine> lines = new ArrayList<>();
    counties.forEach((countyId, name) -> {
      Submission s = byCounty.get(countyId);
      String state = s == null ? NOT_SUBMITTED : s.state();
      counts.merge(state, 1, Integer::sum);
      lines.add(s == null
          ? new CityApprovalResponses.CountyLine(countyId, name, state, null, null, null, null, null, null, null)
          : new CityApprovalResponses.CountyLine(countyId, name, state, s.submissionVersion(), s.submittedAt(),
              schools(s).size(), reason(s), comment(s), decidedAt(s), decidedBy(s)));
    });
    return new CityApprovalResponses.Overview(city.id(), period.id(), counties.size(), counts.getOrDefault(NOT_SUBMITTED, 0),
        counts.getOrDefault(Submission.SUBMITTED, 0), counts.getOrDefault(Submission.WITHDRAWN, 0),
        counts.getOrDefault(ACCEPTED, 0), counts.getOrDefault(RETURNED, 0), lines);
  }

  @Transactional(readOnly = true)
  CityApprovalResponses.CountyDetail county(String periodId, String countyId) {
    Period period = period(periodId);
    String name = countyName(countyId);
    return detail(countyId, name, period.id());
  }

  /** Accepts the county's submission in force, which must be the version the decider saw. */
  @Transactional
  CityApprovalResponses.CountyDetail accept(String periodId, String countyId, long submissionVersion, String comment, String actor) {
    return decide(periodId, countyId, submissionVersion, ACCEPTED, blankToNull(comment), actor);
  }

  /** Returns the county's submission in force with a comment (422 without); the county may review and submit again. */
  @Transactional
  CityApprovalResponses.CountyDetail returnToCounty(
      String periodId, String countyId, long submissionVersion, String comment, String actor) {
    if (comment == null || comment.isBlank()) {
      throw ApiProblem.unprocessable(Msg.msg("city.approval.comment-required"),
          List.of(Msg.msg("city.approval.field-required", "comment")));
    }
    return decide(periodId, countyId, submissionVersion, RETURNED, comment.strip(), actor);
  }

  private CityApprovalResponses.CountyDetail decide(
      String periodId, String countyId, long submissionVersion, String decision, String comment, String actor) {
    Period period = period(periodId);
    String name = countyName(countyId);
    submissions.lock(countyId, period.id());
    Submission s = submissions.find(countyId, period.id())
        .orElseThrow(() -> ApiProblem.conflict(Msg.msg("city.approval.not-submitted", countyId, period.id())));
    if (Submission.WITHDRAWN.equals(s.status())) {
      throw withState(ApiProblem.conflict(Msg.msg("city.approval.withdrawn", countyId, period.id(), s.submissionVersion(),
          s.reason() == null ? "-" : s.reason())), s);
    }
    if (submissionVersion != s.submissionVersion()) {
      throw withState(ApiProblem.conflict(Msg.msg("city.approval.outdated", submissionVersion, countyId, period.id(),
          s.submissionVersion())), s);
    }
    if (s.decidedNow()) {
      throw withState(ApiProblem.conflict(Msg.msg("city.approval.decided", countyId, period.id(), s.submissionVersion(),
          Msg.msg("city.approval.state." + s.decision()))), s);
    }
    Instant now = clock.instant();
    if (!submissions.decide(s, decision, comment, actor, now)) {
      throw withState(ApiProblem.conflict(Msg.msg("city.approval.changed", countyId, period.id())), s);
    }
    submissions.trail(countyId, period.id(), now, actor, decision, s.submissionVersion(), comment);
    outbox.publish(Topics.CITY_PERIOD_DECISIONS, countyId, new CountyPeriodDecided(city.id(), countyId, period.id(),
        s.submissionVersion(), CountyPeriodDecided.Decision.valueOf(decision), comment, now, s.decisionVersion() + 1));
    return detail(countyId, name, period.id());
  }

  private CityApprovalResponses.CountyDetail detail(String countyId, String name, String periodId) {
    List<CityApprovalResponses.Step> trail = submissions.trailOf(countyId, periodId).stream()
        .map(t -> new CityApprovalResponses.Step(t.at(), t.actor(), t.action(), t.submissionVersion(), t.comment())).toList();
    Optional<Submission> found = submissions.find(countyId, periodId);
    if (found.isEmpty()) {
      return new CityApprovalResponses.CountyDetail(city.id(), countyId, name, periodId, NOT_SUBMITTED, null, null, null, null,
          null, null, List.of(), trail);
    }
    Submission s = found.get();
    return new CityApprovalResponses.CountyDetail(city.id(), countyId, name, periodId, s.state(), s.submissionVersion(),
        s.submittedAt(), reason(s), comment(s), decidedAt(s), decidedBy(s), schools(s), trail);
  }

  private static List<CityApprovalResponses.ApprovedSchool> schools(Submission s) {
    List<CityApprovalResponses.ApprovedSchool> out = new ArrayList<>();
    for (JsonNode a : JSON.readTree(s.schoolsJson())) {
      out.add(new CityApprovalResponses.ApprovedSchool(a.path("schoolId").asString(), a.path("signOffVersion").asLong()));
    }
    return out;
  }

  private static String reason(Submission s) {
    return Submission.WITHDRAWN.equals(s.status()) ? s.reason() : null;
  }

  private static String comment(Submission s) {
    return s.decidedNow() ? s.decisionComment() : null;
  }

  private static Instant decidedAt(Submission s) {
    return s.decidedNow() ? s.decidedAt() : null;
  }

  private static String decidedBy(Submission s) {
    return s.decidedNow() ? s.decidedBy() : null;
  }

  private static ApiProblem withState(ApiProblem p, Submission s) {
    p.getBody().setProperty("currentState", s.state());
    p.getBody().setProperty("currentSubmissionVersion", s.submissionVersion());
    return p;
  }

  /** The city's counties by id, with their names. */
  private Map<String, String> counties() {
    Map<String, String> out = new LinkedHashMap<>();
    jdbc.sql("select id, name from county where city_id = ? order by id").param(city.id())
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private String countyName(String countyId) {
    return jdbc.sql("select name from county where id = ? and city_id = ?").params(countyId, city.id())
        .query(String.class).optional()
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("city.approval.county-unknown", countyId)));
  }

  private Period period(String periodId) {
    try {
      Period period = calendar.parse(periodId);
      if (!period.id().equals(periodId)) {
        throw ApiProblem.badRequest(Msg.msg("city.approval.period-not-canonical", periodId, period.id()));
      }
      return period;
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("periodId", e));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
