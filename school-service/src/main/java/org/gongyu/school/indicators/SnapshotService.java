package org.gongyu.school.indicators;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.messaging.TraceContexts;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-derives a school's indicators after its records change. A figure that differs from the latest
 * stored snapshot becomes a new version, saved and published in the caller's transaction; an
 * unchanged figure produces nothing, so a re-sent batch publishes nothing.
 */
@Service
public class SnapshotService {

  private final JdbcClient jdbc;
  private final List<IndicatorDerivation> derivations;
  private final Outbox outbox;
  private final Clock clock;
  private final CityCalendar calendar;
  private final PeriodLocks locks;
  private final SchoolRegistry registry;
  private final TraceContexts traces;

  SnapshotService(JdbcClient jdbc, List<IndicatorDerivation> derivations, Outbox outbox, Clock clock, CityCalendar calendar,
      PeriodLocks locks, SchoolRegistry registry, TraceContexts traces) {
    this.traces = traces;
    this.locks = locks;
    this.registry = registry;
    this.jdbc = jdbc;
    this.derivations = derivations;
    this.outbox = outbox;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** A stored snapshot version. */
  public record Snapshot(String indicatorCode, String periodId, long numerator, long denominator, long version, Instant asOf) {
    public Figure figure() {
      return new Figure(numerator, denominator);
    }
  }

  /**
   * Re-derives the indicators a change concerns, for every started period (of each indicator's own
   * type) containing one of its days. The caller must hold the school's lock ({@code
   * SchoolRegistry#lockForUpdate}) so versions of one school are assigned one at a time.
   *
   * <p>The sign-off lock (ADR 0019): a change dated in a period whose sign-off is in force is
   * refused with 409 before anything is derived or noted (the caller's transaction rolls back, so
   * nothing of the write is stored), and a period whose sign-off is in force keeps its figures (a
   * change of current state dated elsewhere does not rewrite them).
   *
   * @return the latest snapshot of each re-derived indicator and period, after the refresh
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Snapshot> refresh(RecordsChanged change) {
    refuseIfClosed(change.schoolId(), change.dated());
    Map<String, Long> locked = locks.inForce(change.schoolId());
    refuseIfLocked(change.schoolId(), locked, change.dated());
    Deferral deferred = DEFERRED.get();
    if (deferred != null) {
      deferred.pending().add(change);
      note(change, deferred.dueIn());
      return latestOf(change);
    }
    List<Snapshot> result = new ArrayList<>();
    for (IndicatorDerivation derivation : derivations) {
      if (!change.concerns(derivation.indicatorCode())) {
        continue;
      }
      Set<Period> periods = new TreeSet<>();
      for (LocalDate day : change.days()) {
        Period p = Period.containing(derivation.periodType(), day, calendar.calendar());
        if (calendar.hasStarted(p)) {
          periods.add(p);
        }
      }
      for (Period period : periods) {
        refresh(change.schoolId(), derivation, period, locked).ifPresent(result::add);
      }
    }
    return result;
  }

  /**
   * What the platform's bulk feeds ask for instead of {@link #refresh(RecordsChanged)} (issue 16,
   * ADR 0021): the sign-off lock is checked as there (409, the caller's transaction rolls back), but
   * nothing is derived; the change is noted in the caller's transaction, due at once, and {@link
   * FigureRefresher} re-derives the school's notes within the coalesce interval, one recount per
   * indicator and period however many batches came in. Inside an Excel import ({@link #deferring})
   * the import's own deferral applies. The caller holds the school's lock.
   *
   * @return the latest stored snapshot of each indicator and period the change concerns, before
   *     this change is counted
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Snapshot> refreshSoon(RecordsChanged change) {
    if (DEFERRED.get() != null) {
      return refresh(change);
    }
    refuseIfClosed(change.schoolId(), change.dated());
    refuseIfLocked(change.schoolId(), locks.inForce(change.schoolId()), change.dated());
    note(change, java.time.Duration.ZERO);
    return latestOf(change);
  }

  /**
   * The schools with a note due now (by the database's clock): what {@link FigureRefresher}
   * refreshes, each under its lock with {@link #refreshDue}.
   */
  List<String> schoolsDue() {
    return jdbc.sql("select distinct school_id from figure_refresh_pending where due_at <= now() order by school_id")
        .query(String.class)
        .list();
  }

  /**
   * Claims the school's notes that are due (deleting them in this transaction) and re-derives what
   * they name, each indicator and period once. The caller holds the school's lock and took it
   * before calling: every writer notes under that lock, so no note of a write this derivation does
   * not see can be claimed here (a note written after this commits stays for the next round).
   * Rolled back, the notes are back.
   *
   * @return how many notes were refreshed
   */
  @Transactional(propagation = Propagation.MANDATORY)
  int refreshDue(String schoolId) {
    java.util.Map<String, Set<LocalDate>> byCodes = new java.util.TreeMap<>();
    int[] notes = {0};
    List<String> traceparents = new ArrayList<>();
    jdbc.sql("delete from figure_refresh_pending where school_id = ? and due_at <= now() returning indicator_codes, day, traceparent")
        .param(schoolId)
        .query(rs -> {
          notes[0]++;
          byCodes.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getDate(2).toLocalDate());
          traceparents.add(rs.getString(3));
        });
    // the snapshots continue the trace of the request that noted the change (ADR 0030)
    traces.inSpan("figure refresh", traceparents,
        () -> byCodes.forEach((codes, days) -> refresh(new RecordsChanged(schoolId, days, codesOf(codes)).recount())));
    return notes[0];
  }

