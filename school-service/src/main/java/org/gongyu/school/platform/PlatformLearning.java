package org.gongyu.school.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.IdempotentBatch;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.privacy.Pseudonymizer;
import org.gongyu.school.registry.SchoolRegistry;
import org.gongyu.school.studentrecords.StudentRecordChecks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ingests learning-activity batches, all or nothing, idempotently by external id. */
@Service
class PlatformLearning {

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final SnapshotService snapshots;
  private final Pseudonymizer pseudonymizer;
  private final Clock clock;
  private final CityCalendar calendar;
  private final RecordTrail trail;
  private final LearningDays learningDays;

  /** The family's name in the record trail; its content is the {@link View} (no guardian). */
  static final String FAMILY = "PLATFORM_LEARNING";

  /** An activity as the school reads it back and as its trail keeps it: no guardian. */
  record View(String externalId, String resourceId, Instant occurredAt, int minutes) {}

  PlatformLearning(JdbcClient jdbc, SchoolRegistry registry, SnapshotService snapshots,
      Pseudonymizer pseudonymizer, Clock clock, CityCalendar calendar, RecordTrail trail, LearningDays learningDays) {
    this.trail = trail;
    this.learningDays = learningDays;
    this.jdbc = jdbc;
    this.registry = registry;
    this.snapshots = snapshots;
    this.pseudonymizer = pseudonymizer;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** An activity as stored: the guardian pseudonymised, the time truncated to what the database keeps. */
  private record Activity(String externalId, String guardianKey, String resourceId, Instant occurredAt, int minutes) {
    View view() {
      return new View(externalId, resourceId, occurredAt, minutes);
    }
  }

  @Transactional
  Batches.Outcome ingest(String schoolId, LearningBatch batch) {
    registry.lockForUpdate(schoolId);
    Instant now = clock.instant();
    List<String> errors = new ArrayList<>();
    List<Activity> rows = new ArrayList<>(batch.activities().size());
    // a day's push holds many activities of each guardian: each reference is hashed once per batch
    Map<String, String> guardianKeys = new HashMap<>();
    for (int i = 0; i < batch.activities().size(); i++) {
      LearningBatch.Activity a = batch.activities().get(i);
      Batches.checkTime(errors, "activities[" + i + "].occurredAt", a.occurredAt(), now);
      rows.add(new Activity(a.externalId(), guardianKeys.computeIfAbsent(a.guardianRef(), ref -> pseudonymizer.guardian(schoolId, ref)),
          a.resourceId(), a.occurredAt().truncatedTo(ChronoUnit.MICROS), a.minutes()));
    }
    IdempotentBatch<Activity> byId = IdempotentBatch.byExternalId(rows, Activity::externalId, "activities", errors);
    IdempotentBatch.rejectIf("batch", errors);

    // a withdrawn item re-sent in a batch is not recorded again (it counts as already recorded)
    List<Activity> fresh = trail.notWithdrawn(schoolId, FAMILY, byId.fresh(stored(schoolId, byId.keys()), "record"),
        Activity::externalId);
    insert(schoolId, fresh, now);
    learningDays.added(schoolId, fresh.stream().map(Activity::occurredAt).toList());

    // one re-derivation per school year the batch touches, however many activities it holds
    Set<Period> years = new TreeSet<>();
    for (Activity a : byId.rows()) {
      years.add(Period.containing(PeriodType.SCHOOL_YEAR, calendar.dayOf(a.occurredAt()), calendar.calendar()));
    }
    List<LocalDate> days = years.stream().map(p -> p.start(calendar.calendar())).toList();
    List<SnapshotService.Snapshot> latest = fresh.isEmpty()
        ? years.stream().flatMap(p -> snapshots.latest(schoolId, IndicatorCodes.PARENT_LEARNING_PER_CAPITA, p.id()).stream()).toList()
        : snapshots.refreshSoon(RecordsChanged.of(schoolId, days, IndicatorCodes.PARENT_LEARNING_PER_CAPITA));
    int received = batch.activities().size();
    return new Batches.Outcome(received, fresh.size(), received - fresh.size(), latest, !fresh.isEmpty());
  }

  /** Records (201) or corrects (200, reason required) one activity; the same content again changes nothing. */
  @Transactional
  Batches.Saved<View> put(String schoolId, String externalId, LearningItemRequest r) {
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    Batches.checkTime(errors, "occurredAt", r.occurredAt(), clock.instant());
    StudentRecordChecks.rejectIf(errors);
    Activity wanted = new Activity(externalId, pseudonymizer.guardian(schoolId, r.guardianRef()), r.resourceId(),
        r.occurredAt().truncatedTo(ChronoUnit.MICROS), r.minutes());
    java.util.Optional<Activity> existing = stored(schoolId, Set.of(externalId)).stream().findFirst();
    Set<LocalDate> days = new TreeSet<>(List.of(calendar.dayOf(wanted.occurredAt())));
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Batches.Saved<>(false, wanted.view(), trail.versionOf(schoolId, FAMILY, externalId),
          StudentRecordChecks.latest(snapshots, schoolId, days, FEEDS));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, externalId);
      insert(schoolId, List.of(wanted), clock.instant());
      learningDays.added(schoolId, List.of(wanted.occurredAt()));
    } else {
      jdbc.sql("""
              update platform_learning set guardian_key = ?, resource_id = ?, occurred_at = ?, minutes = ?
              where school_id = ? and external_id = ?""")
          .params(wanted.guardianKey(), wanted.resourceId(), Timestamp.from(wanted.occurredAt()), wanted.minutes(), schoolId, externalId)
          .update();
      days.add(calendar.dayOf(existing.get().occurredAt()));
      learningDays.removed(schoolId, List.of(existing.get().occurredAt()));
      learningDays.added(schoolId, List.of(wanted.occurredAt()));
    }
    List<SnapshotService.Snapshot> figures = snapshots.refresh(RecordsChanged.of(schoolId, days, IndicatorCodes.PARENT_LEARNING_PER_CAPITA));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, externalId, wanted.view(), reason)
        : trail.corrected(schoolId, FAMILY, externalId, existing.get().view(), wanted.view(), reason);
    return new Batches.Saved<>(existing.isEmpty(), wanted.view(), version, figures);
  }

  private static final List<String> FEEDS = List.of(IndicatorCodes.PARENT_LEARNING_PER_CAPITA);

  /** Withdraws one activity: it leaves the table (no figure counts it) and stays in its trail without the guardian. */
  @Transactional
  Tracked<View> withdraw(String schoolId, String externalId, String reason) {
    registry.lockForUpdate(schoolId);
    Activity existing = trail.requireWithdrawable(schoolId, FAMILY, externalId, stored(schoolId, Set.of(externalId)).stream().findFirst());
    jdbc.sql("delete from platform_learning where school_id = ? and external_id = ?").params(schoolId, externalId).update();
    learningDays.removed(schoolId, List.of(existing.occurredAt()));
    snapshots.refresh(RecordsChanged.of(schoolId, calendar.dayOf(existing.occurredAt()), IndicatorCodes.PARENT_LEARNING_PER_CAPITA));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, externalId, existing.view(), reason);
    return Tracked.withdrawn(existing.view(), w.version(), w.reason(), w.at());
  }

  /** One activity as the school reads it back, active or withdrawn. */
  java.util.Optional<Tracked<View>> read(String schoolId, String externalId) {
    return trail.read(schoolId, FAMILY, externalId, stored(schoolId, Set.of(externalId)).stream().findFirst()
        .map(Activity::view), View.class);
  }

  /** The activities in [start, end), active then withdrawn. */
  List<Tracked<View>> list(String schoolId, Instant start, Instant end) {
    registry.require(schoolId);
    java.util.Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<View>> all = new ArrayList<>(jdbc.sql("""
            select external_id, guardian_key, resource_id, occurred_at, minutes from platform_learning
            where school_id = ? and occurred_at >= ? and occurred_at < ? order by occurred_at, external_id""")
        .params(schoolId, Timestamp.from(start), Timestamp.from(end))
        .query((rs, n) -> new Activity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getInt(5)))
        .list().stream().map(a -> trail.active(a.view(), versions, a.externalId())).toList());
    trail.withdrawnRecords(schoolId, FAMILY, View.class).stream()
        .filter(t -> !t.record().occurredAt().isBefore(start) && t.record().occurredAt().isBefore(end))
        .forEach(all::add);
    return all;
  }

  List<HistoryEntry> history(String schoolId, String externalId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, externalId, stored(schoolId, Set.of(externalId)).stream().findFirst().map(Activity::view));
  }

  private List<Activity> stored(String schoolId, Set<String> externalIds) {
    return jdbc.sql("""
            select external_id, guardian_key, resource_id, occurred_at, minutes from platform_learning
            where school_id = ? and external_id = any(?)
            """)
        .params(schoolId, externalIds.toArray(String[]::new))
        .query((rs, n) -> new Activity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getInt(5)))
        .list();
  }

  /**
   * Inserts the activities in one statement, whatever their number: the school they name is checked
   * once per statement (V37), and one statement is planned once instead of once per chunk of rows.
   */
  private void insert(String schoolId, List<Activity> rows, Instant receivedAt) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.sql("""
            insert into platform_learning (school_id, external_id, guardian_key, resource_id, occurred_at, minutes, received_at)
            select :school, e, g, r, o, m, :received
            from unnest(cast(:ids as varchar[]), cast(:guardians as bpchar[]), cast(:resources as varchar[]),
                        cast(:times as timestamptz[]), cast(:minutes as integer[])) as u(e, g, r, o, m)
            """)
        .param("school", schoolId)
        .param("received", Timestamp.from(receivedAt))
        .param("ids", rows.stream().map(Activity::externalId).toArray(String[]::new))
        .param("guardians", rows.stream().map(Activity::guardianKey).toArray(String[]::new))
        .param("resources", rows.stream().map(Activity::resourceId).toArray(String[]::new))
        .param("times", rows.stream().map(a -> Timestamp.from(a.occurredAt())).toArray(Timestamp[]::new))
        .param("minutes", rows.stream().map(Activity::minutes).toArray(Integer[]::new))
        .update();
  }
}
