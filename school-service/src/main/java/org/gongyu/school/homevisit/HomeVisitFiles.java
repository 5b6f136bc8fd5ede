package org.gongyu.school.homevisit;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Period;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.privacy.Pseudonymizer;
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

/**
 * Home-visit files (一人一档, one per student): opened in batches, all or nothing, keyed by the
 * student's pseudonym; read back, corrected (class, opening day) and withdrawn one at a time by the
 * file id the service assigned (V12), so that no URL or answer carries the student.
 *
 * <p>A withdrawn file leaves {@code home_visit_file} and its trail keeps it without the student;
 * {@code home_visit_file_withdrawn} remembers whose file it was, so that a batch re-sending it (the
 * same class and opening day as any version of the withdrawn file) counts as already recorded
 * instead of bringing it back. The student of a file is never changed: a file opened for the wrong
 * student is withdrawn and the right student's file is sent.
 */
@Service
class HomeVisitFiles {

  static final String TABLE = "home_visit_file";

  /** The family's name in the record trail; its content is the {@link View} (no student). */
  static final String FAMILY = "HOME_VISIT_FILE";

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final SnapshotService snapshots;
  private final Pseudonymizer pseudonymizer;
  private final Clock clock;
  private final CityCalendar calendar;
  private final RecordTrail trail;

