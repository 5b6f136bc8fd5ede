package org.gongyu.school.consultation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import java.util.Optional;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.school.records.Findings;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.privacy.FieldCipher;
import org.gongyu.school.privacy.GuardianConsents;
import org.gongyu.school.privacy.Pseudonymizer;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and corrects consultation cases. A case keeps its student and its opening day; its
 * status moves OPEN → REFERRED → RESOLVED (or OPEN → RESOLVED) and never leaves RESOLVED.
 */
@Service
class ConsultationCases {

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final Pseudonymizer pseudonymizer;
  private final FieldCipher cipher;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final CityCalendar calendar;
  private final GuardianConsents consents;
  private final RecordTrail trail;

  /** The family's name in the record trail; its content is the {@link View} (no student, no notes). */
  static final String FAMILY = "CONSULTATION_CASE";

  /** A case as the school reads it back and as its trail keeps it: no student, no notes. */
  record View(String caseId, String classId, String category, LocalDate openedOn, Instant appointmentAt, String consultant,
      String status, LocalDate resolvedOn) {
    static View of(Case c) {
      return new View(c.caseId(), c.classId(), c.category().name(), c.openedOn(), c.appointmentAt(), c.consultant(),
          c.status().name(), c.resolvedOn());
    }
  }

  ConsultationCases(JdbcClient jdbc, SchoolRegistry registry, SchoolClasses classes, Pseudonymizer pseudonymizer,
      FieldCipher cipher, ApplicationEventPublisher events, Clock clock, CityCalendar calendar, GuardianConsents consents,
      RecordTrail trail) {
    this.trail = trail;
    this.consents = consents;
    this.jdbc = jdbc;
    this.registry = registry;
    this.classes = classes;
    this.pseudonymizer = pseudonymizer;
    this.cipher = cipher;
    this.events = events;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** A case as stored, the notes decrypted; the student only as its key. */
  record Case(String caseId, String classId, String studentKey, CaseRequest.Category category, LocalDate openedOn,
      Instant appointmentAt, String consultant, CaseRequest.Status status, LocalDate resolvedOn, String notes) {}

  /** The outcome of a PUT: whether the case is new, whether anything changed, and how it now stands. */
  record Saved(boolean created, boolean changed, Case stored, int version) {}

  @Transactional
  Saved save(String schoolId, String caseId, CaseRequest r) {
    if (r.status() == CaseRequest.Status.RESOLVED && r.resolvedOn() == null) {
      throw ApiProblem.badRequest(Msg.msg("school.resolved-on-required"));
    }
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    LocalDate today = calendar.today();
    boolean dated = true;
    if (r.openedOn().isAfter(today)) {
      errors.add("openedOn: " + r.openedOn() + " is in the future");
      dated = false;
    } else if (r.openedOn().isBefore(ConsultationOutreach.EARLIEST)) {
      errors.add("openedOn: " + r.openedOn() + " is before " + ConsultationOutreach.EARLIEST);
      dated = false;
    }
    if (r.resolvedOn() != null) {
      if (r.status() != CaseRequest.Status.RESOLVED) {
        errors.add("resolvedOn: only a RESOLVED case has a resolvedOn, this one is " + r.status());
      } else if (r.resolvedOn().isBefore(r.openedOn())) {
        errors.add("resolvedOn: " + r.resolvedOn() + " is before openedOn " + r.openedOn());
      } else if (r.resolvedOn().isAfter(today)) {
        errors.add("resolvedOn: " + r.resolvedOn() + " is in the future");
      }
    }
    Optional<SchoolClasses.SchoolClass> c = classes.find(schoolId, r.classId());
    if (c.isEmpty()) {
      errors.add("classId: class " + r.classId() + " is not recorded at school " + schoolId);
    } else if (dated) {
      String year = Period.containing(PeriodType.SCHOOL_YEAR, r.openedOn(), calendar.calendar()).id();
      if (!c.get().schoolYear().equals(year)) {
        errors.add("classId: class " + r.classId() + " belongs to school year " + c.get().schoolYear()
            + ", but openedOn " + r.openedOn() + " falls in school year " + year);
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.case.not-recorded", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }

    Case wanted = new Case(caseId, r.classId(), pseudonymizer.student(schoolId, r.studentRef()), r.category(), r.openedOn(),
        r.appointmentAt() == null ? null : r.appointmentAt().truncatedTo(ChronoUnit.MICROS), r.consultant(), r.status(),
        r.resolvedOn(), r.notes());
    Optional<Case> existing = find(schoolId, caseId);
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, caseId);
      consents.requireStanding(schoolId, wanted.studentKey(), GuardianConsents.Category.CONSULTATION, r.openedOn());
    }
    if (existing.isPresent()) {
      Case current = existing.get();
      if (!current.studentKey().equals(wanted.studentKey())) {
        throw ApiProblem.conflict(Msg.msg("school.case.other-student", caseId));
      }
      if (!current.openedOn().equals(wanted.openedOn())) {
        throw ApiProblem.conflict(Msg.msg("school.case.opened-on", caseId, current.openedOn()));
      }
      if (!current.status().mayBecome(wanted.status())) {
        throw ApiProblem.conflict(Msg.msg("school.case.transition", caseId, current.status(), wanted.status()));
      }
      if (current.equals(wanted)) {
        return new Saved(false, false, current, trail.versionOf(schoolId, FAMILY, caseId));
      }
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    jdbc.sql("""
            insert into consultation_case (school_id, case_id, class_id, student_key, category, opened_on, appointment_at,
              consultant, status, resolved_on, notes, updated_at)
            values (:school, :case, :class, :student, :category, :opened, :appointment, :consultant, :status, :resolved,
              :notes, :at)
            on conflict (school_id, case_id) do update set class_id = excluded.class_id, category = excluded.category,
              appointment_at = excluded.appointment_at, consultant = excluded.consultant, status = excluded.status,
              resolved_on = excluded.resolved_on, notes = excluded.notes, updated_at = excluded.updated_at
            """)
        .param("school", schoolId)
        .param("case", caseId)
        .param("class", wanted.classId())
        .param("student", wanted.studentKey())
        .param("category", wanted.category().name())
        .param("opened", Date.valueOf(wanted.openedOn()))
        .param("appointment", wanted.appointmentAt() == null ? null : Timestamp.from(wanted.appointmentAt()))
        .param("consultant", wanted.consultant())
        .param("status", wanted.status().name())
        .param("resolved", wanted.resolvedOn() == null ? null : Date.valueOf(wanted.resolvedOn()))
        .param("notes", cipher.encrypt(schoolId, wanted.notes()))
        .param("at", Timestamp.from(clock.instant()))
        .update();
    // The figure of a school year counts the cases opened in it, so the opening day (which never
    // changes) names the only period a case can affect; its resolution day only decides whether it counts.
    events.publishEvent(RecordsChanged.of(schoolId, wanted.openedOn(), IndicatorCodes.CONSULTATION_RESOLUTION,
        IndicatorCodes.PROBLEM_DISCOVERY));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, caseId, View.of(wanted), reason)
        : trail.corrected(schoolId, FAMILY, caseId, View.of(existing.get()), View.of(wanted), reason);
    return new Saved(existing.isEmpty(), true, wanted, version);
  }

  /** Withdraws a case: it leaves the table (no figure counts it) and stays in its trail without student or notes. */
  @Transactional
  Tracked<View> withdraw(String schoolId, String caseId, String reason) {
    registry.lockForUpdate(schoolId);
    Case existing = trail.requireWithdrawable(schoolId, FAMILY, caseId, find(schoolId, caseId));
    jdbc.sql("delete from consultation_case where school_id = ? and case_id = ?").params(schoolId, caseId).update();
    events.publishEvent(RecordsChanged.of(schoolId, existing.openedOn(), IndicatorCodes.CONSULTATION_RESOLUTION,
        IndicatorCodes.PROBLEM_DISCOVERY));
    View last = View.of(existing);
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, caseId, last, reason);
    return Tracked.withdrawn(last, w.version(), w.reason(), w.at());
  }

