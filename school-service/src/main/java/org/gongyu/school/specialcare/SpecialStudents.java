package org.gongyu.school.specialcare;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.privacy.FieldCipher;
import org.gongyu.school.privacy.GuardianConsents;
import org.gongyu.school.privacy.Pseudonymizer;
import org.gongyu.school.registry.SchoolRegistry;
import org.gongyu.school.studentrecords.StudentRecordChecks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the special-student register: create or correct an entry by its id. */
@Service
class SpecialStudents {

  private static final List<String> FEEDS = List.of(IndicatorCodes.SPECIAL_CARE);

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final SnapshotService snapshots;
  private final Pseudonymizer pseudonymizer;
  private final FieldCipher cipher;
  private final Clock clock;
  private final CityCalendar calendar;
  private final GuardianConsents consents;
  private final RecordTrail trail;

  /** The family's name in the record trail; its content is the {@link View} (no student, no notes). */
  static final String FAMILY = "SPECIAL_STUDENT";

  /** An entry as reads show it and as its trail keeps it: no student reference, no notes. */
  record View(String entryId, String classId, String category, LocalDate registeredOn, LocalDate careFileOn,
      LocalDate assistancePlanOn, LocalDate closedOn) {
    static View of(String entryId, Entry e) {
      return new View(entryId, e.classId(), e.category().name(), e.registeredOn(), e.careFileOn(), e.assistancePlanOn(), e.closedOn());
    }
  }

