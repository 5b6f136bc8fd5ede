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
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.IdempotentBatch;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.studentrecords.StudentRecordChecks;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ingests registration batches from the platform, all or nothing, idempotently by external id. */
@Service
class PlatformRegistrations {


  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final SnapshotService snapshots;
  private final Pseudonymizer pseudonymizer;
  private final Clock clock;
  private final CityCalendar calendar;
  private final RecordTrail trail;
  private final RegistrationCounts counts;

  /** The family's name in the record trail; its content is the {@link View} (no student, no guardian). */
  static final String FAMILY = "PLATFORM_REGISTRATION";

  /** A registration as the school reads it back and as its trail keeps it: no student, no guardian. */
  record View(String externalId, String classId, Instant registeredAt) {}

  PlatformRegistrations(JdbcClient jdbc, SchoolRegistry registry, SchoolClasses classes,
      SnapshotService snapshots, Pseudonymizer pseudonymizer, Clock clock, CityCalendar calendar, RecordTrail trail,
      RegistrationCounts counts) {
    this.trail = trail;
    this.counts = counts;
    this.jdbc = jdbc;
    this.registry = registry;
    this.classes = classes;
    this.snapshots = snapshots;
    this.pseudonymizer = pseudonymizer;
    this.clock = clock;
    this.calendar = calendar;
  }

  /**
   * What a batch did; {@code snapshots} are the latest stored figures, {@code figuresPending} whether
   * the batch's records are still to be counted in them (within the coalesce interval, ADR 0021).
   */
  record Outcome(int received, int accepted, int alreadyRecorded, List<SnapshotService.Snapshot> snapshots, boolean figuresPending) {}

  /** A registration as stored: references already pseudonymised, time truncated to what the database keeps. */
  private record Row(String externalId, String classId, String studentKey, String guardianKey, Instant registeredAt) {
    View view() {
      return new View(externalId, classId, registeredAt);
    }

    /** The registration as the counts see it, its class being of {@code schoolYear}. */
    RegistrationCounts.Registration counted(String schoolYear) {
      return new RegistrationCounts.Registration(externalId, classId, schoolYear, studentKey, guardianKey, registeredAt);
    }
  }

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

