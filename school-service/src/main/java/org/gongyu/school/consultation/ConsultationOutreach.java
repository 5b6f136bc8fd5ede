package org.gongyu.school.consultation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.privacy.Pseudonymizer;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.IdempotentBatch;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.studentrecords.StudentRecordChecks;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ingests batches of consultation-service outreach, all or nothing, idempotently by external id. */
@Service
class ConsultationOutreach {

  /** Periods start in 2000 at the earliest; nothing older is a record of this platform. */
  static final LocalDate EARLIEST = LocalDate.of(2001, 1, 1);

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final SnapshotService snapshots;
  private final Pseudonymizer pseudonymizer;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final CityCalendar calendar;
  private final RecordTrail trail;

  /** The family's name in the record trail; its content is the {@link View} (no student). */
  static final String FAMILY = "CONSULTATION_OUTREACH";

  /** A delivery as the school reads it back and as its trail keeps it: no student. */
  record View(String externalId, String classId, String channel, LocalDate deliveredOn) {}

  ConsultationOutreach(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SchoolRegistry registry, SchoolClasses classes,
      SnapshotService snapshots, Pseudonymizer pseudonymizer, ApplicationEventPublisher events, Clock clock,
      CityCalendar calendar, RecordTrail trail) {
    this.trail = trail;
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.registry = registry;
    this.classes = classes;
    this.snapshots = snapshots;
    this.pseudonymizer = pseudonymizer;
    this.events = events;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** What a batch did, and the school-year figures of the years it concerns. */
  record Outcome(int received, int accepted, int alreadyRecorded, List<SnapshotService.Snapshot> snapshots) {}

  /** A delivery as stored: the student already pseudonymised. */
  private record Row(String externalId, String classId, String studentKey, String channel, LocalDate deliveredOn) {
    View view() {
      return new View(externalId, classId, channel, deliveredOn);
    }
  }

  @Transactional
  Outcome ingest(String schoolId, OutreachBatch batch) {
    registry.lockForUpdate(schoolId);
    LocalDate today = calendar.today();
    List<OutreachBatch.Delivery> records = batch.records();
    Map<String, SchoolClasses.SchoolClass> known =
        classes.findAll(schoolId, records.stream().map(OutreachBatch.Delivery::classId).distinct().toList());
    List<String> errors = new ArrayList<>();
    IdempotentBatch<Row> rows = IdempotentBatch.keyedBy(Row::externalId);
    for (int i = 0; i < records.size(); i++) {
      OutreachBatch.Delivery d = records.get(i);
      String at = "records[" + i + "].";
      boolean dated = true;
      if (d.deliveredOn().isAfter(today)) {
        errors.add(at + "deliveredOn: " + d.deliveredOn() + " is in the future");
        dated = false;
      } else if (d.deliveredOn().isBefore(EARLIEST)) {
        errors.add(at + "deliveredOn: " + d.deliveredOn() + " is before " + EARLIEST);
        dated = false;
      }
      SchoolClasses.SchoolClass c = known.get(d.classId());
      if (c == null) {
        errors.add(at + "classId: class " + d.classId() + " is not recorded at school " + schoolId);
      } else if (dated) {
        String year = schoolYearOf(d.deliveredOn());
        if (!c.schoolYear().equals(year)) {
          errors.add(at + "classId: class " + d.classId() + " belongs to school year " + c.schoolYear()
              + ", but deliveredOn " + d.deliveredOn() + " falls in school year " + year);
        }
      }
      Row row = new Row(d.externalId(), d.classId(), pseudonymizer.student(schoolId, d.studentRef()), d.channel().name(),
          d.deliveredOn());
      rows.add(i, row, at, errors);
    }
    IdempotentBatch.rejectIf("batch", errors);

    // a withdrawn item re-sent in a batch is not recorded again (it counts as already recorded)
    List<Row> fresh = trail.notWithdrawn(schoolId, FAMILY, rows.fresh(stored(schoolId, rows.keys()), "record"), Row::externalId);
    insert(schoolId, fresh);
    List<String> over = overEnrolled(schoolId, fresh.stream().map(Row::classId).distinct().toList());
    IdempotentBatch.rejectIf("batch", over);
    if (!fresh.isEmpty()) {
      // one announcement per batch, with every day it touches: each school year is re-derived once
      events.publishEvent(RecordsChanged.of(schoolId, fresh.stream().map(Row::deliveredOn).distinct().toList(),
          IndicatorCodes.CONSULTATION_OUTREACH));
    }
    return new Outcome(records.size(), fresh.size(), records.size() - fresh.size(),
        latest(schoolId, rows.rows().stream().map(Row::deliveredOn).toList()));
  }

  /** The outcome of a PUT of one item. */
  record Saved(boolean created, View item, int version, List<SnapshotService.Snapshot> snapshots) {}

  /** Records (201) or corrects (200, reason required) one delivery; the same content again changes nothing. */
  @Transactional
  Saved put(String schoolId, String externalId, OutreachItemRequest r) {
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    boolean dated = true;
    if (r.deliveredOn().isAfter(calendar.today())) {
      errors.add("deliveredOn: " + r.deliveredOn() + " is in the future");
      dated = false;
    } else if (r.deliveredOn().isBefore(EARLIEST)) {
      errors.add("deliveredOn: " + r.deliveredOn() + " is before " + EARLIEST);
      dated = false;
    }
    SchoolClasses.SchoolClass c = classes.find(schoolId, r.classId()).orElse(null);
    if (c == null) {
      errors.add("classId: class " + r.classId() + " is not recorded at school " + schoolId);
    } else if (dated && !c.schoolYear().equals(schoolYearOf(r.deliveredOn()))) {
      errors.add("classId: class " + r.classId() + " belongs to school year " + c.schoolYear()
          + ", but deliveredOn " + r.deliveredOn() + " falls in school year " + schoolYearOf(r.deliveredOn()));
    }
    StudentRecordChecks.rejectIf(errors);
    Row wanted = new Row(externalId, r.classId(), pseudonymizer.student(schoolId, r.studentRef()), r.channel().name(), r.deliveredOn());
    Optional<Row> existing = stored(schoolId, Set.of(externalId)).stream().findFirst();
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved(false, wanted.view(), trail.versionOf(schoolId, FAMILY, externalId),
          latest(schoolId, List.of(wanted.deliveredOn())));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, externalId);
      insert(schoolId, List.of(wanted));
    } else {
      jdbc.sql("""
              update consultation_outreach set class_id = ?, student_key = ?, channel = ?, delivered_on = ?
              where school_id = ? and external_id = ?""")
          .params(wanted.classId(), wanted.studentKey(), wanted.channel(), Date.valueOf(wanted.deliveredOn()), schoolId, externalId)
          .update();
    }
    StudentRecordChecks.rejectIf(overEnrolled(schoolId, List.of(wanted.classId())));
    Set<LocalDate> days = new TreeSet<>(List.of(wanted.deliveredOn()));
    existing.ifPresent(e -> days.add(e.deliveredOn()));
    List<SnapshotService.Snapshot> figures = snapshots.refresh(RecordsChanged.of(schoolId, days, IndicatorCodes.CONSULTATION_OUTREACH));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, externalId, wanted.view(), reason)
        : trail.corrected(schoolId, FAMILY, externalId, existing.get().view(), wanted.view(), reason);
    return new Saved(existing.isEmpty(), wanted.view(), version, figures);
  }

  /** Withdraws one delivery: it leaves the table (no figure counts it) and stays in its trail without the student. */
  @Transactional
  Tracked<View> withdraw(String schoolId, String externalId, String reason) {
    registry.lockForUpdate(schoolId);
    Row existing = trail.requireWithdrawable(schoolId, FAMILY, externalId, stored(schoolId, Set.of(externalId)).stream().findFirst());
    jdbc.sql("delete from consultation_outreach where school_id = ? and external_id = ?").params(schoolId, externalId).update();
    snapshots.refresh(RecordsChanged.of(schoolId, existing.deliveredOn(), IndicatorCodes.CONSULTATION_OUTREACH));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, externalId, existing.view(), reason);
    return Tracked.withdrawn(existing.view(), w.version(), w.reason(), w.at());
  }

  /** One delivery as the school reads it back, active or withdrawn. */
  Optional<Tracked<View>> read(String schoolId, String externalId) {
    return trail.read(schoolId, FAMILY, externalId, stored(schoolId, Set.of(externalId)).stream().findFirst()
        .map(Row::view), View.class);
  }

  /** The deliveries dated in [start, end) (of one class if given), active then withdrawn. */
  List<Tracked<View>> list(String schoolId, LocalDate start, LocalDate end, String classId) {
    registry.require(schoolId);
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<View>> all = new ArrayList<>(jdbc.sql("""
            select external_id, class_id, student_key, channel, delivered_on from consultation_outreach
            where school_id = ? and delivered_on >= ? and delivered_on < ? order by delivered_on, external_id""")
        .params(schoolId, Date.valueOf(start), Date.valueOf(end))
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate()))
        .list().stream().map(s -> trail.active(s.view(), versions, s.externalId())).toList());
    trail.withdrawnRecords(schoolId, FAMILY, View.class).stream()
        .filter(t -> !t.record().deliveredOn().isBefore(start) && t.record().deliveredOn().isBefore(end))
        .forEach(all::add);
    return all.stream().filter(t -> classId == null || classId.equals(t.record().classId())).toList();
  }

  List<HistoryEntry> history(String schoolId, String externalId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, externalId, stored(schoolId, Set.of(externalId)).stream().findFirst().map(Row::view));
  }

  private String schoolYearOf(LocalDate day) {
    return Period.containing(PeriodType.SCHOOL_YEAR, day, calendar.calendar()).id();
  }

  private List<SnapshotService.Snapshot> latest(String schoolId, Collection<LocalDate> days) {
    Set<String> years = new TreeSet<>();
    days.forEach(d -> years.add(schoolYearOf(d)));
    return years.stream()
        .map(y -> snapshots.latest(schoolId, IndicatorCodes.CONSULTATION_OUTREACH, y))
        .flatMap(Optional::stream)
        .toList();
  }

  private List<Row> stored(String schoolId, Set<String> externalIds) {
    return jdbc.sql("""
            select external_id, class_id, student_key, channel, delivered_on from consultation_outreach
            where school_id = ? and external_id = any(?)
            """)
        .params(schoolId, externalIds.toArray(String[]::new))
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getDate(5).toLocalDate()))
        .list();
  }

  private void insert(String schoolId, List<Row> rows) {
    Timestamp received = Timestamp.from(clock.instant());
    jdbcTemplate.batchUpdate("""
            insert into consultation_outreach (school_id, external_id, class_id, student_key, channel, delivered_on, received_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """,
        rows, 500, (ps, r) -> {
          ps.setString(1, schoolId);
          ps.setString(2, r.externalId());
          ps.setString(3, r.classId());
          ps.setString(4, r.studentKey());
          ps.setString(5, r.channel());
          ps.setDate(6, Date.valueOf(r.deliveredOn()));
          ps.setTimestamp(7, received);
        });
  }

  /** Classes among {@code classIds} whose families told outnumber the students enrolled. */
  private List<String> overEnrolled(String schoolId, List<String> classIds) {
    return StudentRecordChecks.overEnrolled(jdbc, "consultation_outreach", schoolId, classIds, (classId, students, enrolment) ->
        "classId: class " + classId + " would have " + students + " students whose family received the information but only "
            + enrolment + " enrolled");
  }

  /** Distinct students of a class whose family received the information. */
  long reachedStudents(String schoolId, String classId) {
    return StudentRecordChecks.studentsOfClass(jdbc, "consultation_outreach", schoolId, classId);
  }
}
