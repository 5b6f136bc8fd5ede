package org.gongyu.district.demonstration.assessment;

import static org.gongyu.contracts.demonstration.DemonstrationStatus.SELF_EVALUATED;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.contracts.district.v1.AssessmentPanelChanged;
import org.gongyu.district.demonstration.Application;
import org.gongyu.district.demonstration.Applications;
import org.gongyu.district.demonstration.EffectiveTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Who assesses an application round. The county admin assigns panel members while the round is
 * {@code SELF_EVALUATED}; conflicts the service can see refuse the assignment outright. Each
 * assessor then declares, once, before seeing the file: any conflict recuses them, none clears
 * them. The panel is fixed when the assessment starts (the start needs at least two cleared and
 * nobody undeclared), so a recused assessor is replaced before the start, never during scoring.
 */
@Service
class AssignmentService {

  private final Applications applications;
  private final AssessmentRepository repository;
  private final CityCalendar calendar;
  private final EffectiveTime clock;
  private final Outbox outbox;
  private final AssignmentNotices notices;
  private final int recentVisitMonths;

  AssignmentService(
      Applications applications, AssessmentRepository repository, CityCalendar calendar, EffectiveTime clock, Outbox outbox,
      AssignmentNotices notices, @Value("${gongyu.district.demonstration.recent-visit-months:24}") int recentVisitMonths) {
    this.applications = applications;
    this.repository = repository;
    this.outbox = outbox;
    this.notices = notices;
    this.calendar = calendar;
    this.clock = clock;
    this.recentVisitMonths = recentVisitMonths;
  }

  /**
   * Assigns a panel member to the application's current round: 409 unless {@code SELF_EVALUATED},
   * 422 when not on this county's active panel, 409 with {@code conflict} for a detected conflict,
   * 409 when already assigned to the round (also after recusing).
   */
  @Transactional
  AssignmentRow assign(String countyId, UUID applicationId, String assessor, Caller by) {
    Application a = applications.lock(countyId, applicationId);
    Applications.require(a, "assigning an assessor", SELF_EVALUATED);
    AssessorRow panel = repository.assessor(countyId, assessor).filter(AssessorRow::active)
        .orElseThrow(() -> ApiProblem.unprocessable(Msg.msg("district.assessor.not-on-panel", assessor, countyId),
            List.of(Msg.msg("district.assessor.not-on-panel.field", countyId))));
    Optional<AssignmentRow> earlier = repository.assignment(a.id(), a.round(), assessor);
    if (earlier.isPresent()) {
      throw ApiProblem.conflict(Msg.msg("district.assignment.exists", assessor, a.round(), a.id(), earlier.get().status()));
    }
    detectConflict(a, panel);
    Instant now = clock.instant();
    repository.insertAssignment(a.id(), a.round(), assessor, by.username(), now);
    applications.record(a.id(), by.username(), "ASSIGN", Map.of("assessor", assessor, "round", a.round()));
    publishPanel(a);
    return repository.assignment(a.id(), a.round(), assessor).orElseThrow();
  }

  private void detectConflict(Application a, AssessorRow panel) {
    if (a.schoolId().equals(panel.homeSchoolId())) {
      throw conflict(Conflict.OWN_SCHOOL, Msg.msg("district.conflict.own-school", panel.username(), a.schoolId()));
    }
    if (panel.formerSchoolIds().contains(a.schoolId())) {
      throw conflict(Conflict.FORMER_EMPLOYMENT, Msg.msg("district.conflict.former-employment", panel.username(), a.schoolId()));
    }
    Instant since = clock.instant().atZone(calendar.zone()).minusMonths(recentVisitMonths).toInstant();
    Optional<UUID> visit = repository.recentVisit(panel.username(), a.schoolId(), a.id(), since);
    if (visit.isPresent()) {
      throw conflict(Conflict.RECENT_VISIT, Msg.msg("district.conflict.recent-visit", panel.username(), visit.get(), a.schoolId(),
          recentVisitMonths));
    }
  }

  private static ApiProblem conflict(Conflict conflict, Msg why) {
    ApiProblem p = ApiProblem.conflict(Msg.msg("district.conflict", conflict, why));
    p.getBody().setProperty("conflict", conflict.name());
    return p;
  }

