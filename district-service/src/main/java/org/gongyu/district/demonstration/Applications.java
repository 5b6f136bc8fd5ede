package org.gongyu.district.demonstration;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.district.v1.DemonstrationStatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application state machine: every status change goes through {@link #transition}, which checks
 * {@link Transitions}, writes the trail row and publishes {@link DemonstrationStatusChanged} in the
 * same transaction. Other acts go to the trail through {@link #record}.
 */
@Service
public class Applications {

  public static final String SCHOOL_SERVICE = "school-service";
  public static final String SYSTEM = "system";
  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String COLUMNS =
      "id, programme_id, county_id, school_id, xuequ_key, status, version, applied_at, creation_ends_on, round, final_score";

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final ApplicationEventPublisher events;
  private final EffectiveTime clock;

  Applications(JdbcClient jdbc, Outbox outbox, ApplicationEventPublisher events, EffectiveTime clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.events = events;
    this.clock = clock;
  }

  /** The application of this county, or 404 (an application of another county looks the same). */
  @Transactional(readOnly = true)
  public Application find(String countyId, UUID id) {
    return jdbc.sql("select " + COLUMNS + " from demonstration_application where id = ? and county_id = ?")
        .params(id, countyId).query(Applications::map).optional()
        .orElseThrow(() -> notFound(id));
  }

  /** As {@link #find}, holding the row lock until the transaction ends: take it before any change. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Application lock(String countyId, UUID id) {
    Application a = jdbc.sql("select " + COLUMNS + " from demonstration_application where id = ? and county_id = ? for update")
        .params(id, countyId).query(Applications::map).optional()
        .orElseThrow(() -> notFound(id));
    // a backdated step is refused before any rule when it cannot continue this history (ADR 0015)
    clock.backdated().ifPresent(b -> inOrder(a.id(), b));
    return a;
  }

  /** The row lock without the county check, for consumers and the sweep. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Application> lock(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from demonstration_application where id = ? for update")
        .param(id).query(Applications::map).optional();
  }

  /**
   * Refuses with 409 unless the application is in one of {@code allowed}; the problem names the
   * current status ({@code currentStatus}) and what the act needs.
   */
  public static void require(Application a, String act, DemonstrationStatus... allowed) {
    for (DemonstrationStatus s : allowed) {
      if (a.status() == s) {
        return;
      }
    }
    Object statuses = allowed.length == 0 ? "?" : allowed[0].name();
    for (int i = 1; i < allowed.length; i++) {
      statuses = Msg.msg("district.either", statuses, allowed[i].name());
    }
    throw illegal(a, Msg.msg("district.application.needs-status", Msg.msg("district.act." + act.replace(' ', '-')), statuses));
  }

  /**
   * Moves a locked application to {@code to}: 409 naming the current status when {@link Transitions}
   * does not allow it. Writes the trail row, publishes the status event (with the creation end,
   * final score, title validity and rectification deadline as stored now: update those first) and
   * a {@link StatusMoved} for listeners in this service.
   *
   * @param actor  the username, {@link #SCHOOL_SERVICE} or {@link #SYSTEM}
   * @param action what happened, e.g. {@code ACCEPT}, {@code AWARD}
   * @param reason the note or reason given, or null
   * @param detail more for the trail (numbers, deadlines), serialised as JSON
   * @return the application after the move
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Application transition(
      Application a, DemonstrationStatus to, String actor, String action, String reason, Map<String, ?> detail) {
    if (!Transitions.allowed(a.status(), to)) {
      throw illegal(a, Msg.msg("district.application.transition-refused", action, to, a.status()));
    }
    long version = a.version() + 1;
    jdbc.sql("update demonstration_application set status = ?, version = ?, updated_at = ? where id = ?")
        .params(to.name(), version, Timestamp.from(clock.instant()), a.id()).update();
    Map<String, Object> withReason = new java.util.LinkedHashMap<>(detail == null ? Map.of() : detail);
    if (reason != null) {
      withReason.put("reason", reason);
    }
    append(a.id(), actor, action, a.status(), to, withReason);
    Application moved = lock(a.id()).orElseThrow();
    TitleDates title = titleDates(a.id());
    outbox.publish(Topics.DISTRICT_DEMONSTRATION, a.countyId(), new DemonstrationStatusChanged(
        a.id(), a.programmeId(), a.countyId(), a.schoolId(), to, a.status(), clock.instant(), version,
        moved.creationEndsOn(), moved.finalScore(), title.validUntil(), to == DemonstrationStatus.RECTIFYING ? title.rectificationDeadline() : null,
        reason));
    events.publishEvent(new StatusMoved(a.id(), a.countyId(), a.programmeId(), a.schoolId(), a.status(), to));
    return moved;
  }

  /**
   * Inserts a newly received application (status {@code to}, version 1), records it in the trail and
   * publishes its first status event. The caller has checked that the id is new.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void insertReceived(Application a, String baselineJson, String plan, String actor, String reason) {
    jdbc.sql("""
            insert into demonstration_application (id, programme_id, county_id, school_id, xuequ_key, status, version,
              applied_at, baseline, plan, creation_ends_on, round, final_score, updated_at)
            values (?, ?, ?, ?, ?, ?, 1, ?, cast(? as jsonb), ?, null, 0, null, ?)""")
        .params(a.id(), a.programmeId(), a.countyId(), a.schoolId(), a.xuequKey(), a.status().name(),
            Timestamp.from(a.appliedAt()), baselineJson, plan, Timestamp.from(clock.instant()))
        .update();
    Map<String, Object> detail = new java.util.LinkedHashMap<>();
    detail.put("appliedAt", a.appliedAt().toString());
    if (reason != null) {
      detail.put("reason", reason);
    }
    append(a.id(), actor, "RECEIVE", null, a.status(), detail);
    outbox.publish(Topics.DISTRICT_DEMONSTRATION, a.countyId(), new DemonstrationStatusChanged(
        a.id(), a.programmeId(), a.countyId(), a.schoolId(), a.status(), null, clock.instant(), 1,
        null, null, null, null, reason));
    events.publishEvent(new StatusMoved(a.id(), a.countyId(), a.programmeId(), a.schoolId(), null, a.status()));
  }

  /** Records an act that changes no status (assignment, declaration, score change, consensus, schedule). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(UUID applicationId, String actor, String action, Map<String, ?> detail) {
    append(applicationId, actor, action, null, null, detail);
  }

  /** The application's history in the order it happened. */
  @Transactional(readOnly = true)
  public List<TrailEntry> history(UUID applicationId) {
    return jdbc.sql("""
            select id, application_id, at, actor, action, from_status, to_status, detail::text as detail
            from demonstration_trail where application_id = ? order by id""")
        .param(applicationId)
        .query((rs, n) -> new TrailEntry(
            rs.getLong("id"), rs.getObject("application_id", UUID.class), rs.getTimestamp("at").toInstant(),
            rs.getString("actor"), rs.getString("action"), status(rs.getString("from_status")),
            status(rs.getString("to_status")), rs.getString("detail")))
        .list();
  }

  /** A 409 naming the application's current status. */
  public static ApiProblem illegal(Application a, Msg why) {
    ApiProblem p = ApiProblem.conflict(Msg.msg("district.application.illegal", a.id(), a.status(), why));
    p.getBody().setProperty("currentStatus", a.status().name());
    return p;
  }

  public static ApiProblem notFound(UUID id) {
    return ApiProblem.notFound(Msg.msg("district.application.unknown", id));
  }

  private void append(UUID id, String actor, String action, DemonstrationStatus from, DemonstrationStatus to, Map<String, ?> detail) {
    Map<String, Object> stored = new java.util.LinkedHashMap<>(detail == null ? Map.of() : detail);
    clock.backdated().ifPresent(b -> {
      inOrder(id, b);
      stored.put("backdated", Map.of("recordedBy", b.recordedBy(), "recordedAt", b.recordedAt().toString()));
    });
    jdbc.sql("""
            insert into demonstration_trail (application_id, at, actor, action, from_status, to_status, detail)
            values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
        .params(id, Timestamp.from(clock.instant()), actor, action, from == null ? null : from.name(),
            to == null ? null : to.name(), JSON.writeValueAsString(stored))
        .update();
  }

  /**
   * A backdated step (ADR 0015) continues a history that is backdated throughout, in order: 409 on an
   * application with a step recorded live, or for an instant before its last step.
   */
  private void inOrder(UUID id, EffectiveTime.Backdated b) {
    record Last(Timestamp at, long live) {}
    Last last = jdbc.sql("""
            select max(at) as at, count(*) filter (where detail -> 'backdated' is null) as live
            from demonstration_trail where application_id = ?""")
        .param(id).query((rs, n) -> new Last(rs.getTimestamp("at"), rs.getLong("live"))).single();
    if (last.live() > 0) {
      throw ApiProblem.conflict(Msg.msg("district.backdated.live-history", id));
    }
    if (last.at() != null && b.at().isBefore(last.at().toInstant())) {
      throw ApiProblem.conflict(Msg.msg("district.backdated.out-of-order", id, b.at(), last.at().toInstant()));
    }
  }

  private record TitleDates(LocalDate validUntil, LocalDate rectificationDeadline) {}

  private TitleDates titleDates(UUID id) {
    return jdbc.sql("select valid_until, rectification_deadline from demonstration_title where application_id = ?")
        .param(id)
        .query((rs, n) -> new TitleDates(rs.getObject("valid_until", LocalDate.class), rs.getObject("rectification_deadline", LocalDate.class)))
        .optional().orElse(new TitleDates(null, null));
  }

  private static DemonstrationStatus status(String s) {
    return s == null ? null : DemonstrationStatus.valueOf(s);
  }

  static Application map(ResultSet rs, int n) throws SQLException {
    BigDecimal score = rs.getBigDecimal("final_score");
    return new Application(
        rs.getObject("id", UUID.class), rs.getString("programme_id"), rs.getString("county_id"), rs.getString("school_id"),
        rs.getString("xuequ_key"), DemonstrationStatus.valueOf(rs.getString("status")), rs.getLong("version"),
        rs.getTimestamp("applied_at").toInstant(), rs.getObject("creation_ends_on", LocalDate.class), rs.getInt("round"),
        score);
  }
}
