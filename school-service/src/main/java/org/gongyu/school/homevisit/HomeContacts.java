package org.gongyu.school.homevisit;

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

/** Ingests batches of contacts with families, all or nothing, idempotently by external id. */
@Service
class HomeContacts {

  static final String TABLE = "home_contact";

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
  static final String FAMILY = "HOME_CONTACT";

  /** A contact as the school reads it back and as its trail keeps it: no student. */
  record View(String externalId, String classId, LocalDate date, String mode, boolean priority) {}

  HomeContacts(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SchoolRegistry registry, SchoolClasses classes,
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

  /** A contact as stored: the reference already pseudonymised. */
  private record Stored(String externalId, String classId, String studentKey, LocalDate date, ContactMode mode, boolean priority) {
    View view() {
      return new View(externalId, classId, date, mode.name(), priority);
    }
  }

  @Transactional
  BatchOutcome ingest(String schoolId, HomeContactBatch batch) {
    registry.lockForUpdate(schoolId);
    List<HomeContactBatch.Contact> items = batch.contacts();
    Map<String, SchoolClasses.SchoolClass> known =
        classes.findAll(schoolId, items.stream().map(HomeContactBatch.Contact::classId).distinct().toList());
    List<String> errors = new ArrayList<>();
    IdempotentBatch<Stored> rows = IdempotentBatch.keyedBy(Stored::externalId);
    for (int i = 0; i < items.size(); i++) {
      HomeContactBatch.Contact c = items.get(i);
      String at = "contacts[" + i + "].";
      StudentRecordChecks.classOnDay(schoolId, known.get(c.classId()), c.classId(), c.date(), calendar,
          at + "classId", at + "date", errors);
      rows.add(i, new Stored(c.externalId(), c.classId(), pseudonymizer.student(schoolId, c.studentRef()), c.date(), c.mode(),
          Boolean.TRUE.equals(c.priority())), at, errors);
    }
    StudentRecordChecks.rejectIf(errors);

    // a withdrawn item re-sent in a batch is not recorded again (it counts as already recorded)
    List<Stored> fresh = trail.notWithdrawn(schoolId, FAMILY, rows.fresh(stored(schoolId, rows.keys()), "item",
        (row, before) -> "contacts[" + rows.firstIndex(row) + "].externalId: " + row.externalId()), Stored::externalId);
    insert(schoolId, fresh);
    StudentRecordChecks.rejectIf(StudentRecordChecks.overEnrolled(jdbc, TABLE, schoolId,
        fresh.stream().map(Stored::classId).distinct().toList()));

    Set<LocalDate> days = new TreeSet<>();
    (fresh.isEmpty() ? rows.rows() : fresh).forEach(r -> days.add(r.date()));
    List<SnapshotService.Snapshot> figures = StudentRecordChecks.figures(snapshots, schoolId, !fresh.isEmpty(),
        days, HomeVisitIndicators.CONTACT_FEEDS);
    return new BatchOutcome(items.size(), fresh.size(), items.size() - fresh.size(), figures);
  }

  /** The outcome of a PUT of one item. */
  record Saved(boolean created, View item, int version, List<SnapshotService.Snapshot> snapshots) {}

  /** Records (201) or corrects (200, reason required) one contact; the same content again changes nothing. */
  @Transactional
  Saved put(String schoolId, String externalId, HomeContactItemRequest r) {
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    StudentRecordChecks.classOnDay(schoolId, classes.find(schoolId, r.classId()).orElse(null), r.classId(), r.date(), calendar,
        "classId", "date", errors);
    StudentRecordChecks.rejectIf(errors);
    Stored wanted = new Stored(externalId, r.classId(), pseudonymizer.student(schoolId, r.studentRef()), r.date(), r.mode(),
        Boolean.TRUE.equals(r.priority()));
    java.util.Optional<Stored> existing = stored(schoolId, Set.of(externalId)).stream().findFirst();
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved(false, wanted.view(), trail.versionOf(schoolId, FAMILY, externalId),
          StudentRecordChecks.latest(snapshots, schoolId, List.of(wanted.date()), HomeVisitIndicators.CONTACT_FEEDS));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, externalId);
      insert(schoolId, List.of(wanted));
    } else {
      jdbc.sql("""
              update home_contact set class_id = ?, student_key = ?, contact_date = ?, mode = ?, priority = ?
              where school_id = ? and external_id = ?""")
          .params(wanted.classId(), wanted.studentKey(), Date.valueOf(wanted.date()), wanted.mode().name(), wanted.priority(),
              schoolId, externalId)
          .update();
    }
    StudentRecordChecks.rejectIf(StudentRecordChecks.overEnrolled(jdbc, TABLE, schoolId, List.of(wanted.classId())));
    Set<LocalDate> days = new TreeSet<>(List.of(wanted.date()));
    existing.ifPresent(e -> days.add(e.date()));
    List<SnapshotService.Snapshot> figures = snapshots.refresh(
        RecordsChanged.of(schoolId, days, HomeVisitIndicators.CONTACT_FEEDS.toArray(String[]::new)));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, externalId, wanted.view(), reason)
        : trail.corrected(schoolId, FAMILY, externalId, existing.get().view(), wanted.view(), reason);
    return new Saved(existing.isEmpty(), wanted.view(), version, figures);
  }

  /** Withdraws one contact: it leaves the table (no figure counts it) and stays in its trail without the student. */
  @Transactional
  Tracked<View> withdraw(String schoolId, String externalId, String reason) {
    registry.lockForUpdate(schoolId);
    Stored existing = trail.requireWithdrawable(schoolId, FAMILY, externalId, stored(schoolId, Set.of(externalId)).stream().findFirst());
    jdbc.sql("delete from home_contact where school_id = ? and external_id = ?").params(schoolId, externalId).update();
    snapshots.refresh(RecordsChanged.of(schoolId, List.of(existing.date()),
        HomeVisitIndicators.CONTACT_FEEDS.toArray(String[]::new)));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, externalId, existing.view(), reason);
    return Tracked.withdrawn(existing.view(), w.version(), w.reason(), w.at());
  }

  /** One contact as the school reads it back, active or withdrawn. */
  java.util.Optional<Tracked<View>> read(String schoolId, String externalId) {
    return trail.read(schoolId, FAMILY, externalId, stored(schoolId, Set.of(externalId)).stream().findFirst()
        .map(Stored::view), View.class);
  }

  /** The contacts dated in [start, end) (of one class if given), active then withdrawn. */
  List<Tracked<View>> list(String schoolId, LocalDate start, LocalDate end, String classId) {
    registry.require(schoolId);
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<View>> all = new ArrayList<>(jdbc.sql("""
            select external_id, class_id, student_key, contact_date, mode, priority from home_contact
            where school_id = ? and contact_date >= ? and contact_date < ? order by contact_date, external_id""")
        .params(schoolId, Date.valueOf(start), Date.valueOf(end))
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            ContactMode.valueOf(rs.getString(5)), rs.getBoolean(6)))
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
            select external_id, class_id, student_key, contact_date, mode, priority from home_contact
            where school_id = ? and external_id = any(?)
            """)
        .params(schoolId, externalIds.toArray(String[]::new))
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            ContactMode.valueOf(rs.getString(5)), rs.getBoolean(6)))
        .list();
  }

  private void insert(String schoolId, List<Stored> rows) {
    Timestamp received = Timestamp.from(clock.instant());
    jdbcTemplate.batchUpdate("""
            insert into home_contact (school_id, external_id, class_id, student_key, contact_date, mode, priority, received_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """,
        rows, 500, (ps, r) -> {
          ps.setString(1, schoolId);
          ps.setString(2, r.externalId());
          ps.setString(3, r.classId());
          ps.setString(4, r.studentKey());
          ps.setDate(5, Date.valueOf(r.date()));
          ps.setString(6, r.mode().name());
          ps.setBoolean(7, r.priority());
          ps.setTimestamp(8, received);
        });
  }

}