  SpecialStudents(JdbcClient jdbc, SchoolRegistry registry, SchoolClasses classes, SnapshotService snapshots,
      Pseudonymizer pseudonymizer, FieldCipher cipher, Clock clock, CityCalendar calendar, GuardianConsents consents,
      RecordTrail trail) {
    this.trail = trail;
    this.consents = consents;
    this.jdbc = jdbc;
    this.registry = registry;
    this.classes = classes;
    this.snapshots = snapshots;
    this.pseudonymizer = pseudonymizer;
    this.cipher = cipher;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** An entry as it stands, notes decrypted: held in memory only to compare with a PUT. */
  record Entry(String classId, String studentKey, Category category, LocalDate registeredOn, LocalDate careFileOn,
      LocalDate assistancePlanOn, LocalDate closedOn, String notes) {

    Stream<LocalDate> dates() {
      return Stream.of(registeredOn, careFileOn, assistancePlanOn, closedOn).filter(Objects::nonNull);
    }
  }

  /** The outcome of a PUT. */
  record Saved(boolean created, boolean changed, Entry entry, List<SnapshotService.Snapshot> snapshots, int version) {}

  @Transactional
  Saved put(String schoolId, String entryId, SpecialStudentRequest r) {
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    StudentRecordChecks.classOnDay(schoolId, classes.find(schoolId, r.classId()).orElse(null), r.classId(), r.registeredOn(),
        calendar, "classId", "registeredOn", errors);
    for (var optional : List.of(Map.entry("careFileOn", Optional.ofNullable(r.careFileOn())),
        Map.entry("assistancePlanOn", Optional.ofNullable(r.assistancePlanOn())), Map.entry("closedOn", Optional.ofNullable(r.closedOn())))) {
      optional.getValue().ifPresent(day -> StudentRecordChecks.dateProblems(day, calendar, optional.getKey(), errors));
    }
    notBeforeRegistration("careFileOn", r.careFileOn(), r.registeredOn(), errors);
    notBeforeRegistration("assistancePlanOn", r.assistancePlanOn(), r.registeredOn(), errors);
    notBeforeRegistration("closedOn", r.closedOn(), r.registeredOn(), errors);
    StudentRecordChecks.rejectIf(errors);

    Entry wanted = new Entry(r.classId(), pseudonymizer.student(schoolId, r.studentRef()), r.category(), r.registeredOn(),
        r.careFileOn(), r.assistancePlanOn(), r.closedOn(), r.notes());
    Optional<Entry> existing = find(schoolId, entryId);
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, entryId);
      consents.requireStanding(schoolId, wanted.studentKey(), GuardianConsents.Category.SPECIAL_CARE, r.registeredOn());
    }
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved(false, false, wanted,
          StudentRecordChecks.latest(snapshots, schoolId, semesterStarts(wanted.dates().toList()), FEEDS),
          trail.versionOf(schoolId, FAMILY, entryId));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    jdbc.sql("""
            insert into special_student (school_id, entry_id, class_id, student_key, category, registered_on, care_file_on,
              assistance_plan_on, closed_on, notes, updated_at)
            values (:school, :entry, :class, :student, :category, :registered, :careFile, :plan, :closed, :notes, :at)
            on conflict (school_id, entry_id) do update set class_id = excluded.class_id, student_key = excluded.student_key,
              category = excluded.category, registered_on = excluded.registered_on, care_file_on = excluded.care_file_on,
              assistance_plan_on = excluded.assistance_plan_on, closed_on = excluded.closed_on, notes = excluded.notes,
              updated_at = excluded.updated_at
            """)
        .param("school", schoolId)
        .param("entry", entryId)
        .param("class", wanted.classId())
        .param("student", wanted.studentKey())
        .param("category", wanted.category().name())
        .param("registered", Date.valueOf(wanted.registeredOn()))
        .param("careFile", date(wanted.careFileOn()), java.sql.Types.DATE)
        .param("plan", date(wanted.assistancePlanOn()), java.sql.Types.DATE)
        .param("closed", date(wanted.closedOn()), java.sql.Types.DATE)
        .param("notes", cipher.encrypt(schoolId, wanted.notes()), java.sql.Types.BINARY)
        .param("at", Timestamp.from(clock.instant()))
        .update();
    // The entry's state counts on the last day of every semester from its earliest date (old or new) on.
    List<LocalDate> touched = Stream.concat(wanted.dates(), existing.stream().flatMap(Entry::dates)).toList();
    List<SnapshotService.Snapshot> figures =
        snapshots.refresh(RecordsChanged.of(schoolId, semesterStarts(touched), IndicatorCodes.SPECIAL_CARE).datedOn(touched));
    View now = View.of(entryId, wanted);
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, entryId, now, reason)
        : trail.corrected(schoolId, FAMILY, entryId, View.of(entryId, existing.get()), now, reason);
    return new Saved(existing.isEmpty(), true, wanted, figures, version);
  }

  /** Withdraws an entry: it leaves the register (no figure counts it) and stays in its trail without student or notes. */
  @Transactional
  Tracked<View> withdraw(String schoolId, String entryId, String reason) {
    registry.lockForUpdate(schoolId);
    Entry existing = trail.requireWithdrawable(schoolId, FAMILY, entryId, find(schoolId, entryId));
    jdbc.sql("delete from special_student where school_id = ? and entry_id = ?").params(schoolId, entryId).update();
    snapshots.refresh(RecordsChanged.of(schoolId, semesterStarts(existing.dates().toList()), IndicatorCodes.SPECIAL_CARE)
        .datedOn(existing.dates().toList()));
    View last = View.of(entryId, existing);
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, entryId, last, reason);
    return Tracked.withdrawn(last, w.version(), w.reason(), w.at());
  }

  /** One entry as the school reads it back, active or withdrawn. */
  Optional<Tracked<View>> read(String schoolId, String entryId) {
    return trail.read(schoolId, FAMILY, entryId, find(schoolId, entryId).map(a -> View.of(entryId, a)), View.class);
  }

  /** The entries registered in a school year (of one class if given), active then withdrawn. */
  List<Tracked<View>> list(String schoolId, Period schoolYear, String classId) {
    registry.require(schoolId);
    LocalDate start = schoolYear.start(calendar.calendar());
    LocalDate end = schoolYear.endExclusive(calendar.calendar());
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<View>> all = new ArrayList<>(jdbc.sql("""
            select entry_id, class_id, category, registered_on, care_file_on, assistance_plan_on, closed_on
            from special_student where school_id = ? and registered_on >= ? and registered_on < ? order by registered_on, entry_id
            """)
        .params(schoolId, Date.valueOf(start), Date.valueOf(end))
        .query((rs, n) -> trail.active(new View(rs.getString(1), rs.getString(2), rs.getString(3), day(rs.getDate(4)),
            day(rs.getDate(5)), day(rs.getDate(6)), day(rs.getDate(7))), versions, rs.getString(1)))
        .list());
    trail.withdrawnRecords(schoolId, FAMILY, View.class).stream()
        .filter(t -> !t.record().registeredOn().isBefore(start) && t.record().registeredOn().isBefore(end))
        .forEach(all::add);
    return all.stream().filter(t -> classId == null || classId.equals(t.record().classId())).toList();
  }

  List<HistoryEntry> history(String schoolId, String entryId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, entryId, find(schoolId, entryId).map(e -> View.of(entryId, e)));
  }

  private static void notBeforeRegistration(String field, LocalDate day, LocalDate registeredOn, List<String> errors) {
    if (day != null && day.isBefore(registeredOn)) {
      errors.add(field + ": " + day + " is before registeredOn " + registeredOn);
    }
  }

  /** The dates and the start of every started semester from the earliest of them on. */
  private Set<LocalDate> semesterStarts(List<LocalDate> dates) {
    Set<LocalDate> days = new TreeSet<>(dates);
    LocalDate today = calendar.today();
    Period semester = Period.containing(PeriodType.SEMESTER, days.iterator().next(), calendar.calendar());
    while (!semester.start(calendar.calendar()).isAfter(today)) {
      days.add(semester.start(calendar.calendar()));
      semester = semester.next();
    }
    return days;
  }

  Optional<Entry> find(String schoolId, String entryId) {
    return jdbc.sql("""
            select class_id, student_key, category, registered_on, care_file_on, assistance_plan_on, closed_on, notes
            from special_student where school_id = ? and entry_id = ?
            """)
        .params(schoolId, entryId)
        .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), Category.valueOf(rs.getString(3)), day(rs.getDate(4)),
            day(rs.getDate(5)), day(rs.getDate(6)), day(rs.getDate(7)), cipher.decrypt(schoolId, rs.getBytes(8))))
        .optional();
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private static LocalDate day(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
