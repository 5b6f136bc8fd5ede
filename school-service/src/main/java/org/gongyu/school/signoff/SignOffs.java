package org.gongyu.school.signoff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.SchoolPeriodReviewed;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.school.v1.PeriodSignedOff;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-offs of a school's periods and the county's reviews of them (ADR 0019). Every step is one
 * transaction under the school's lock: the state row, the immutable version or review row, and
 * for a sign-off the {@code PeriodSignedOff} event in the outbox.
 */
@Service
class SignOffs {

  /** Where a (school, period) stands. In force (the period is locked): SIGNED_OFF, APPROVED. */
  enum State {
    NOT_SIGNED_OFF, SIGNED_OFF, APPROVED, RETURNED, REOPENED;

    boolean inForce() {
      return this == SIGNED_OFF || this == APPROVED;
    }
  }

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final SnapshotService snapshots;
  private final Outbox outbox;
  private final CityCalendar calendar;
  private final Clock clock;

  SignOffs(JdbcClient jdbc, SchoolRegistry registry, SnapshotService snapshots, Outbox outbox, CityCalendar calendar, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.snapshots = snapshots;
    this.outbox = outbox;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** A period's state row. */
  record StateRow(String periodId, State state, long signOffVersion, long reviewVersion, String comment, Instant updatedAt) {}

  /** One signed-off figure. */
  record Figure(String indicatorCode, long numerator, long denominator, long snapshotVersion) {}

  /** One signed-off version. */
  record Version(long version, Instant signedOffAt, String signedOffBy, List<Figure> figures) {}

  /** A step in a period's trail: a sign-off (by a school admin) or a review received from the county. */
  record Step(Instant at, String action, long signOffVersion, Long reviewVersion, String by, String comment, boolean applied) {}

  /**
   * Signs off a period: refreshes the school's figures of that period, stores them as a new
   * immutable version, locks the period and publishes {@code PeriodSignedOff}.
   *
   * <p>When: school-service does not know the county's deadlines, so a period may be signed off
   * once it has started (ADR 0019 allows it once ended or when the deadline is within 30 days).
   */
  @Transactional
  Version signOff(String schoolId, String periodId) {
    Period period = parse(periodId);
    registry.lockForUpdate(schoolId);
    if (!calendar.hasStarted(period)) {
      throw ApiProblem.conflict(Msg.msg("school.sign-off.not-started", period.id(), period.start(calendar.calendar())));
    }
    Optional<StateRow> now = state(schoolId, period.id());
    if (now.isPresent() && now.get().state().inForce()) {
      throw ApiProblem.conflict(Msg.msg("school.sign-off.in-force", period.id(), now.get().signOffVersion(),
          Msg.msg("school.sign-off.state." + now.get().state().name())));
    }
    List<SnapshotService.Snapshot> refreshed = snapshots.refreshPeriod(schoolId, period);
    if (refreshed.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.sign-off.no-indicators", period.id()), List.of());
    }
    long version = jdbc.sql("select coalesce(max(version), 0) + 1 from sign_off where school_id = ? and period_id = ?")
        .params(schoolId, period.id()).query(Long.class).single();
    Instant at = clock.instant();
    String by = actor();
    jdbc.sql("insert into sign_off (school_id, period_id, version, signed_off_at, signed_off_by) values (?, ?, ?, ?, ?)")
        .params(schoolId, period.id(), version, Timestamp.from(at), by)
        .update();
    List<Figure> figures = refreshed.stream()
        .sorted(Comparator.comparing(SnapshotService.Snapshot::indicatorCode))
        .map(s -> new Figure(s.indicatorCode(), s.numerator(), s.denominator(), s.version()))
        .toList();
    for (Figure f : figures) {
      jdbc.sql("""
              insert into sign_off_figure (school_id, period_id, version, indicator_code, numerator, denominator, snapshot_version)
              values (?, ?, ?, ?, ?, ?, ?)""")
          .params(schoolId, period.id(), version, f.indicatorCode(), f.numerator(), f.denominator(), f.snapshotVersion())
          .update();
    }
    jdbc.sql("""
            insert into sign_off_state (school_id, period_id, state, sign_off_version, comment, updated_at)
            values (?, ?, 'SIGNED_OFF', ?, null, ?)
            on conflict (school_id, period_id) do update set state = 'SIGNED_OFF', sign_off_version = excluded.sign_off_version,
              comment = null, updated_at = excluded.updated_at""")
        .params(schoolId, period.id(), version, Timestamp.from(at))
        .update();
    outbox.publish(Topics.SCHOOL_SIGN_OFFS, schoolId, new PeriodSignedOff(schoolId, period.id(), version, at,
        figures.stream().map(f -> new PeriodSignedOff.SignedFigure(f.indicatorCode(), f.numerator(), f.denominator(),
            f.snapshotVersion())).toList()));
    return new Version(version, at, by, figures);
  }

  /** What a review did. */
  enum Reviewed { APPLIED, NOT_NEWER, OLDER_SIGN_OFF, UNKNOWN_SIGN_OFF, UNKNOWN_SCHOOL }

  /**
   * Applies a county review, in the listener's transaction: a review of the sign-off version in
   * force at the school, newer than the review applied last, sets the state (RETURNED and REOPENED
   * lift the lock and re-derive the period's figures); any other is kept in the trail and changes
   * nothing.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Reviewed review(SchoolPeriodReviewed r) {
    if (registry.find(r.schoolId()).isEmpty()) {
      return Reviewed.UNKNOWN_SCHOOL;
    }
    registry.lockForUpdate(r.schoolId());
    Period period = Period.parse(r.periodId());
    Optional<StateRow> now = state(r.schoolId(), period.id());
    Reviewed outcome;
    if (now.isEmpty() || r.signOffVersion() > now.get().signOffVersion()) {
      outcome = Reviewed.UNKNOWN_SIGN_OFF;
    } else if (r.signOffVersion() < now.get().signOffVersion()) {
      outcome = Reviewed.OLDER_SIGN_OFF;
    } else if (r.version() <= now.get().reviewVersion()) {
      outcome = Reviewed.NOT_NEWER;
    } else {
      outcome = Reviewed.APPLIED;
    }
    int kept = jdbc.sql("""
            insert into sign_off_review (school_id, period_id, review_version, sign_off_version, county_id, action, comment,
              reviewed_at, received_at, applied)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
        .params(r.schoolId(), period.id(), r.version(), r.signOffVersion(), r.countyId(), r.action().name(), r.comment(),
            Timestamp.from(r.at()), Timestamp.from(clock.instant()), outcome == Reviewed.APPLIED)
        .update();
    if (outcome != Reviewed.APPLIED || kept == 0) {
      return outcome == Reviewed.APPLIED ? Reviewed.NOT_NEWER : outcome;
    }
    boolean wasLocked = now.get().state().inForce();
    State next = State.valueOf(r.action().name());
    jdbc.sql("""
            update sign_off_state set state = ?, review_version = ?, comment = ?, updated_at = ?
            where school_id = ? and period_id = ?""")
        .params(next.name(), r.version(), r.comment(), Timestamp.from(clock.instant()), r.schoolId(), period.id())
        .update();
    if (wasLocked && !next.inForce()) {
      // the lock is lifted: the figures follow the records again, from now
      snapshots.refreshPeriod(r.schoolId(), period);
    }
    return outcome;
  }

  /** The state of a period, if it was ever signed off. */
  Optional<StateRow> state(String schoolId, String periodId) {
    return jdbc.sql("""
            select period_id, state, sign_off_version, review_version, comment, updated_at from sign_off_state
            where school_id = ? and period_id = ?""")
        .params(schoolId, periodId)
        .query((rs, n) -> new StateRow(rs.getString(1), State.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4),
            rs.getString(5), rs.getTimestamp(6).toInstant()))
        .optional();
  }

