package org.gongyu.school.sixones;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.privacy.Pseudonymizer;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.IdempotentBatch;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.registry.SchoolRegistry;
import org.gongyu.school.studentrecords.StudentRecordChecks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ingests batches of six-ones participations, all or nothing, idempotently by external id. */
@Service
class SixOnesParticipations {

  /** What a batch did, and the latest figures it touched. */
  record Outcome(int received, int accepted, int alreadyRecorded, List<SnapshotService.Snapshot> snapshots) {}

  static final String TABLE = "six_ones_participation";

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final SnapshotService snapshots;
  private final Pseudonymizer pseudonymizer;
  private final Clock clock;
  private final CityCalendar calendar;
  private final RecordTrail trail;

  /** The family's name in the record trail; its content is the {@link View} (no student). */
  static final String FAMILY = "SIX_ONES";

  /** A participation as the school reads it back and as its trail keeps it: no student. */
  record View(String externalId, String classId, String activity, LocalDate date) {}

  SixOnesParticipations(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SchoolRegistry registry, SchoolClasses classes,
      SnapshotService snapshots, Pseudonymizer pseudonymizer, Clock clock, CityCalendar calendar, RecordTrail trail) {
    this.trail = trail;
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.registry = registry;
    this.classes = classes;
    this.snapshots = snapshots;
    this.pseudonymizer = pseudonymizer;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** What a batch re-derives. */
  static final List<String> FEEDS = List.of(IndicatorCodes.SIX_ONES_PARTICIPATION);

  /** A participation as stored: the reference already pseudonymised. */
  private record Stored(String externalId, String classId, String studentKey, LocalDate date, Activity activity) {
    View view() {
      return new View(externalId, classId, activity.name(), date);
    }
  }

  @Transactional
  Outcome ingest(String schoolId, SixOnesBatch batch) {
    registry.lockForUpdate(schoolId);
    List<SixOnesBatch.Participation> items = batch.participations();
    Map<String, SchoolClasses.SchoolClass> known =
        classes.findAll(schoolId, items.stream().map(SixOnesBatch.Participation::classId).distinct().toList());
    List<String> errors = new ArrayList<>();
    IdempotentBatch<Stored> rows = IdempotentBatch.keyedBy(Stored::externalId);
    for (int i = 0; i < items.size(); i++) {
      SixOnesBatch.Participation c = items.get(i);
      String at = "participations[" + i + "].";
      StudentRecordChecks.classOnDay(schoolId, known.get(c.classId()), c.classId(), c.date(), calendar,
          at + "classId", at + "date", errors);
      rows.add(i, new Stored(c.externalId(), c.classId(), pseudonymizer.student(schoolId, c.studentRef()), c.date(),
          c.activity()), at, errors);
    }
    StudentRecordChecks.rejectIf(errors);

    // a withdrawn item re-sent in a batch is not recorded again (it counts as already recorded)
    List<Stored> fresh = trail.notWithdrawn(schoolId, FAMILY, rows.fresh(stored(schoolId, rows.keys()), "item",
        (row, before) -> "participations[" + rows.firstIndex(row) + "].externalId: " + row.externalId()), Stored::externalId);
    insert(schoolId, fresh);
    StudentRecordChecks.rejectIf(StudentRecordChecks.overEnrolled(jdbc, TABLE, schoolId,
        fresh.stream().map(Stored::classId).distinct().toList()));

    Set<LocalDate> days = new TreeSet<>();
    (fresh.isEmpty() ? rows.rows() : fresh).forEach(r -> days.add(r.date()));
    List<SnapshotService.Snapshot> figures =
        StudentRecordChecks.figures(snapshots, schoolId, !fresh.isEmpty(), days, FEEDS);
    return new Outcome(items.size(), fresh.size(), items.size() - fresh.size(), figures);
  }

  /** The outcome of a PUT of one item. */
  record Saved(boolean created, View item, int version, List<SnapshotService.Snapshot> snapshots) {}

  /** Records (201) or corrects (200, reason required) one participation; the same content again changes nothing. */
  @Transactional
  Saved put(String schoolId, String externalId, SixOnesItemRequest r) {
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    StudentRecordChecks.classOnDay(schoolId, classes.find(schoolId, r.classId()).orElse(null), r.classId(), r.date(), calendar,
        "classId", "date", errors);
    StudentRecordChecks.rejectIf(errors);
    Stored wanted = new Stored(externalId, r.classId(), pseudonymizer.student(schoolId, r.studentRef()), r.date(), r.activity());
    java.util.Optional<Stored> existing = stored(schoolId, Set.of(externalId)).stream().findFirst();
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved(false, wanted.view(), trail.versionOf(schoolId, FAMILY, externalId),
          StudentRecordChecks.latest(snapshots, schoolId, List.of(wanted.date()), FEEDS));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, externalId);
      insert(schoolId, List.of(wanted));
    } else {
      jdbc.sql("""
              update six_ones_participation set class_id = ?, student_key = ?, activity_date = ?, activity = ?
              where school_id = ? and external_id = ?""")
          .params(wanted.classId(), wanted.studentKey(), Date.valueOf(wanted.date()), wanted.activity().name(), schoolId, externalId)
          .update();
    }
    StudentRecordChecks.rejectIf(StudentRecordChecks.overEnrolled(jdbc, TABLE, schoolId, List.of(wanted.classId())));
    Set<LocalDate> days = new TreeSet<>(List.of(wanted.date()));
    existing.ifPresent(e -> days.add(e.date()));
    List<SnapshotService.Snapshot> figures = snapshots.refresh(RecordsChanged.of(schoolId, days, IndicatorCodes.SIX_ONES_PARTICIPATION));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, externalId, wanted.view(), reason)
        : trail.corrected(schoolId, FAMILY, externalId, existing.get().view(), wanted.view(), reason);
    return new Saved(existing.isEmpty(), wanted.view(), version, figures);
  }

  /** Withdraws one participation: it leaves the table (no figure counts it) and stays in its trail without the student. */
  @Transactional
  Tracked<View> withdraw(String schoolId, String externalId, String reason) {
    registry.lockForUpdate(schoolId);
    Stored existing = trail.requireWithdrawable(schoolId, FAMILY, externalId, stored(schoolId, Set.of(externalId)).stream().findFirst());
    jdbc.sql("delete from six_ones_participation where school_id = ? and external_id = ?").params(schoolId, externalId).update();
    snapshots.refresh(RecordsChanged.of(schoolId, List.of(existing.date()), IndicatorCodes.SIX_ONES_PARTICIPATION));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, externalId, existing.view(), reason);
    return Tracked.withdrawn(existing.view(), w.version(), w.reason(), w.at());
  }

  /** One participation as the school reads it back, active or withdrawn. */
  java.util.Optional<Tracked<View>> read(String schoolId, String externalId) {
    return trail.read(schoolId, FAMILY, externalId, stored(schoolId, Set.of(externalId)).stream().findFirst()
        .map(Stored::view), View.class);
  }

  /** The participations dated in [start, end) (of one class if given), active then withdrawn. */
  List<Tracked<View>> list(String schoolId, LocalDate start, LocalDate end, String classId) {
    registry.require(schoolId);
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<View>> all = new ArrayList<>(jdbc.sql("""
            select external_id, class_id, student_key, activity_date, activity from six_ones_participation
            where school_id = ? and activity_date >= ? and activity_date < ? order by activity_date, external_id""")
        .params(schoolId, Date.valueOf(start), Date.valueOf(end))
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            Activity.valueOf(rs.getString(5))))
        .list().stream().map(s -> trail.active(s.view(), versions, s.externalId())).toList());
    trail.withdrawnRecords(schoolId, FAMILY, View.class).stream()
        .filter(t -> !t.record().date().isBefore(start) && t.record().date().isBefore(end))
        .forEach(all::add);
    return all.stream().filter(t -> classId == null || classId.equals(t.record().classId())).toList();
  }

  List<HistoryEntry> history(String schoolId, String externalId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, externalId, stored(schoolId, Set.of(externalId)).stream().findFirst().map(Stored::view));
  }

  private List<Stored> stored(String schoolId, Set<String> externalIds) {
    return jdbc.sql("""
            select external_id, class_id, student_key, activity_date, activity from six_ones_participation
            where school_id = ? and external_id = any(?)
            """)
        .params(schoolId, externalIds.toArray(String[]::new))
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            Activity.valueOf(rs.getString(5))))
        .list();
  }

  private void insert(String schoolId, List<Stored> rows) {
    Timestamp received = Timestamp.from(clock.instant());
    jdbcTemplate.batchUpdate("""
            insert into six_ones_participation (school_id, external_id, class_id, student_key, activity_date, activity, received_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """,
        rows, 500, (ps, r) -> {
          ps.setString(1, schoolId);
          ps.setString(2, r.externalId());
          ps.setString(3, r.classId());
          ps.setString(4, r.studentKey());
          ps.setDate(5, Date.valueOf(r.date()));
          ps.setString(6, r.activity().name());
          ps.setTimestamp(7, received);
        });
  }

}