  /**
   * Re-derives every indicator evaluated per {@code period}'s type for that period (the figures a
   * sign-off fixes, or a period whose lock was lifted); a period whose sign-off is in force keeps
   * its figures. The caller holds the school's lock.
   *
   * @return the latest snapshot of each of those indicators, after the refresh
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Snapshot> refreshPeriod(String schoolId, Period period) {
    Map<String, Long> locked = locks.inForce(schoolId);
    List<Snapshot> result = new ArrayList<>();
    for (IndicatorDerivation derivation : derivations) {
      if (derivation.periodType() == period.type()) {
        refresh(schoolId, derivation, period, locked).ifPresent(result::add);
      }
    }
    return result;
  }

  /**
   * 409 for a record dated on or after the school's closure (ADR 0027): no period starting then
   * expects the school, so nothing dated then is written; earlier records stay correctable.
   */
  private void refuseIfClosed(String schoolId, Set<LocalDate> dated) {
    if (dated.isEmpty()) {
      return;
    }
    registry.closedFrom(schoolId).ifPresent(closed -> {
      LocalDate latest = java.util.Collections.max(dated);
      if (!latest.isBefore(closed)) {
        throw ApiProblem.conflict(Msg.msg("school.closed", schoolId, closed, latest));
      }
    });
  }

  /** 409 naming the first period in force that contains one of the days. */
  private void refuseIfLocked(String schoolId, Map<String, Long> locked, Set<LocalDate> dated) {
    if (locked.isEmpty() || dated.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Long> lock : new java.util.TreeMap<>(locked).entrySet()) {
      Period period = Period.parse(lock.getKey());
      LocalDate start = period.start(calendar.calendar());
      LocalDate end = period.endExclusive(calendar.calendar());
      for (LocalDate day : new TreeSet<>(dated)) {
        if (!day.isBefore(start) && day.isBefore(end)) {
          locks.refused(schoolId, lock.getKey(), lock.getValue());
          throw ApiProblem.conflict(Msg.msg("school.period.locked", lock.getKey(), day));
        }
      }
    }
  }

  /** The changes a {@link #deferring} caller collects, and how long after noting its notes fall due. */
  private record Deferral(List<RecordsChanged> pending, java.time.Duration dueIn) {}

  private static final ThreadLocal<Deferral> DEFERRED = new ThreadLocal<>();

  /**
   * Runs {@code work} with every refresh it asks for added to {@code pending} instead of derived
   * (answering the latest stored snapshots); the caller refreshes {@code pending} later, under the
   * school's lock ({@link #refreshAll}). The Excel import's way to refresh figures once per
   * interval and at the end of a job rather than once per chunk: each derivation re-counts all the
   * school's records (ADR 0017, measured in the school-service README).
   */
  public <T> T deferring(List<RecordsChanged> pending, java.util.function.Supplier<T> work) {
    return deferring(pending, java.time.Duration.ZERO, work);
  }

  /**
   * {@link #deferring(List, java.util.function.Supplier)} with the notes due {@code dueIn} after
   * they are noted: {@link FigureRefresher} leaves them alone until then, so a caller that refreshes
   * them itself (a live import) is not recounted every coalesce interval, and a caller that died
   * leaves them to be refreshed once they are due (V18).
   */
  public <T> T deferring(List<RecordsChanged> pending, java.time.Duration dueIn, java.util.function.Supplier<T> work) {
    Deferral outer = DEFERRED.get();
    DEFERRED.set(new Deferral(pending, dueIn));
    try {
      return work.get();
    } finally {
      if (outer == null) {
        DEFERRED.remove();
      } else {
        DEFERRED.set(outer);
      }
    }
  }