  /**
   * The assessor's own declaration, once per round: any conflict recuses them (trail {@code
   * RECUSE}), none clears them (trail {@code DECLARE}). Only the assessor themself declares.
   */
  @Transactional
  AssignmentRow declare(String countyId, UUID applicationId, String assessor, DeclarationRequest body, Caller caller) {
    if (!assessor.equals(caller.username())) {
      throw Refusals.forbidden(Msg.msg("district.declaration.own-only", assessor));
    }
    Application a = applications.lock(countyId, applicationId);
    Applications.require(a, "declaring conflicts of interest", SELF_EVALUATED);
    AssignmentRow assignment = repository.assignment(a.id(), a.round(), assessor)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("district.assignment.unknown", assessor, a.round(), a.id())));
    if (assignment.status() != AssignmentStatus.ASSIGNED) {
      throw ApiProblem.conflict(Msg.msg("district.declaration.done", assessor, a.round(), assignment.status(), assignment.declaredAt()));
    }
    List<Conflict> conflicts = List.copyOf(new LinkedHashSet<>(body.conflicts()));
    AssignmentStatus status = conflicts.isEmpty() ? AssignmentStatus.CLEARED : AssignmentStatus.RECUSED;
    repository.declare(a.id(), a.round(), assessor, status, conflicts, body.statement().strip(), clock.instant());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("assessor", assessor);
    detail.put("round", a.round());
    if (!conflicts.isEmpty()) {
      detail.put("conflicts", conflicts.stream().map(Enum::name).toList());
    }
    applications.record(a.id(), assessor, conflicts.isEmpty() ? "DECLARE" : "RECUSE", detail);
    publishPanel(a);
    return repository.assignment(a.id(), a.round(), assessor).orElseThrow();
  }

  /**
   * The current round's self-evaluation and rubric: for the county admin, and for an assessor
   * cleared on this round (403 before declaring, after recusing, or without an assignment).
   */
  @Transactional(readOnly = true)
  FileResponse file(String countyId, UUID applicationId, Caller caller) {
    Application a = applications.find(countyId, applicationId);
    if (!caller.roles().contains(Role.COUNTY_ADMIN)) {
      requireCleared(repository, a, caller.username(), "read the file");
    }
    SelfEvaluationRow self = a.round() < 1 ? null : repository.selfEvaluation(a.id(), a.round()).orElse(null);
    if (self == null) {
      throw Applications.illegal(a, Msg.msg("district.file.no-self-evaluation"));
    }
    ProgrammeTerms terms = terms(repository, a);
    return new FileResponse(a.id(), a.schoolId(), a.programmeId(), self.round(), self.submittedAt(), self.standardId(),
        self.standardVersion(), self.selfTotal(), rubric(terms.rubric()), items(self.itemsJson()),
        "/api/school/schools/" + a.schoolId() + "/demonstration/applications/" + a.id() + "/attachments");
  }

  /**
   * Tells the school tier who is on the application's panel now ({@code AssessmentPanelChanged}),
   * in the transaction of the change: school-service serves the evidence attachments to the
   * assessors cleared there (ADR 0016). Assignments are never removed and are declared once, so
   * rows + declarations grow by one with every change: a per-application version without a column.
   * A newly assigned assessor is notified from the same event (ADR 0019).
   */
  private void publishPanel(Application a) {
    List<AssignmentRow> rows = repository.allAssignments(a.id());
    List<AssessmentPanelChanged.Member> members = rows.stream()
        .map(r -> new AssessmentPanelChanged.Member(r.assessor(), r.round(), r.status().name()))
        .toList();
    long version = rows.size() + rows.stream().filter(r -> r.declaredAt() != null).count();
    AssessmentPanelChanged panel = new AssessmentPanelChanged(a.id(), a.programmeId(), a.countyId(), a.schoolId(),
        clock.instant(), version, members);
    outbox.publish(Topics.DISTRICT_DEMONSTRATION, a.countyId(), panel);
    notices.panelChanged(panel);
  }

  /** 403 unless {@code username} is cleared on the application's current round; the assignment otherwise. */
  static AssignmentRow requireCleared(AssessmentRepository repository, Application a, String username, String act) {
    AssignmentRow assignment = repository.assignment(a.id(), a.round(), username)
        .orElseThrow(() -> Refusals.forbidden(Msg.msg("district.assessor.not-assigned", username, a.round(), a.id(), act(act))));
    return switch (assignment.status()) {
      case CLEARED -> {
        // the panel may have changed since the assignment: someone who works at the school now never
        // reads its file nor scores it, whatever they declared before
        repository.assessor(a.countyId(), username).filter(panel -> a.schoolId().equals(panel.homeSchoolId()))
            .ifPresent(panel -> {
              throw conflict(Conflict.OWN_SCHOOL, Msg.msg("district.conflict.own-school-now", username, a.schoolId(), act(act)));
            });
        yield assignment;
      }
      case ASSIGNED -> throw Refusals.forbidden(Msg.msg("district.assessor.undeclared", username, a.round(), act(act)));
      case RECUSED -> throw Refusals.forbidden(Msg.msg("district.assessor.recused", username, a.round(), a.id(), act(act)));
    };
  }

  /** What an assessor may not do, e.g. "read the file", in the request's language. */
  private static Msg act(String act) {
    return Msg.msg("district.may." + act.replace(' ', '-'));
  }

  static ProgrammeTerms terms(AssessmentRepository repository, Application a) {
    return repository.terms(a.programmeId())
        .orElseThrow(() -> new IllegalStateException("programme " + a.programmeId() + " of application " + a.id() + " has no standard"));
  }

  private static FileResponse.RubricView rubric(Rubric r) {
    return new FileResponse.RubricView(r.titleZh(), r.titleEn(), r.passMark(), r.fullMark(), r.areas().stream()
        .map(area -> new FileResponse.AreaView(area.code(), area.nameZh(), area.nameEn(), area.criteria().stream()
            .map(c -> new FileResponse.CriterionView(c.code(), c.nameZh(), c.nameEn(), c.points(), c.evidenceRequired()))
            .toList()))
        .toList());
  }

  /** The items as school-service sent them ({@code SelfEvaluationSubmitted.Item}); unknown fields are ignored. */
  private static List<FileResponse.Item> items(String json) {
    List<FileResponse.Item> items = new ArrayList<>();
    for (JsonNode item : AssessmentRepository.JSON.readTree(json)) {
      List<FileResponse.Evidence> evidence = new ArrayList<>();
      for (JsonNode e : item.path("evidence")) {
        evidence.add(new FileResponse.Evidence(text(e, "title"), text(e, "reference")));
      }
      JsonNode score = item.path("selfScore");
      items.add(new FileResponse.Item(text(item, "criterionCode"), score.isNumber() ? score.decimalValue() : score.isString() ? new BigDecimal(score.asString()) : null,
          text(item, "narrative"), List.copyOf(evidence)));
    }
    return List.copyOf(items);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asString();
  }

  /** The caller's own assignments in the county (an assessor sees only theirs). */
  @Transactional(readOnly = true)
  List<MyAssignmentResponse> mine(String countyId, Caller caller) {
    return repository.assignmentsOf(countyId, caller.username().toLowerCase(java.util.Locale.ROOT));
  }
}
