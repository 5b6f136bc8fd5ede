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
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.privacy.Pseudonymizer;
import org.gongyu.school.records.IdempotentBatch;
import org.gongyu.school.registry.SchoolRegistry;
import org.gongyu.school.studentrecords.StudentRecordChecks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records home-visit files (one per student), all or nothing. */
@Service
class HomeVisitFiles {

  static final String TABLE = "home_visit_file";

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final SnapshotService snapshots;
  private final Pseudonymizer pseudonymizer;
  private final Clock clock;
  private final CityCalendar calendar;

  HomeVisitFiles(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SchoolRegistry registry, SchoolClasses classes,
      SnapshotService snapshots, Pseudonymizer pseudonymizer, Clock clock, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.registry = registry;
    this.classes = classes;
    this.snapshots = snapshots;
    this.pseudonymizer = pseudonymizer;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** A file as stored: the reference already pseudonymised. */
  private record Stored(String studentKey, String classId, LocalDate openedOn) {}

  @Transactional
  BatchOutcome ingest(String schoolId, HomeVisitFileBatch batch) {
    registry.lockForUpdate(schoolId);
    List<HomeVisitFileBatch.VisitFile> items = batch.files();
    Map<String, SchoolClasses.SchoolClass> known =
        classes.findAll(schoolId, items.stream().map(HomeVisitFileBatch.VisitFile::classId).distinct().toList());
    List<String> errors = new ArrayList<>();
    IdempotentBatch<Stored> rows = IdempotentBatch.keyedBy(Stored::studentKey);
    for (int i = 0; i < items.size(); i++) {
      HomeVisitFileBatch.VisitFile f = items.get(i);
      String at = "files[" + i + "].";
      StudentRecordChecks.classOnDay(schoolId, known.get(f.classId()), f.classId(), f.openedOn(), calendar,
          at + "classId", at + "openedOn", errors);
      Stored row = new Stored(pseudonymizer.student(schoolId, f.studentRef()), f.classId(), f.openedOn());
      if (!rows.add(i, row)) {
        // the reference itself is not echoed: answers name positions, never students
        errors.add(at + "studentRef: the same student as files[" + rows.firstIndex(row)
            + "] with another class or date; a student has one file");
      }
    }
    StudentRecordChecks.rejectIf(errors);

    List<Stored> fresh = rows.fresh(stored(schoolId, rows.keys()), "item",
        (row, before) -> "files[" + rows.firstIndex(row) + "].studentRef: the student's file was opened on "
            + before.openedOn() + " in class " + before.classId());
    insert(schoolId, fresh);
    StudentRecordChecks.rejectIf(StudentRecordChecks.overEnrolled(jdbc, TABLE, schoolId,
        fresh.stream().map(Stored::classId).distinct().toList()));

    Set<LocalDate> days = new TreeSet<>();
    if (fresh.isEmpty()) {
      rows.rows().forEach(r -> days.add(r.openedOn()));
      return new BatchOutcome(items.size(), 0, items.size(),
          StudentRecordChecks.latest(snapshots, calendar, schoolId, days, HomeVisitIndicators.FILE_FEEDS));
    }
    // A file counts for the semester it was opened in and every later one in which the student is visited.
    fresh.forEach(r -> days.add(r.openedOn()));
    LocalDate earliest = days.iterator().next();
    days.addAll(jdbc.sql("""
            select distinct contact_date from home_contact
            where school_id = ? and mode = 'IN_HOME' and student_key = any(?) and contact_date >= ?
            """)
        .params(schoolId, fresh.stream().map(Stored::studentKey).toArray(String[]::new), Date.valueOf(earliest))
        .query((rs, n) -> rs.getDate(1).toLocalDate())
        .list());
    List<SnapshotService.Snapshot> figures = snapshots.refresh(
        RecordsChanged.of(schoolId, days, HomeVisitIndicators.FILE_FEEDS.keySet().toArray(String[]::new)));
    return new BatchOutcome(items.size(), fresh.size(), items.size() - fresh.size(), figures);
  }

  private List<Stored> stored(String schoolId, Set<String> studentKeys) {
    return jdbc.sql("select student_key, class_id, opened_on from home_visit_file where school_id = ? and student_key = any(?)")
        .params(schoolId, studentKeys.toArray(String[]::new))
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()))
        .list();
  }

  private void insert(String schoolId, List<Stored> rows) {
    Timestamp received = Timestamp.from(clock.instant());
    jdbcTemplate.batchUpdate(
        "insert into home_visit_file (school_id, student_key, class_id, opened_on, received_at) values (?, ?, ?, ?, ?)",
        rows, 500, (ps, r) -> {
          ps.setString(1, schoolId);
          ps.setString(2, r.studentKey());
          ps.setString(3, r.classId());
          ps.setDate(4, Date.valueOf(r.openedOn()));
          ps.setTimestamp(5, received);
        });
  }
}