    // a withdrawn item re-sent in a batch is not recorded again (it counts as already recorded)
    List<Row> fresh = trail.notWithdrawn(schoolId, FAMILY, rows.fresh(stored(schoolId, rows.keys()), "record"), Row::externalId);
    // the counts before the insert, from what is stored of the batch's students and guardians
    java.util.SortedMap<String, Long> registered = counts.change(schoolId, List.of(),
        fresh.stream().map(r -> r.counted(semester.schoolYear())).toList());
    insert(schoolId, fresh, now);
    IdempotentBatch.rejectIf("batch", overEnrolled(registered, known));
    // the figures follow within the coalesce interval (ADR 0021); the sign-off lock refuses the batch here
    List<SnapshotService.Snapshot> latest = fresh.isEmpty()
        ? snapshots.latestForPeriod(schoolId, semester.id())
        : snapshots.refreshSoon(RecordsChanged.of(schoolId, start,
            IndicatorCodes.PLATFORM_REGISTRATION, IndicatorCodes.PARENT_LEARNING_PER_CAPITA));
    return new Outcome(records.size(), fresh.size(), records.size() - fresh.size(), latest, !fresh.isEmpty());
  }

  /** The outcome of a PUT of one item. */
  record Saved(boolean created, View item, int version, List<SnapshotService.Snapshot> snapshots) {}

  private static final String[] FEEDS = {IndicatorCodes.PLATFORM_REGISTRATION, IndicatorCodes.PARENT_LEARNING_PER_CAPITA};

  /** The first day of each semester of a school year: the days whose figures a registration of its classes feeds. */
  private java.util.Set<LocalDate> semesterStarts(String schoolYear) {
    java.util.Set<LocalDate> days = new java.util.TreeSet<>();
    Semester.ofSchoolYear(schoolYear).forEach(s -> days.add(s.start(calendar.calendar())));
    return days;
  }

  /** Records (201) or corrects (200, reason required) one registration; the same content again changes nothing. */
  @Transactional
  Saved put(String schoolId, String externalId, RegistrationItemRequest r) {
    registry.lockForUpdate(schoolId);
    Instant now = clock.instant();
    List<String> errors = new ArrayList<>();
    SchoolClasses.SchoolClass c = classes.find(schoolId, r.classId()).orElse(null);
    if (c == null) {
      errors.add("classId: class " + r.classId() + " is not recorded at school " + schoolId);
    }
    if (r.registeredAt().isAfter(now)) {
      errors.add("registeredAt: " + r.registeredAt() + " is in the future");
    } else if (c != null) {
      List<Semester> semesters = Semester.ofSchoolYear(c.schoolYear());
      LocalDate yearEnd = semesters.get(semesters.size() - 1).endExclusive(calendar.calendar());
      if (!r.registeredAt().isBefore(yearEnd.atStartOfDay(calendar.zone()).toInstant())) {
        errors.add("registeredAt: " + r.registeredAt() + " is after school year " + c.schoolYear() + " of class " + r.classId() + " ended");
      }
    }
    StudentRecordChecks.rejectIf(errors);
    Row wanted = new Row(externalId, r.classId(), pseudonymizer.student(schoolId, r.studentRef()),
        pseudonymizer.guardian(schoolId, r.guardianRef()), r.registeredAt().truncatedTo(ChronoUnit.MICROS));
    java.util.Optional<Row> existing = stored(schoolId, java.util.Set.of(externalId)).stream().findFirst();
    java.util.Set<LocalDate> days = semesterStarts(c.schoolYear());
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved(false, wanted.view(), trail.versionOf(schoolId, FAMILY, externalId),
          StudentRecordChecks.latest(snapshots, schoolId, days, List.of(IndicatorCodes.PLATFORM_REGISTRATION)));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    java.util.SortedMap<String, Long> registered;
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, externalId);
      registered = counts.change(schoolId, List.of(), List.of(wanted.counted(c.schoolYear())));
      insert(schoolId, List.of(wanted), now);
    } else {
      // the stored row's school year is read with it; the one given here is not used
      registered = counts.change(schoolId, List.of(existing.get().counted(null)), List.of(wanted.counted(c.schoolYear())));
      jdbc.sql("""
              update platform_registration set class_id = ?, student_key = ?, guardian_key = ?, registered_at = ?
              where school_id = ? and external_id = ?""")
          .params(wanted.classId(), wanted.studentKey(), wanted.guardianKey(), Timestamp.from(wanted.registeredAt()),
              schoolId, externalId)
          .update();
      classes.find(schoolId, existing.get().classId()).ifPresent(old -> days.addAll(semesterStarts(old.schoolYear())));
    }
    StudentRecordChecks.rejectIf(overEnrolled(registered, Map.of(wanted.classId(), c)));
    List<SnapshotService.Snapshot> figures = snapshots.refresh(RecordsChanged.of(schoolId, days, FEEDS));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, externalId, wanted.view(), reason)
        : trail.corrected(schoolId, FAMILY, externalId, existing.get().view(), wanted.view(), reason);
    return new Saved(existing.isEmpty(), wanted.view(), version, figures);
  }

  /** Withdraws one registration: it leaves the table (no figure counts it) and stays in its trail without student or guardian. */
  @Transactional
  Tracked<View> withdraw(String schoolId, String externalId, String reason) {
    registry.lockForUpdate(schoolId);
    Row existing = trail.requireWithdrawable(schoolId, FAMILY, externalId,
        stored(schoolId, java.util.Set.of(externalId)).stream().findFirst());
    counts.change(schoolId, List.of(existing.counted(null)), List.of());
    jdbc.sql("delete from platform_registration where school_id = ? and external_id = ?").params(schoolId, externalId).update();
    java.util.Set<LocalDate> days = new java.util.TreeSet<>(List.of(calendar.dayOf(existing.registeredAt())));
    classes.find(schoolId, existing.classId()).ifPresent(c -> days.addAll(semesterStarts(c.schoolYear())));
    snapshots.refresh(RecordsChanged.of(schoolId, days, FEEDS));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, externalId, existing.view(), reason);
    return Tracked.withdrawn(existing.view(), w.version(), w.reason(), w.at());
  }

  /** One registration as the school reads it back, active or withdrawn. */
  java.util.Optional<Tracked<View>> read(String schoolId, String externalId) {
    return trail.read(schoolId, FAMILY, externalId, stored(schoolId, java.util.Set.of(externalId)).stream().findFirst()
        .map(Row::view), View.class);
  }

  /** The registrations made in [start, end) (of one class if given), active then withdrawn. */
  List<Tracked<View>> list(String schoolId, Instant start, Instant end, String classId) {
    registry.require(schoolId);
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<View>> all = new ArrayList<>(jdbc.sql("""
            select external_id, class_id, student_key, guardian_key, registered_at from platform_registration
            where school_id = ? and registered_at >= ? and registered_at < ? order by registered_at, external_id""")
        .params(schoolId, Timestamp.from(start), Timestamp.from(end))
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
        .list().stream().map(s -> trail.active(s.view(), versions, s.externalId())).toList());
    trail.withdrawnRecords(schoolId, FAMILY, View.class).stream()
        .filter(t -> !t.record().registeredAt().isBefore(start) && t.record().registeredAt().isBefore(end))
        .forEach(all::add);
    return all.stream().filter(t -> classId == null || classId.equals(t.record().classId())).toList();
  }

  List<HistoryEntry> history(String schoolId, String externalId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, externalId,
        stored(schoolId, java.util.Set.of(externalId)).stream().findFirst().map(Row::view));
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

  /**
   * Inserts the rows in one statement, whatever their number, as {@code PlatformLearning} does (a
   * batch of 50 took three: pgjdbc's rewritten batches of 32, 16 and 2; not measurably slower or
   * faster for it, stop 37).
   */
  private void insert(String schoolId, List<Row> rows, Instant receivedAt) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.sql("""
            insert into platform_registration (school_id, external_id, class_id, student_key, guardian_key, registered_at, received_at)
            select :school, e, c, s, g, r, :received
            from unnest(cast(:ids as varchar[]), cast(:classes as varchar[]), cast(:students as bpchar[]),
              cast(:guardians as bpchar[]), cast(:at as timestamptz[])) as u(e, c, s, g, r)
            """)
        .param("school", schoolId)
        .param("received", Timestamp.from(receivedAt))
        .param("ids", rows.stream().map(Row::externalId).toArray(String[]::new))
        .param("classes", rows.stream().map(Row::classId).toArray(String[]::new))
        .param("students", rows.stream().map(Row::studentKey).toArray(String[]::new))
        .param("guardians", rows.stream().map(Row::guardianKey).toArray(String[]::new))
        .param("at", rows.stream().map(r -> Timestamp.from(r.registeredAt())).toArray(Timestamp[]::new))
        .update();
  }

  /**
   * The classes among {@code classes}, in order, whose count of registered students ({@link
   * RegistrationCounts}, by class id) is above their enrolment.
   */
  private static List<String> overEnrolled(java.util.SortedMap<String, Long> registered,
      Map<String, SchoolClasses.SchoolClass> classes) {
    return registered.entrySet().stream()
        .filter(e -> classes.containsKey(e.getKey()) && e.getValue() > classes.get(e.getKey()).enrolment())
        .map(e -> "class " + e.getKey() + ": " + e.getValue() + " students with a registered guardian but only "
            + classes.get(e.getKey()).enrolment() + " enrolled")
        .toList();
  }

  /** Distinct students of a class with a registered guardian. */
  long registeredStudents(String schoolId, String classId) {
    return counts.students(schoolId, classId);
  }
}
