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
import org.gongyu.contracts.period.PeriodType;
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

  SixOnesParticipations(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SchoolRegistry registry, SchoolClasses classes,
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

  /** What a batch re-derives. */
  static final Map<String, PeriodType> FEEDS = Map.of(IndicatorCodes.SIX_ONES_PARTICIPATION, PeriodType.SCHOOL_YEAR);

  /** A participation as stored: the reference already pseudonymised. */
  private record Stored(String externalId, String classId, String studentKey, LocalDate date, Activity activity) {}

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

    List<Stored> fresh = rows.fresh(stored(schoolId, rows.keys()), "item",
        (row, before) -> "participations[" + rows.firstIndex(row) + "].externalId: " + row.externalId());
    insert(schoolId, fresh);
    StudentRecordChecks.rejectIf(StudentRecordChecks.overEnrolled(jdbc, TABLE, schoolId,
        fresh.stream().map(Stored::classId).distinct().toList()));

    Set<LocalDate> days = new TreeSet<>();
    (fresh.isEmpty() ? rows.rows() : fresh).forEach(r -> days.add(r.date()));
    List<SnapshotService.Snapshot> figures =
        StudentRecordChecks.figures(snapshots, calendar, schoolId, !fresh.isEmpty(), days, FEEDS);
    return new Outcome(items.size(), fresh.size(), items.size() - fresh.size(), figures);
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