  /**
   * Refreshes the changes collected by {@link #deferring}, each indicator and period once (days of
   * changes naming the same indicators merged); the caller holds the school's lock.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void refreshAll(String schoolId, java.util.Collection<RecordsChanged> pending) {
    java.util.Map<Set<String>, Set<LocalDate>> days = new java.util.LinkedHashMap<>();
    for (RecordsChanged c : pending) {
      if (c.schoolId().equals(schoolId)) {
        days.computeIfAbsent(c.indicatorCodes(), k -> new TreeSet<>()).addAll(c.days());
      }
    }
    days.forEach((codes, d) -> {
      refresh(new RecordsChanged(schoolId, d, codes).recount());
      for (LocalDate day : d) {
        jdbc.sql("delete from figure_refresh_pending where school_id = ? and indicator_codes = ? and day = ?")
            .params(schoolId, codesKey(codes), java.sql.Date.valueOf(day))
            .update();
      }
    });
  }

  /**
   * The schools whose deferred changes were noted at least {@code age} ago (by the database's clock) and not
   * refreshed (a process died during an import), with those changes: {@link #refreshAll} them under
   * each school's lock.
   */
  public java.util.Map<String, List<RecordsChanged>> pendingNotes(java.time.Duration age) {
    java.util.Map<String, java.util.Map<String, Set<LocalDate>>> bySchool = new java.util.TreeMap<>();
    jdbc.sql("""
            select school_id, indicator_codes, day from figure_refresh_pending where noted_at <= now() - make_interval(secs => ?)
            order by school_id, indicator_codes, day""")
        .param((double) age.toSeconds())
        .query((rs, n) -> bySchool.computeIfAbsent(rs.getString(1), k -> new java.util.LinkedHashMap<>())
            .computeIfAbsent(rs.getString(2), k -> new TreeSet<>()).add(rs.getDate(3).toLocalDate()))
        .list();
    java.util.Map<String, List<RecordsChanged>> out = new java.util.TreeMap<>();
    bySchool.forEach((school, byCodes) -> byCodes.forEach((codes, d) -> out.computeIfAbsent(school, k -> new ArrayList<>())
        .add(new RecordsChanged(school, d, codesOf(codes)))));
    return out;
  }

  /**
   * Notes a deferred change in the caller's transaction, so that it outlives the process (V15), due
   * {@code dueIn} from now (V18); a note already there keeps the earlier of the two due times (and
   * its noted_at), and is left untouched when it is due already (no row churn under a busy feed).
   */
  private void note(RecordsChanged change, java.time.Duration dueIn) {
    String codes = codesKey(change.indicatorCodes());
    for (LocalDate day : change.days()) {
      jdbc.sql("""
              insert into figure_refresh_pending (school_id, indicator_codes, day, due_at, traceparent)
              values (?, ?, ?, now() + make_interval(secs => ?), ?)
              on conflict (school_id, indicator_codes, day) do update set due_at = excluded.due_at
              where figure_refresh_pending.due_at > excluded.due_at""")
          .params(change.schoolId(), codes, java.sql.Date.valueOf(day), (double) dueIn.toMillis() / 1000, traces.current())
          .update();
    }
  }

  private static String codesKey(Set<String> codes) {
    return String.join(",", new TreeSet<>(codes));
  }

  private static Set<String> codesOf(String key) {
    return key.isEmpty() ? Set.of() : Set.of(key.split(","));
  }

  /** The latest stored snapshots of what a change concerns, without deriving. */
  private List<Snapshot> latestOf(RecordsChanged change) {
    List<String[]> wanted = new ArrayList<>();
    for (IndicatorDerivation derivation : derivations) {
      if (!change.concerns(derivation.indicatorCode())) {
        continue;
      }
      Set<Period> periods = new TreeSet<>();
      for (LocalDate day : change.days()) {
        Period p = Period.containing(derivation.periodType(), day, calendar.calendar());
        if (calendar.hasStarted(p)) {
          periods.add(p);
        }
      }
      periods.forEach(p -> wanted.add(new String[] {derivation.indicatorCode(), p.id()}));
    }
    return latest(change.schoolId(), wanted);
  }

