package org.gongyu.school.demonstration;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.school.records.Findings;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.contracts.school.v1.SelfEvaluationSubmitted;
import org.gongyu.school.privacy.PersonalDataGuard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The self-evaluation (自查自评): drafted item by item while the school creates (or after a
 * deferral), submitted as a whole once the creation period has ended. A submitted round is frozen;
 * only the county's deferral opens the next one.
 */
@Service
class SelfEvaluations {

  private static final JsonMapper JSON = Programmes.JSON;
  /** Statuses in which a self-evaluation is still to come, so its draft may change. */
  private static final Set<DemonstrationStatus> DRAFTING = EnumSet.of(DemonstrationStatus.CREATING, DemonstrationStatus.DEFERRED);

  private final JdbcClient jdbc;
  private final Applications applications;
  private final Programmes programmes;
  private final PersonalDataGuard guard;
  private final Outbox outbox;
  private final CityCalendar calendar;
  private final Clock clock;

  SelfEvaluations(JdbcClient jdbc, Applications applications, Programmes programmes, PersonalDataGuard guard,
      Outbox outbox, CityCalendar calendar, Clock clock) {
    this.jdbc = jdbc;
    this.applications = applications;
    this.programmes = programmes;
    this.guard = guard;
    this.outbox = outbox;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** One criterion's item of a round. */
  record Item(String criterionCode, int round, BigDecimal selfScore, String narrative,
      List<DraftItemRequest.Evidence> evidence, Instant updatedAt) {}

  /** A round's items against the rubric. */
  record Draft(Applications.Application application, Rubric rubric, int round, boolean editable, List<Item> items,
      List<String> missingCriteria, BigDecimal selfTotal) {}

  /**
   * Writes (or rewrites) the open round's item of a criterion.
   *
   * @throws ApiProblem 404 unknown application or a criterion not in the rubric; 409 when the status
   *     does not take a self-evaluation or the round is submitted; 422 a broken rule or personal data
   */
  @Transactional
  Item put(String schoolId, UUID applicationId, String criterionCode, DraftItemRequest r) {
    Applications.Application a = applications.lock(schoolId, applicationId);
    Programmes.Programme p = programme(a);
    Rubric.Criterion criterion = p.rubric().criterion(criterionCode)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.self-evaluation.unknown-criterion", criterionCode, p.id(), p.standardId(), p.standardVersion())));
    if (!DRAFTING.contains(a.status())) {
      throw illegal(a, Msg.msg("school.self-evaluation.write-when"));
    }
    if (a.roundSubmitted()) {
      throw illegal(a, Msg.msg("school.self-evaluation.round-frozen", a.submittedRound()));
    }
    List<String> problems = new ArrayList<>(DemonstrationRules.itemProblems(criterion, r.selfScore(), r.narrative(), r.evidence()));
    problems.addAll(guard.problems(schoolId, DemonstrationRules.itemTexts(criterionCode, r.narrative(), r.evidence())));
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.self-evaluation.item-not-stored", Msg.joined(Findings.of(problems))), Findings.of(problems));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql("""
            insert into demonstration_self_evaluation_item (application_id, round, criterion_code, self_score, narrative,
              evidence, updated_at)
            values (?, ?, ?, ?, ?, cast(? as jsonb), ?)
            on conflict (application_id, round, criterion_code) do update set self_score = excluded.self_score,
              narrative = excluded.narrative, evidence = excluded.evidence, updated_at = excluded.updated_at
            """)
        .params(a.id(), a.openRound(), criterionCode, r.selfScore(), r.narrative(), JSON.writeValueAsString(r.evidence()),
            Timestamp.from(now))
        .update();
    return items(a.id(), a.openRound()).get(criterionCode);
  }

  /** The open round (or, while it waits for the county, the submitted one) against the rubric. */
  Draft draft(String schoolId, UUID applicationId) {
    Applications.Application a = applications.require(schoolId, applicationId);
    Programmes.Programme p = programme(a);
    Map<String, Item> items = items(a.id(), a.openRound());
    List<Item> inRubric = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Rubric.Criterion c : p.rubric().criteria()) {
      Item i = items.get(c.code());
      if (i == null) {
        missing.add(c.code());
      } else {
        inRubric.add(i);
      }
    }
    BigDecimal total = inRubric.stream().map(Item::selfScore).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Draft(a, p.rubric(), a.openRound(), DRAFTING.contains(a.status()) && !a.roundSubmitted(), inRubric, missing, total);
  }

  /**
   * Submits the open round: every criterion of the rubric must have an item, each still valid (the
   * rubric or the school's recorded references may have changed since it was drafted). Publishes
   * {@code SelfEvaluationSubmitted} in the same transaction.
   *
   * @throws ApiProblem 409 outside CREATING-after-creationEndsOn or DEFERRED, or a round already
   *     submitted; 422 missing criteria or an item that no longer passes
   */
  @Transactional
  Applications.Submission submit(String schoolId, UUID applicationId) {
    Applications.Application a = applications.lock(schoolId, applicationId);
    Programmes.Programme p = programme(a);
    LocalDate today = calendar.today();
    if (a.status() == DemonstrationStatus.CREATING) {
      if (a.creationEndsOn() == null || today.isBefore(a.creationEndsOn())) {
        throw illegal(a, Msg.msg("school.self-evaluation.creation-running", a.creationEndsOn(), today));
      }
    } else if (a.status() != DemonstrationStatus.DEFERRED) {
      throw illegal(a, a.creationEndsOn() == null ? Msg.msg("school.self-evaluation.submit-when")
          : Msg.msg("school.self-evaluation.submit-when-from", a.creationEndsOn()));
    }
    if (a.roundSubmitted()) {
      throw illegal(a, Msg.msg("school.self-evaluation.round-submitted", a.submittedRound()));
    }
    Map<String, Item> items = items(a.id(), a.openRound());
    List<String> missing = p.rubric().criteria().stream().map(Rubric.Criterion::code).filter(c -> !items.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      ApiProblem problem = ApiProblem.unprocessable(Msg.msg("school.self-evaluation.incomplete", String.join(", ", missing)),
          missing.stream().map(c -> Msg.msg("school.self-evaluation.item-missing", DemonstrationRules.itemPath(c))).toList());
      problem.getBody().setProperty("missingCriteria", missing);
      throw problem;
    }
    List<String> problems = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    List<SelfEvaluationSubmitted.Item> sent = new ArrayList<>();
    for (Rubric.Criterion c : p.rubric().criteria()) {
      Item i = items.get(c.code());
      problems.addAll(DemonstrationRules.itemProblems(c, i.selfScore(), i.narrative(), i.evidence()));
      texts.putAll(DemonstrationRules.itemTexts(c.code(), i.narrative(), i.evidence()));
      sent.add(new SelfEvaluationSubmitted.Item(c.code(), i.selfScore(), i.narrative(),
          i.evidence().stream().map(e -> new SelfEvaluationSubmitted.Evidence(e.title(), e.reference())).toList()));
    }
    problems.addAll(guard.problems(schoolId, texts));
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.self-evaluation.not-submitted", Msg.joined(Findings.of(problems))), Findings.of(problems));
    }

    int round = a.submittedRound() + 1;
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    BigDecimal total = sent.stream().map(SelfEvaluationSubmitted.Item::selfScore).reduce(BigDecimal.ZERO, BigDecimal::add);
    jdbc.sql("""
            insert into demonstration_submission (application_id, round, submitted_at, standard_id, standard_version, self_total)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(a.id(), round, Timestamp.from(now), p.standardId(), p.standardVersion(), total)
        .update();
    jdbc.sql("update demonstration_application set submitted_round = ?, open_round = ?, updated_at = ? where id = ?")
        .params(round, round, Timestamp.from(now), a.id())
        .update();
    outbox.publish(Topics.SCHOOL_DEMONSTRATION, schoolId, new SelfEvaluationSubmitted(a.id(), schoolId, p.id(),
        p.standardId(), p.standardVersion(), round, now, sent));
    return new Applications.Submission(round, now, p.standardId(), p.standardVersion(), total);
  }

  private Programmes.Programme programme(Applications.Application a) {
    return programmes.find(a.programmeId())
        .orElseThrow(() -> new IllegalStateException("application " + a.id() + " names a programme that is not stored"));
  }

  private Map<String, Item> items(UUID applicationId, int round) {
    Map<String, Item> items = new LinkedHashMap<>();
    jdbc.sql("""
            select criterion_code, round, self_score, narrative, evidence, updated_at from demonstration_self_evaluation_item
            where application_id = ? and round = ? order by criterion_code
            """)
        .params(applicationId, round)
        .query((rs, n) -> new Item(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getString(4),
            List.of(JSON.readValue(rs.getString(5), DraftItemRequest.Evidence[].class)), rs.getTimestamp(6).toInstant()))
        .list()
        .forEach(i -> items.put(i.criterionCode(), i));
    return items;
  }

  /** A 409 that names the application's current status, as district-service's do. */
  static ApiProblem illegal(Applications.Application a, Msg why) {
    ApiProblem p = ApiProblem.conflict(Msg.msg("school.application.illegal", a.id(), a.status(), why));
    p.getBody().setProperty("currentStatus", a.status().name());
    return p;
  }
}
