package org.gongyu.school.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Semester;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.privacy.Pseudonymizer;
import org.gongyu.school.records.IdempotentBatch;
import org.gongyu.school.studentrecords.StudentRecordChecks;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ingests registration batches from the platform, all or nothing, idempotently by external id. */
@Service
class PlatformRegistrations {


  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final SnapshotService snapshots;
  private final Pseudonymizer pseudonymizer;
  private final Clock clock;
  private final CityCalendar calendar;

  PlatformRegistrations(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SchoolRegistry registry, SchoolClasses classes,
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

  /** What a batch did. */
  record Outcome(int received, int accepted, int alreadyRecorded, List<SnapshotService.Snapshot> snapshots) {}

  /** A registration as stored: references already pseudonymised, time truncated to what the database keeps. */
  private record Row(String externalId, String classId, String studentKey, String guardianKey, Instant registeredAt) {}

  @Transactional
  Outcome ingest(String schoolId, RegistrationBatch batch) {
    Semester semester;
    try {
      semester = Semester.parse(batch.period());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("period", e));
    }
    registry.lockForUpdate(schoolId);
    Instant now = clock.instant();
    LocalDate start = semester.start(calendar.calendar());
    if (start.isAfter(calendar.dayOf(now))) {
      throw ApiProblem.unprocessable(Msg.msg("school.period.not-started", semester, start),
          List.of(Msg.msg("school.period.starts-on", semester, start)));
    }
    Instant end = semester.endExclusive(calendar.calendar()).atStartOfDay(calendar.zone()).toInstant();

    List<RegistrationBatch.Registration> records = batch.registrations();
    Map<String, SchoolClasses.SchoolClass> known =
        classes.findAll(schoolId, records.stream().map(RegistrationBatch.Registration::classId).distinct().toList());
    List<String> errors = new ArrayList<>();
    IdempotentBatch<Row> rows = IdempotentBatch.keyedBy(Row::externalId);
    for (int i = 0; i < records.size(); i++) {
      RegistrationBatch.Registration r = records.get(i);
      String at = "registrations[" + i + "].";
      SchoolClasses.SchoolClass c = known.get(r.classId());
      if (c == null) {
        errors.add(at + "classId: class " + r.classId() + " is not recorded at school " + schoolId);
      } else if (!c.schoolYear().equals(semester.schoolYear())) {
        errors.add(at + "classId: class " + r.classId() + " belongs to school year " + c.schoolYear() + ", not to " + semester);
      }
      if (r.registeredAt().isAfter(now)) {
        errors.add(at + "registeredAt: " + r.registeredAt() + " is in the future");
      } else if (!r.registeredAt().isBefore(end)) {
        errors.add(at + "registeredAt: " + r.registeredAt() + " is after semester " + semester + " ended");
      }
      Row row = new Row(r.externalId(), r.classId(),
          pseudonymizer.student(schoolId, r.studentRef()),
          pseudonymizer.guardian(schoolId, r.guardianRef()),
          r.registeredAt().truncatedTo(ChronoUnit.MICROS));
      rows.add(i, row, at, errors);
    }
    IdempotentBatch.rejectIf("batch", errors);

    List<Row> fresh = rows.fresh(stored(schoolId, rows.keys()), "record");
    insert(schoolId, fresh, now);
    List<String> over = overEnrolled(schoolId, fresh.stream().map(Row::classId).distinct().toList());
    IdempotentBatch.rejectIf("batch", over);
    List<SnapshotService.Snapshot> latest = fresh.isEmpty()
        ? snapshots.latestForPeriod(schoolId, semester.id())
        : snapshots.refresh(RecordsChanged.of(schoolId, start,
            IndicatorCodes.PLATFORM_REGISTRATION, IndicatorCodes.PARENT_LEARNING_PER_CAPITA));
    return new Outcome(records.size(), fresh.size(), records.size() - fresh.size(), latest);
  }

  private List<Row> stored(String schoolId, java.util.Set<String> externalIds) {
    return jdbc.sql("""
            select external_id, class_id, student_key, guardian_key, registered_at from platform_registration
            where school_id = ? and external_id = any(?)
            """)
        .params(schoolId, externalIds.toArray(String[]::new))
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  private void insert(String schoolId, List<Row> rows, Instant receivedAt) {
    Timestamp received = Timestamp.from(receivedAt);
    jdbcTemplate.batchUpdate("""
            insert into platform_registration (school_id, external_id, class_id, student_key, guardian_key, registered_at, received_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """,
        rows, 500, (ps, r) -> {
          ps.setString(1, schoolId);
          ps.setString(2, r.externalId());
          ps.setString(3, r.classId());
          ps.setString(4, r.studentKey());
          ps.setString(5, r.guardianKey());
          ps.setTimestamp(6, Timestamp.from(r.registeredAt()));
          ps.setTimestamp(7, received);
        });
  }

  /** Classes among {@code classIds} where more students are registered than enrolled. */
  private List<String> overEnrolled(String schoolId, List<String> classIds) {
    return StudentRecordChecks.overEnrolled(jdbc, "platform_registration", schoolId, classIds, (classId, students, enrolment) ->
        "class " + classId + ": " + students + " students with a registered guardian but only " + enrolment + " enrolled");
  }

  /** Distinct students of a class with a registered guardian. */
  long registeredStudents(String schoolId, String classId) {
    return StudentRecordChecks.studentsOfClass(jdbc, "platform_registration", schoolId, classId);
  }
}