  HomeVisitFiles(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SchoolRegistry registry, SchoolClasses classes,
      SnapshotService snapshots, Pseudonymizer pseudonymizer, Clock clock, CityCalendar calendar, RecordTrail trail) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.registry = registry;
    this.classes = classes;
    this.snapshots = snapshots;
    this.pseudonymizer = pseudonymizer;
    this.clock = clock;
    this.calendar = calendar;
    this.trail = trail;
  }

  /** A file as the school reads it back and as its trail keeps it: no student. */
  record View(String fileId, String classId, LocalDate openedOn) {}

  /** What a batch item says of a file (the reference already pseudonymised): what a re-sent item is compared by. */
  private record Content(String studentKey, String classId, LocalDate openedOn) {}

  /** A file as stored. */
  private record Stored(String fileId, String studentKey, String classId, LocalDate openedOn) {
    View view() {
      return new View(fileId, classId, openedOn);
    }

    Content content() {
      return new Content(studentKey, classId, openedOn);
    }
  }

  /** What a batch did, and the id of the file of each item, in the batch's order. */
  record Ingested(BatchOutcome outcome, List<String> fileIds) {}

  @Transactional
  Ingested ingest(String schoolId, HomeVisitFileBatch batch) {
    registry.lockForUpdate(schoolId);
    List<HomeVisitFileBatch.VisitFile> items = batch.files();
    Map<String, SchoolClasses.SchoolClass> known =
        classes.findAll(schoolId, items.stream().map(HomeVisitFileBatch.VisitFile::classId).distinct().toList());
    List<String> errors = new ArrayList<>();
    IdempotentBatch<Content> rows = IdempotentBatch.keyedBy(Content::studentKey);
    List<String> studentOfItem = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      HomeVisitFileBatch.VisitFile f = items.get(i);
      String at = "files[" + i + "].";
      checkClassOnDay(schoolId, known.get(f.classId()), f.classId(), f.openedOn(), at, errors);
      Content row = new Content(pseudonymizer.student(schoolId, f.studentRef()), f.classId(), f.openedOn());
      studentOfItem.add(row.studentKey());
      if (!rows.add(i, row)) {
        // the reference itself is not echoed: answers name positions, never students
        errors.add(at + "studentRef: the same student as files[" + rows.firstIndex(row)
            + "] with another class or date; a student has one file");
      }
    }
    StudentRecordChecks.rejectIf(errors);

    Map<String, Stored> active = new HashMap<>();
    storedWhere(schoolId, "student_key", rows.keys()).forEach(s -> active.put(s.studentKey(), s));
    Map<String, String> withdrawn = withdrawnFilesRepeated(schoolId, rows.rows());
    // each item against what it repeats: its student's file with the same content, else a withdrawn
    // file of the student with that content (not recorded again), else the student's file (a 409)
    Map<String, String> fileIds = new HashMap<>();
    List<Content> compared = new ArrayList<>();
    for (Content row : rows.rows()) {
      Stored file = active.get(row.studentKey());
      if (file != null && file.content().equals(row)) {
        fileIds.put(row.studentKey(), file.fileId());
        compared.add(row);
      } else if (withdrawn.containsKey(row.studentKey())) {
        fileIds.put(row.studentKey(), withdrawn.get(row.studentKey()));
        compared.add(row);
      } else if (file != null) {
        compared.add(file.content());
      }
    }
    List<Content> fresh = rows.fresh(compared, "item",
        (row, before) -> "files[" + rows.firstIndex(row) + "].studentRef: the student's file was opened on "
            + before.openedOn() + " in class " + before.classId());
    List<Stored> opened = fresh.stream().map(c -> new Stored(newFileId(), c.studentKey(), c.classId(), c.openedOn())).toList();
    opened.forEach(s -> fileIds.put(s.studentKey(), s.fileId()));
    insert(schoolId, opened);
    refuseOverEnrolment(schoolId, opened.stream().map(Stored::classId).distinct().toList());
    List<String> answered = studentOfItem.stream().map(fileIds::get).toList();

    if (opened.isEmpty()) {
      Set<LocalDate> days = new TreeSet<>();
      rows.rows().forEach(r -> days.add(r.openedOn()));
      return new Ingested(new BatchOutcome(items.size(), 0, items.size(),
          StudentRecordChecks.latest(snapshots, schoolId, days, HomeVisitIndicators.FILE_FEEDS)), answered);
    }
    List<SnapshotService.Snapshot> figures = refresh(schoolId, opened.stream().map(Stored::studentKey).toList(),
        opened.stream().map(Stored::openedOn).toList());
    return new Ingested(new BatchOutcome(items.size(), opened.size(), items.size() - opened.size(), figures), answered);
  }

  /** The outcome of a PUT of one file. */
  record Saved(View file, int version, List<SnapshotService.Snapshot> snapshots) {}

  /**
   * Corrects the class or the opening day of a file (a reason is required); the same content again
   * changes nothing. The rules are the batch's: the class on the day, not over-enrolled.
   */
  @Transactional
  Saved correct(String schoolId, String fileId, HomeVisitFileRequest r) {
    registry.lockForUpdate(schoolId);
    if (r.studentRef() != null) {
      throw ApiProblem.invalid(Msg.msg("school.home-visit-file.student-fixed"),
          List.of(Msg.msg("school.home-visit-file.student-fixed.field")));
    }
    Stored existing = trail.requireActive(schoolId, FAMILY, fileId, stored(schoolId, fileId));
    List<String> errors = new ArrayList<>();
    checkClassOnDay(schoolId, classes.find(schoolId, r.classId()).orElse(null), r.classId(), r.openedOn(), "", errors);
    StudentRecordChecks.rejectIf(errors);
    Stored wanted = new Stored(fileId, existing.studentKey(), r.classId(), r.openedOn());
    if (wanted.equals(existing)) {
      return new Saved(wanted.view(), trail.versionOf(schoolId, FAMILY, fileId),
          StudentRecordChecks.latest(snapshots, schoolId, List.of(wanted.openedOn()), HomeVisitIndicators.FILE_FEEDS));
    }
    String reason = RecordTrail.requireReason(r.reason());
    jdbc.sql("update home_visit_file set class_id = ?, opened_on = ? where school_id = ? and file_id = ?")
        .params(wanted.classId(), Date.valueOf(wanted.openedOn()), schoolId, fileId)
        .update();
    refuseOverEnrolment(schoolId, List.of(wanted.classId()));
    List<SnapshotService.Snapshot> figures = refresh(schoolId, List.of(existing.studentKey()),
        List.of(existing.openedOn(), wanted.openedOn()));
    int version = trail.corrected(schoolId, FAMILY, fileId, existing.view(), wanted.view(), reason);
    return new Saved(wanted.view(), version, figures);
  }

  /**
   * Withdraws one file: it leaves the table (no figure counts it), its trail keeps it without the
   * student, and whose file it was is kept apart so that a re-sent batch does not record it again.
   */
  @Transactional
  Tracked<View> withdraw(String schoolId, String fileId, String reason) {
    registry.lockForUpdate(schoolId);
    Stored existing = trail.requireWithdrawable(schoolId, FAMILY, fileId, stored(schoolId, fileId));
    jdbc.sql("delete from home_visit_file where school_id = ? and file_id = ?").params(schoolId, fileId).update();
    jdbc.sql("""
            insert into home_visit_file_withdrawn (school_id, file_id, student_key, opened_on, withdrawn_at)
            values (?, ?, ?, ?, ?)""")
        .params(schoolId, fileId, existing.studentKey(), Date.valueOf(existing.openedOn()), Timestamp.from(clock.instant()))
        .update();
    refresh(schoolId, List.of(existing.studentKey()), List.of(existing.openedOn()));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, fileId, existing.view(), reason);
    return Tracked.withdrawn(existing.view(), w.version(), w.reason(), w.at());
  }

  /** One file as the school reads it back, active or withdrawn. */
  Optional<Tracked<View>> read(String schoolId, String fileId) {
    registry.require(schoolId);
    return trail.read(schoolId, FAMILY, fileId, stored(schoolId, fileId).map(Stored::view), View.class);
  }

  /** The files opened in a school year (of one class if given), by opening day, active then withdrawn. */
  List<Tracked<View>> list(String schoolId, Period schoolYear, String classId) {
    registry.require(schoolId);
    LocalDate start = schoolYear.start(calendar.calendar());
    LocalDate end = schoolYear.endExclusive(calendar.calendar());
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<View>> all = new ArrayList<>(jdbc.sql("""
            select file_id, student_key, class_id, opened_on from home_visit_file
            where school_id = ? and opened_on >= ? and opened_on < ? order by opened_on, file_id""")
        .params(schoolId, Date.valueOf(start), Date.valueOf(end))
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()))
        .list().stream().map(s -> trail.active(s.view(), versions, s.fileId())).toList());
    trail.withdrawnRecords(schoolId, FAMILY, View.class).stream()
        .filter(t -> !t.record().openedOn().isBefore(start) && t.record().openedOn().isBefore(end))
        .forEach(all::add);
    return all.stream().filter(t -> classId == null || classId.equals(t.record().classId())).toList();
  }

  List<HistoryEntry> history(String schoolId, String fileId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, fileId, stored(schoolId, fileId).map(Stored::view));
  }

  // ---------------------------------------------------------------- the rules, once for the batch and the correction

  /** The class is the school's and of the school year the opening day falls in; the day is not in the future. */
  private void checkClassOnDay(String schoolId, SchoolClasses.SchoolClass schoolClass, String classId, LocalDate openedOn,
      String at, List<String> errors) {
    StudentRecordChecks.classOnDay(schoolId, schoolClass, classId, openedOn, calendar, at + "classId", at + "openedOn", errors);
  }

  /** 422 if a class would have files of more students than it enrols (checked after the write, rolled back with it). */
  private void refuseOverEnrolment(String schoolId, Collection<String> classIds) {
    StudentRecordChecks.rejectIf(StudentRecordChecks.overEnrolled(jdbc, TABLE, schoolId, classIds));
  }

  /**
   * Re-derives the files' figures: a file counts for the semester it was opened in and every later
   * one in which the student is visited at home, so the days are the opening days (old and new) and
   * the students' home visits from the earliest of them on.
   */
  private List<SnapshotService.Snapshot> refresh(String schoolId, Collection<String> studentKeys, Collection<LocalDate> openedOn) {
    Set<LocalDate> days = new TreeSet<>(openedOn);
    LocalDate earliest = days.iterator().next();
    days.addAll(jdbc.sql("""
            select distinct contact_date from home_contact
            where school_id = ? and mode = 'IN_HOME' and student_key = any(?) and contact_date >= ?
            """)
        .params(schoolId, studentKeys.toArray(String[]::new), Date.valueOf(earliest))
        .query((rs, n) -> rs.getDate(1).toLocalDate())
        .list());
    return snapshots.refresh(
        RecordsChanged.of(schoolId, days, HomeVisitIndicators.FILE_FEEDS.toArray(String[]::new)).datedOn(openedOn));
  }

  // ---------------------------------------------------------------- storage

  /** Opaque and random: nothing in it points to the student. */
  private static String newFileId() {
    return "hvf-" + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Students of {@code rows} whose withdrawn file had, in some version, the row's class and opening
   * day: student key → that file's id.
   */
  private Map<String, String> withdrawnFilesRepeated(String schoolId, Collection<Content> rows) {
    Map<String, List<String>> filesOf = new HashMap<>();
    jdbc.sql("select student_key, file_id from home_visit_file_withdrawn where school_id = ? and student_key = any(?) order by withdrawn_at")
        .params(schoolId, rows.stream().map(Content::studentKey).toArray(String[]::new))
        .query(rs -> {
          filesOf.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    if (filesOf.isEmpty()) {
      return Map.of();
    }
    Map<String, List<View>> versions = trail.contents(schoolId, FAMILY,
        filesOf.values().stream().flatMap(List::stream).toList(), View.class);
    Map<String, String> repeated = new HashMap<>();
    for (Content row : rows) {
      for (String fileId : filesOf.getOrDefault(row.studentKey(), List.of())) {
        if (versions.getOrDefault(fileId, List.of()).stream()
            .anyMatch(v -> v.classId().equals(row.classId()) && v.openedOn().equals(row.openedOn()))) {
          repeated.put(row.studentKey(), fileId);
        }
      }
    }
    return repeated;
  }

  private Optional<Stored> stored(String schoolId, String fileId) {
    return storedWhere(schoolId, "file_id", Set.of(fileId)).stream().findFirst();
  }

  /** Files whose {@code column} (file_id or student_key, never input) is one of {@code values}. */
  private List<Stored> storedWhere(String schoolId, String column, Collection<String> values) {
    return jdbc.sql("select file_id, student_key, class_id, opened_on from home_visit_file where school_id = ? and "
            + column + " = any(?)")
        .params(schoolId, values.toArray(String[]::new))
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()))
        .list();
  }

  private void insert(String schoolId, List<Stored> rows) {
    Timestamp received = Timestamp.from(clock.instant());
    jdbcTemplate.batchUpdate("""
            insert into home_visit_file (school_id, file_id, student_key, class_id, opened_on, received_at)
            values (?, ?, ?, ?, ?, ?)""",
        rows, 500, (ps, r) -> {
          ps.setString(1, schoolId);
          ps.setString(2, r.fileId());
          ps.setString(3, r.studentKey());
          ps.setString(4, r.classId());
          ps.setDate(5, Date.valueOf(r.openedOn()));
          ps.setTimestamp(6, received);
        });
  }
}
