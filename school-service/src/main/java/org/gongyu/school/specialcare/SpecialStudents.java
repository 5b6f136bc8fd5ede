package org.gongyu.school.specialcare;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

  private static final Map<String, PeriodType> FEEDS = Map.of(IndicatorCodes.SPECIAL_CARE, PeriodType.SEMESTER);

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final SnapshotService snapshots;
  private final Pseudonymizer pseudonymizer;
  private final FieldCipher cipher;
  private final Clock clock;
  private final CityCalendar calendar;
  private final GuardianConsents consents;

  SpecialStudents(JdbcClient jdbc, SchoolRegistry registry, SchoolClasses classes, SnapshotService snapshots,
      Pseudonymizer pseudonymizer, FieldCipher cipher, Clock clock, CityCalendar calendar, GuardianConsents consents) {
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
  record Saved(boolean created, boolean changed, Entry entry, List<SnapshotService.Snapshot> snapshots) {}

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
      consents.requireStanding(schoolId, wanted.studentKey(), GuardianConsents.Category.SPECIAL_CARE, r.registeredOn());
    }
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved(false, false, wanted,
          StudentRecordChecks.latest(snapshots, calendar, schoolId, semesterStarts(wanted.dates().toList()), FEEDS));
    }
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
        snapshots.refresh(RecordsChanged.of(schoolId, semesterStarts(touched), IndicatorCodes.SPECIAL_CARE));
    return new Saved(existing.isEmpty(), true, wanted, figures);
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
