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
import org.gongyu.school.records.IdempotentBatch;
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

  HomeContacts(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SchoolRegistry registry, SchoolClasses classes,
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

  /** A contact as stored: the reference already pseudonymised. */
  private record Stored(String externalId, String classId, String studentKey, LocalDate date, ContactMode mode, boolean priority) {}

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

    List<Stored> fresh = rows.fresh(stored(schoolId, rows.keys()), "item",
        (row, before) -> "contacts[" + rows.firstIndex(row) + "].externalId: " + row.externalId());
    insert(schoolId, fresh);
    StudentRecordChecks.rejectIf(StudentRecordChecks.overEnrolled(jdbc, TABLE, schoolId,
        fresh.stream().map(Stored::classId).distinct().toList()));

    Set<LocalDate> days = new TreeSet<>();
    (fresh.isEmpty() ? rows.rows() : fresh).forEach(r -> days.add(r.date()));
    List<SnapshotService.Snapshot> figures = StudentRecordChecks.figures(snapshots, calendar, schoolId, !fresh.isEmpty(),
        days, HomeVisitIndicators.CONTACT_FEEDS);
    return new BatchOutcome(items.size(), fresh.size(), items.size() - fresh.size(), figures);
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
