package org.gongyu.school.demonstration;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.school.records.Findings;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.district.v1.DemonstrationStatusChanged;
import org.gongyu.contracts.school.v1.DemonstrationApplied;
import org.gongyu.school.privacy.PersonalDataGuard;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The school's applications: applying inside a programme's window (the application and its {@code
 * DemonstrationApplied} saved together), and the status the county gives them, mirrored from
 * {@code DemonstrationStatusChanged} so that the school sees where it stands and when it may submit.
 */
@Service
class Applications {

  private static final JsonMapper JSON = Programmes.JSON;

  private static final String COLUMNS = """
      id, school_id, programme_id, county_id, applied_at, baseline, plan, status, version, status_at, creation_ends_on,
      final_score, title_valid_until, rectification_deadline, reason, open_round, submitted_round""";

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final Programmes programmes;
  private final PersonalDataGuard guard;
  private final Outbox outbox;
  private final CityCalendar calendar;
  private final Clock clock;

  Applications(JdbcClient jdbc, SchoolRegistry registry, Programmes programmes, PersonalDataGuard guard, Outbox outbox,
      CityCalendar calendar, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.programmes = programmes;
    this.guard = guard;
    this.outbox = outbox;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * An application as stored: the form as the school sent it and the county's view of it as last
   * heard (version 0 and APPLIED until the county's first status event arrives).
   *
   * @param openRound      the self-evaluation round being drafted (or, once submitted, the last one)
   * @param submittedRound the last round submitted, 0 for none
   */
  record Application(UUID id, String schoolId, String programmeId, String countyId, Instant appliedAt,
      List<ApplyRequest.Baseline> baseline, String plan, DemonstrationStatus status, long version, Instant statusAt,
      LocalDate creationEndsOn, BigDecimal finalScore, LocalDate titleValidUntil, LocalDate rectificationDeadline,
      String reason, int openRound, int submittedRound) {

    /** Whether the open round has been submitted and waits for the county (its draft is frozen). */
    boolean roundSubmitted() {
      return submittedRound >= openRound;
    }
  }

  /** A submitted self-evaluation round. */
  record Submission(int round, Instant submittedAt, String standardId, long standardVersion, BigDecimal selfTotal) {}

  /**
   * Applies for a registered school to a programme of its county, inside the window, once; saves the
   * application and its {@code DemonstrationApplied} in one transaction.
   *
   * @throws ApiProblem 404 unregistered school; 422 unknown programme, another county's programme, a
   *     broken rule of the form or personal data; 409 outside the window or a second application
   */
  @Transactional
  Application apply(String schoolId, ApplyRequest r) {
    SchoolRegistry.School school = registry.lockForUpdate(schoolId);
    if (r.programmeId() == null || r.programmeId().isBlank()) {
      throw unprocessable(Msg.msg("school.application.programme-required"));
    }
    Programmes.Programme p = programmes.find(r.programmeId())
        .orElseThrow(() -> unprocessable(Msg.msg("school.application.programme-unknown", r.programmeId())));
    if (!p.countyId().equals(school.countyId())) {
      throw unprocessable(Msg.msg("school.application.other-county", p.id(), p.countyId(), schoolId, school.countyId()));
    }
    LocalDate today = calendar.today();
    if (today.isBefore(p.applicationOpensOn())) {
      throw ApiProblem.conflict(Msg.msg("school.application.window-not-open", p.id(), p.applicationOpensOn(), p.applicationDeadline(), today));
    }
    if (today.isAfter(p.applicationDeadline())) {
      throw ApiProblem.conflict(Msg.msg("school.application.window-closed", p.id(), p.applicationDeadline(), p.applicationOpensOn(), today));
    }
    Optional<UUID> existing = jdbc.sql("select id from demonstration_application where school_id = ? and programme_id = ?")
        .params(schoolId, p.id()).query(UUID.class).optional();
    if (existing.isPresent()) {
      throw ApiProblem.conflict(Msg.msg("school.application.already-applied", schoolId, p.id(), existing.get()));
    }
    List<String> problems = new ArrayList<>(DemonstrationRules.applicationProblems(p.rubric(), r));
    problems.addAll(guard.problems(schoolId, DemonstrationRules.applicationTexts(r)));
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.application.not-stored", Msg.joined(Findings.of(problems))), Findings.of(problems));
    }

    UUID id = UUID.randomUUID();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql("""
            insert into demonstration_application (id, school_id, programme_id, county_id, applied_at, baseline, plan, status,
              version, updated_at)
            values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, 0, ?)
            """)
        .params(id, schoolId, p.id(), p.countyId(), Timestamp.from(now), JSON.writeValueAsString(r.baseline()), r.plan(),
            DemonstrationStatus.APPLIED.name(), Timestamp.from(now))
        .update();
    outbox.publish(Topics.SCHOOL_DEMONSTRATION, schoolId, new DemonstrationApplied(id, schoolId, p.countyId(), p.id(), now,
        r.baseline().stream().map(b -> new DemonstrationApplied.AreaBaseline(b.areaCode(), b.level(), b.note())).toList(),
        r.plan()));
    return require(schoolId, id);
  }

  /** The school's applications, newest first. */
  List<Application> list(String schoolId) {
    registry.require(schoolId);
    return jdbc.sql("select " + COLUMNS + " from demonstration_application where school_id = ? order by applied_at desc, id")
        .param(schoolId).query(Applications::application).list();
  }

  /** @throws ApiProblem 404 when the school has no such application */
  Application require(String schoolId, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from demonstration_application where id = ? and school_id = ?")
        .params(id, schoolId).query(Applications::application).optional()
        .orElseThrow(() -> notFound(schoolId, id));
  }

  /** The application, locked for the rest of the transaction (drafts and submissions of one school's application queue). */
  @Transactional(propagation = Propagation.MANDATORY)
  Application lock(String schoolId, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from demonstration_application where id = ? and school_id = ? for update")
        .params(id, schoolId).query(Applications::application).optional()
        .orElseThrow(() -> notFound(schoolId, id));
  }

  /** The rounds submitted, in order. */
  List<Submission> submissions(UUID id) {
    return jdbc.sql("""
            select round, submitted_at, standard_id, standard_version, self_total from demonstration_submission
            where application_id = ? order by round
            """)
        .param(id)
        .query((rs, n) -> new Submission(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getLong(4),
            rs.getBigDecimal(5)))
        .list();
  }

  /**
   * A status step the county took, as received: the school's timeline lists them all (the
   * application itself mirrors only the newest).
   */
  record StatusStep(long version, DemonstrationStatus status, DemonstrationStatus previousStatus, Instant at,
      LocalDate creationEndsOn, BigDecimal finalScore, LocalDate titleValidUntil, LocalDate rectificationDeadline,
      String reason) {}

  /** Every status step received for the application, in the county's order (by version), whatever order they arrived in. */
  List<StatusStep> steps(UUID id) {
    return jdbc.sql("""
            select version, status, previous_status, at, creation_ends_on, final_score, title_valid_until,
              rectification_deadline, reason
            from demonstration_status_step where application_id = ? order by version
            """)
        .param(id)
        .query((rs, n) -> new StatusStep(rs.getLong("version"), DemonstrationStatus.valueOf(rs.getString("status")),
            rs.getString("previous_status") == null ? null : DemonstrationStatus.valueOf(rs.getString("previous_status")),
            rs.getTimestamp("at").toInstant(), Programmes.day(rs, "creation_ends_on"), rs.getBigDecimal("final_score"),
            Programmes.day(rs, "title_valid_until"), Programmes.day(rs, "rectification_deadline"), rs.getString("reason")))
        .list();
  }

  /** Whether a status event changed the application, and if not, why. */
  enum Mirrored { APPLIED, NOT_NEWER, UNKNOWN_APPLICATION, OTHER_SCHOOL }

  /**
   * Mirrors a status the county gave an application, unless a version at least as new is mirrored. A
   * deferral opens the next self-evaluation round, starting from a copy of the last submitted items.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Mirrored mirror(DemonstrationStatusChanged e) {
    Optional<String> school = jdbc.sql("select school_id from demonstration_application where id = ? for update")
        .param(e.applicationId()).query(String.class).optional();
    if (school.isEmpty()) {
      return Mirrored.UNKNOWN_APPLICATION;
    }
    if (!school.get().equals(e.schoolId())) {
      return Mirrored.OTHER_SCHOOL;
    }
    // every step goes to the history, also one older than the mirrored status (it arrived late);
    // the same version again (a replay, a duplicate with another event id) adds nothing
    jdbc.sql("""
            insert into demonstration_status_step (application_id, version, status, previous_status, at, creation_ends_on,
              final_score, title_valid_until, rectification_deadline, reason, received_at)
            values (:id, :version, :status, :previous, :at, :creationEndsOn, :finalScore, :validUntil, :rectificationDeadline,
              :reason, :now)
            on conflict (application_id, version) do nothing
            """)
        .param("id", e.applicationId())
        .param("version", e.version())
        .param("status", e.status().name())
        .param("previous", e.previousStatus() == null ? null : e.previousStatus().name())
        .param("at", Timestamp.from(e.at()))
        .param("creationEndsOn", e.creationEndsOn() == null ? null : Date.valueOf(e.creationEndsOn()))
        .param("finalScore", e.finalScore())
        .param("validUntil", e.titleValidUntil() == null ? null : Date.valueOf(e.titleValidUntil()))
        .param("rectificationDeadline", e.rectificationDeadline() == null ? null : Date.valueOf(e.rectificationDeadline()))
        .param("reason", e.reason())
        .param("now", Timestamp.from(clock.instant()))
        .update();
    int updated = jdbc.sql("""
            update demonstration_application set status = :status, version = :version, status_at = :at,
              creation_ends_on = :creationEndsOn, final_score = :finalScore, title_valid_until = :validUntil,
              rectification_deadline = :rectificationDeadline, reason = :reason, updated_at = :now,
              open_round = case when :status = 'DEFERRED' then greatest(open_round, submitted_round + 1) else open_round end
            where id = :id and version < :version
            """)
        .param("status", e.status().name())
        .param("version", e.version())
        .param("at", Timestamp.from(e.at()))
        .param("creationEndsOn", e.creationEndsOn() == null ? null : Date.valueOf(e.creationEndsOn()))
        .param("finalScore", e.finalScore())
        .param("validUntil", e.titleValidUntil() == null ? null : Date.valueOf(e.titleValidUntil()))
        .param("rectificationDeadline", e.rectificationDeadline() == null ? null : Date.valueOf(e.rectificationDeadline()))
        .param("reason", e.reason())
        .param("now", Timestamp.from(clock.instant()))
        .param("id", e.applicationId())
        .update();
    if (updated == 0) {
      return Mirrored.NOT_NEWER;
    }
    if (e.status() == DemonstrationStatus.DEFERRED) {
      // the new round starts as the school left the last one: it revises rather than rewrites
      jdbc.sql("""
              insert into demonstration_self_evaluation_item (application_id, round, criterion_code, self_score, narrative,
                evidence, updated_at)
              select i.application_id, a.open_round, i.criterion_code, i.self_score, i.narrative, i.evidence, :now
              from demonstration_self_evaluation_item i join demonstration_application a on a.id = i.application_id
              where i.application_id = :id and i.round = a.submitted_round and a.open_round > a.submitted_round
              on conflict do nothing
              """)
          .param("id", e.applicationId())
          .param("now", Timestamp.from(clock.instant()))
          .update();
    }
    return Mirrored.APPLIED;
  }

  static ApiProblem notFound(String schoolId, UUID id) {
    return ApiProblem.notFound(Msg.msg("school.application.unknown", schoolId, id));
  }

  private static ApiProblem unprocessable(Msg problem) {
    return ApiProblem.unprocessable(Msg.msg("school.application.not-stored-because", problem), List.of(problem));
  }

  private static Application application(ResultSet rs, int n) throws SQLException {
    Timestamp statusAt = rs.getTimestamp("status_at");
    return new Application(rs.getObject("id", UUID.class), rs.getString("school_id"), rs.getString("programme_id"),
        rs.getString("county_id"), rs.getTimestamp("applied_at").toInstant(),
        List.of(JSON.readValue(rs.getString("baseline"), ApplyRequest.Baseline[].class)), rs.getString("plan"),
        DemonstrationStatus.valueOf(rs.getString("status")), rs.getLong("version"),
        statusAt == null ? null : statusAt.toInstant(), Programmes.day(rs, "creation_ends_on"),
        rs.getBigDecimal("final_score"), Programmes.day(rs, "title_valid_until"),
        Programmes.day(rs, "rectification_deadline"), rs.getString("reason"), rs.getInt("open_round"),
        rs.getInt("submitted_round"));
  }
}
