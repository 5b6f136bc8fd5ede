package org.gongyu.school.classes;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.springframework.dao.DataIntegrityViolationException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.contracts.period.Semester;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records classes and enrolment; every change asks for the school's snapshots to be re-derived. */
@Service
public class SchoolClasses {

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final CityCalendar calendar;
  private final RecordTrail trail;

  /** The family's name in the record trail. */
  static final String FAMILY = "SCHOOL_CLASS";

  SchoolClasses(JdbcClient jdbc, SchoolRegistry registry, Clock clock, ApplicationEventPublisher events, CityCalendar calendar,
      RecordTrail trail) {
    this.trail = trail;
    this.jdbc = jdbc;
    this.registry = registry;
    this.clock = clock;
    this.events = events;
    this.calendar = calendar;
  }

  /** A class as stored. */
  public record SchoolClass(String classId, String schoolYear, int grade, String name, int enrolment) {}

  /** The outcome of a PUT: whether the class is new, whether anything changed, and how it now stands. */
  record Saved(boolean created, boolean changed, SchoolClass schoolClass, int version) {}

  @Transactional
  Saved save(String schoolId, String classId, ClassRequest request) {
    try {
      Semester.ofSchoolYear(request.schoolYear());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("schoolYear", e));
    }
    registry.lockForUpdate(schoolId);
    Optional<SchoolClass> existing = find(schoolId, classId);
    SchoolClass wanted = new SchoolClass(classId, request.schoolYear(), request.grade(), request.name(), request.enrolment());
    if (existing.isPresent()) {
      SchoolClass current = existing.get();
      if (!current.schoolYear().equals(wanted.schoolYear())) {
        throw ApiProblem.conflict(Msg.msg("school.class.other-year", classId, current.schoolYear(), wanted.schoolYear()));
      }
      if (current.equals(wanted)) {
        return new Saved(false, false, current, trail.versionOf(schoolId, FAMILY, classId));
      }
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(request.reason()) : request.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, classId);
    }
    jdbc.sql("""
            insert into school_class (school_id, class_id, school_year, grade, name, enrolment, updated_at)
            values (:school, :class, :year, :grade, :name, :enrolment, :at)
            on conflict (school_id, class_id) do update set grade = excluded.grade, name = excluded.name,
              enrolment = excluded.enrolment, updated_at = excluded.updated_at
            """)
        .param("school", schoolId)
        .param("class", classId)
        .param("year", wanted.schoolYear())
        .param("grade", wanted.grade())
        .param("name", wanted.name())
        .param("enrolment", wanted.enrolment())
        .param("at", Timestamp.from(clock.instant()))
        .update();
    // Features holding per-class records veto an enrolment they contradict (rolls this back).
    events.publishEvent(new EnrolmentChanged(schoolId, classId, wanted.enrolment()));
    // Enrolment is the denominator of most indicators: re-derive all of them, for both semesters
    // (and so the school year, the calendar years and the programme cycle) of the class's year.
    events.publishEvent(RecordsChanged.of(schoolId,
        Semester.ofSchoolYear(wanted.schoolYear()).stream().map(s -> s.start(calendar.calendar())).toList()));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, classId, wanted, reason)
        : trail.corrected(schoolId, FAMILY, classId, existing.get(), wanted, reason);
    return new Saved(existing.isEmpty(), true, wanted, version);
  }

  /**
   * Withdraws a class recorded in error: it leaves the table (no enrolment counts it) and stays in
   * its trail. A class that records of the school still name is not withdrawn (409): withdraw or
   * correct those first.
   */
  @Transactional
  Tracked<SchoolClass> withdraw(String schoolId, String classId, String reason) {
    registry.lockForUpdate(schoolId);
    SchoolClass existing = trail.requireWithdrawable(schoolId, FAMILY, classId, find(schoolId, classId));
    try {
      jdbc.sql("delete from school_class where school_id = ? and class_id = ?").params(schoolId, classId).update();
    } catch (DataIntegrityViolationException e) {
      throw ApiProblem.conflict(Msg.msg("school.class.in-use", classId));
    }
    events.publishEvent(RecordsChanged.of(schoolId,
        Semester.ofSchoolYear(existing.schoolYear()).stream().map(s -> s.start(calendar.calendar())).toList()));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, classId, existing, reason);
    return Tracked.withdrawn(existing, w.version(), w.reason(), w.at());
  }

  /** A class as the school reads it back, active or withdrawn. */
  Optional<Tracked<SchoolClass>> read(String schoolId, String classId) {
    return trail.read(schoolId, FAMILY, classId, find(schoolId, classId), SchoolClass.class);
  }

  /** The classes (of one school year if given) as the school reads them back: active ones, then withdrawn ones. */
  List<Tracked<SchoolClass>> tracked(String schoolId, String schoolYear) {
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<SchoolClass>> all = new ArrayList<>();
    list(schoolId).forEach(c -> all.add(trail.active(c, versions, c.classId())));
    all.addAll(trail.withdrawnRecords(schoolId, FAMILY, SchoolClass.class));
    return all.stream().filter(t -> schoolYear == null || schoolYear.equals(t.record().schoolYear())).toList();
  }

  List<HistoryEntry> history(String schoolId, String classId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, classId, find(schoolId, classId));
  }

  public List<SchoolClass> list(String schoolId) {
    registry.require(schoolId);
    return jdbc.sql("select class_id, school_year, grade, name, enrolment from school_class where school_id = ? order by school_year, grade, class_id")
        .param(schoolId)
        .query(SchoolClass.class)
        .list();
  }

  public Optional<SchoolClass> find(String schoolId, String classId) {
    return jdbc.sql("select class_id, school_year, grade, name, enrolment from school_class where school_id = ? and class_id = ?")
        .params(schoolId, classId)
        .query(SchoolClass.class)
        .optional();
  }

  /** The named classes of a school that exist, by id. */
  public Map<String, SchoolClass> findAll(String schoolId, Collection<String> classIds) {
    return jdbc.sql("select class_id, school_year, grade, name, enrolment from school_class where school_id = ? and class_id = any(?)")
        .params(schoolId, classIds.toArray(String[]::new))
        .query(SchoolClass.class)
        .list()
        .stream()
        .collect(Collectors.toMap(SchoolClass::classId, c -> c));
  }

  /** Σ enrolment of the school's classes in a school year. */
  public long totalEnrolment(String schoolId, String schoolYear) {
    return jdbc.sql("select coalesce(sum(enrolment), 0) from school_class where school_id = ? and school_year = ?")
        .params(schoolId, schoolYear)
        .query(Long.class)
        .single();
  }

  /**
   * Published inside the transaction that changes a class's enrolment; a listener that throws
   * rolls the change back.
   */
  public record EnrolmentChanged(String schoolId, String classId, int enrolment) {}
}