  /** One case as the school reads it back, active or withdrawn. */
  Optional<Tracked<View>> read(String schoolId, String caseId) {
    return trail.read(schoolId, FAMILY, caseId, find(schoolId, caseId).map(a -> View.of(a)), View.class);
  }

  /** The cases opened in a school year (of one class if given), active then withdrawn. */
  List<Tracked<View>> tracked(String schoolId, Period schoolYear, String classId) {
    registry.require(schoolId);
    LocalDate start = schoolYear.start(calendar.calendar());
    LocalDate end = schoolYear.endExclusive(calendar.calendar());
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<View>> all = new ArrayList<>(jdbc.sql("""
            select case_id, class_id, category, opened_on, appointment_at, consultant, status, resolved_on from consultation_case
            where school_id = ? and opened_on >= ? and opened_on < ? order by opened_on, case_id
            """)
        .params(schoolId, Date.valueOf(start), Date.valueOf(end))
        .query((rs, n) -> trail.active(new View(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
            rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate()), versions, rs.getString(1)))
        .list());
    trail.withdrawnRecords(schoolId, FAMILY, View.class).stream()
        .filter(t -> !t.record().openedOn().isBefore(start) && t.record().openedOn().isBefore(end))
        .forEach(all::add);
    return all.stream().filter(t -> classId == null || classId.equals(t.record().classId())).toList();
  }

  List<HistoryEntry> history(String schoolId, String caseId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, caseId, find(schoolId, caseId).map(View::of));
  }

  Optional<Case> find(String schoolId, String caseId) {
    return jdbc.sql("""
            select case_id, class_id, student_key, category, opened_on, appointment_at, consultant, status, resolved_on, notes
            from consultation_case where school_id = ? and case_id = ?
            """)
        .params(schoolId, caseId)
        .query((rs, n) -> new Case(rs.getString(1), rs.getString(2), rs.getString(3),
            CaseRequest.Category.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate(),
            rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7),
            CaseRequest.Status.valueOf(rs.getString(8)), rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(),
            cipher.decrypt(schoolId, rs.getBytes(10))))
        .optional();
  }

  /** A case as a school admin may list it: no student, no notes. */
  record Listed(String caseId, String category, String status, LocalDate openedOn, Instant appointmentAt,
      LocalDate resolvedOn, String consultant) {}

  /** The cases opened in a school year. */
  List<Listed> list(String schoolId, Period schoolYear) {
    registry.require(schoolId);
    return jdbc.sql("""
            select case_id, category, status, opened_on, appointment_at, resolved_on, consultant from consultation_case
            where school_id = ? and opened_on >= ? and opened_on < ? order by opened_on, case_id
            """)
        .params(schoolId, Date.valueOf(schoolYear.start(calendar.calendar())),
            Date.valueOf(schoolYear.endExclusive(calendar.calendar())))
        .query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
            rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7)))
        .list();
  }
}