  /** Every period the school has figures for or has signed off, with its state (NOT_SIGNED_OFF if never signed off). */
  List<StateRow> list(String schoolId) {
    registry.require(schoolId);
    // newest first: by start day, then the shorter period first (a semester before its school year)
    TreeSet<Period> periods = new TreeSet<>(Comparator.comparing((Period p) -> p.start(calendar.calendar())).reversed()
        .thenComparing(p -> p.endExclusive(calendar.calendar()))
        .thenComparing(Period::type));
    jdbc.sql("select distinct period_id from indicator_snapshot where school_id = ? union select period_id from sign_off_state where school_id = ?")
        .params(schoolId, schoolId)
        .query(String.class)
        .list()
        .forEach(id -> periods.add(Period.parse(id)));
    List<StateRow> rows = new ArrayList<>();
    for (Period p : periods) {
      rows.add(state(schoolId, p.id()).orElse(new StateRow(p.id(), State.NOT_SIGNED_OFF, 0, 0, null, null)));
    }
    return rows;
  }

  /** The latest signed-off version of a period, if any. */
  Optional<Version> latestVersion(String schoolId, String periodId) {
    return jdbc.sql("""
            select version, signed_off_at, signed_off_by from sign_off where school_id = ? and period_id = ?
            order by version desc limit 1""")
        .params(schoolId, periodId)
        .query((rs, n) -> new Version(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), List.of()))
        .optional()
        .map(v -> new Version(v.version(), v.signedOffAt(), v.signedOffBy(), figures(schoolId, periodId, v.version())));
  }

  private List<Figure> figures(String schoolId, String periodId, long version) {
    return jdbc.sql("""
            select indicator_code, numerator, denominator, snapshot_version from sign_off_figure
            where school_id = ? and period_id = ? and version = ? order by indicator_code""")
        .params(schoolId, periodId, version)
        .query(Figure.class)
        .list();
  }

  /** The period's trail, oldest first: every sign-off and every review received. */
  List<Step> trail(String schoolId, String periodId) {
    List<Step> steps = new ArrayList<>();
    steps.addAll(jdbc.sql("select signed_off_at, version, signed_off_by from sign_off where school_id = ? and period_id = ?")
        .params(schoolId, periodId)
        .query((rs, n) -> new Step(rs.getTimestamp(1).toInstant(), "SIGNED_OFF", rs.getLong(2), null, rs.getString(3), null, true))
        .list());
    steps.addAll(jdbc.sql("""
            select reviewed_at, action, sign_off_version, review_version, county_id, comment, applied from sign_off_review
            where school_id = ? and period_id = ?""")
        .params(schoolId, periodId)
        .query((rs, n) -> new Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getLong(3), rs.getLong(4),
            rs.getString(5), rs.getString(6), rs.getBoolean(7)))
        .list());
    steps.sort(Comparator.comparing(Step::at).thenComparing(Step::signOffVersion)
        .thenComparing(s -> s.reviewVersion() == null ? 0L : s.reviewVersion()));
    return steps;
  }

  /** 422 in the request's language if the id is not a period of this city. */
  Period parse(String periodId) {
    try {
      return calendar.parse(periodId);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.unprocessable(PeriodMessages.of("periodId", e), List.of(PeriodMessages.of("periodId", e)));
    }
  }

  private static String actor() {
    return Caller.of(SecurityContextHolder.getContext().getAuthentication())
        .map(c -> c.username() != null ? c.username() : c.subject())
        .orElse(null);
  }
}