  /**
   * The latest stored snapshot of each (indicator code, period id) pair that has one, in the pairs'
   * order: one statement, each pair one probe of the primary key from its newest version (what a
   * batch answers with, once per request instead of once per pair).
   */
  private List<Snapshot> latest(String schoolId, List<String[]> pairs) {
    if (pairs.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select s.indicator_code, s.period_id, s.numerator, s.denominator, s.version, s.as_of
            from unnest(cast(? as varchar[]), cast(? as varchar[])) with ordinality as k(code, period, n)
            cross join lateral (
              select indicator_code, period_id, numerator, denominator, version, as_of from indicator_snapshot
              where school_id = ? and indicator_code = k.code and period_id = k.period
              order by version desc limit 1) s
            order by k.n
            """)
        .params(pairs.stream().map(p -> p[0]).toArray(String[]::new), pairs.stream().map(p -> p[1]).toArray(String[]::new), schoolId)
        .query(Snapshot.class)
        .list();
  }

  private Optional<Snapshot> refresh(String schoolId, IndicatorDerivation derivation, Period period, Map<String, Long> locked) {
    if (locked.containsKey(period.id())) {
      // frozen: the signed-off figure stands until the county returns or reopens the period
      return latest(schoolId, derivation.indicatorCode(), period.id());
    }
    return Optional.of(refresh(schoolId, derivation, period));
  }

  private Snapshot refresh(String schoolId, IndicatorDerivation derivation, Period period) {
    Figure figure = derivation.derive(schoolId, period, calendar.endOf(period));
    Optional<Snapshot> latest = latest(schoolId, derivation.indicatorCode(), period.id());
    if (latest.isPresent() && latest.get().figure().equals(figure)) {
      return latest.get();
    }
    long version = latest.map(s -> s.version() + 1).orElse(1L);
    return save(schoolId, derivation.indicatorCode(), period.id(), figure, version);
  }

  private Snapshot save(String schoolId, String code, String periodId, Figure figure, long version) {
    Instant asOf = clock.instant();
    jdbc.sql("""
            insert into indicator_snapshot (school_id, indicator_code, period_id, version, numerator, denominator, as_of)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(schoolId, code, periodId, version, figure.numerator(), figure.denominator(), Timestamp.from(asOf))
        .update();
    outbox.publish(
        Topics.SCHOOL_INDICATOR_SNAPSHOTS,
        schoolId,
        new IndicatorSnapshotPublished(schoolId, code, periodId, figure.numerator(), figure.denominator(), version, asOf));
    return new Snapshot(code, periodId, figure.numerator(), figure.denominator(), version, asOf);
  }

  public Optional<Snapshot> latest(String schoolId, String code, String periodId) {
    return jdbc.sql("""
            select indicator_code, period_id, numerator, denominator, version, as_of from indicator_snapshot
            where school_id = ? and indicator_code = ? and period_id = ? order by version desc limit 1
            """)
        .params(schoolId, code, periodId)
        .query(Snapshot.class)
        .optional();
  }

  /**
   * The latest figures of {@code codes} in every started period that contains one of {@code days},
   * each in its own period type as its derivation declares it (the one source of that fact in
   * school-service): what a request that stored nothing new answers with.
   */
  public List<Snapshot> latestAround(String schoolId, java.util.Collection<LocalDate> days, java.util.Collection<String> codes) {
    List<String[]> wanted = new ArrayList<>();
    for (String code : codes) {
      IndicatorDerivation derivation = derivations.stream().filter(d -> d.indicatorCode().equals(code)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no derivation of indicator " + code));
      Set<Period> periods = new TreeSet<>();
      for (LocalDate day : days) {
        Period p = Period.containing(derivation.periodType(), day, calendar.calendar());
        if (calendar.hasStarted(p)) {
          periods.add(p);
        }
      }
      periods.forEach(p -> wanted.add(new String[] {code, p.id()}));
    }
    return latest(schoolId, wanted);
  }

  /** Re-derives in the transaction of the change that announced it. */
  @EventListener
  void on(RecordsChanged change) {
    refresh(change);
  }

  /** The latest version of every indicator of a school for one period. */
  public List<Snapshot> latestForPeriod(String schoolId, String periodId) {
    return jdbc.sql("""
            select distinct on (indicator_code) indicator_code, period_id, numerator, denominator, version, as_of
            from indicator_snapshot where school_id = ? and period_id = ?
            order by indicator_code, version desc
            """)
        .params(schoolId, periodId)
        .query(Snapshot.class)
        .list();
  }
}
