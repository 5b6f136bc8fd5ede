package org.gongyu.school.parentschool;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.registry.SchoolRegistry;
import org.gongyu.school.privacy.PersonalDataGuard;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Parent-school sessions: recorded, corrected and withdrawn by id. */
@Service
class Sessions {

  private static final String COLUMNS = "session_id, session_type, class_id, session_date, topic, lecturer, mode, attendance, lecturer_id";

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final ApplicationEventPublisher events;
  private final CityCalendar calendar;
  private final Clock clock;
  private final PersonalDataGuard guard;
  private final RecordTrail trail;
  private final RegistryLecturers lecturers;

  /** The family's name in the record trail. */
  static final String FAMILY = "PARENT_SCHOOL_SESSION";

  Sessions(JdbcClient jdbc, SchoolRegistry registry, SchoolClasses classes, ApplicationEventPublisher events, CityCalendar calendar,
      Clock clock, PersonalDataGuard guard, RecordTrail trail, RegistryLecturers lecturers) {
    this.trail = trail;
    this.lecturers = lecturers;
    this.jdbc = jdbc;
    this.registry = registry;
    this.classes = classes;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
    this.guard = guard;
  }

  @Transactional
  Saved<Session> put(String schoolId, String sessionId, SessionRequest request) {
    if (request.type() == Session.Type.CLASS && request.classId() == null) {
      throw ApiProblem.badRequest(Msg.msg("school.session.class-required"));
    }
    if (request.type() == Session.Type.COLLECTIVE && request.classId() != null) {
      throw ApiProblem.badRequest(Msg.msg("school.session.collective-no-class"));
    }
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    RecordDays.check(errors, "date", request.date(), calendar.today());
    if (request.classId() != null && !request.date().isBefore(RecordDays.EARLIEST)) {
      String year = Period.containing(PeriodType.SCHOOL_YEAR, request.date(), calendar.calendar()).id();
      Optional<SchoolClasses.SchoolClass> c = classes.find(schoolId, request.classId());
      if (c.isEmpty()) {
        errors.add("classId: class " + request.classId() + " is not recorded at school " + schoolId);
      } else if (!c.get().schoolYear().equals(year)) {
        errors.add("classId: class " + request.classId() + " belongs to school year " + c.get().schoolYear()
            + ", but the session's date " + request.date() + " is in " + year);
      }
    }
    String lecturer = request.lecturer() == null || request.lecturer().isBlank() ? null : request.lecturer().strip();
    if (request.lecturerId() != null) {
      Optional<RegistryLecturers.Lecturer> named = lecturers.find(request.lecturerId());
      if (named.isEmpty()) {
        errors.add("lecturerId: " + request.lecturerId() + " is not a lecturer of the city's registry");
      } else if (lecturer == null) {
        lecturer = named.get().displayName();
      }
    } else if (lecturer == null) {
      errors.add("lecturer: required unless lecturerId names a lecturer of the city's registry");
    }
    // read by county and city users: no personal data of students and parents (issue 12)
    errors.addAll(guard.problems(schoolId, PersonalDataGuard.texts(
        "sessionId", sessionId, "classId", request.classId(), "topic", request.topic(), "lecturer", lecturer)));
    RecordDays.rejectIfAny(errors);

    Session wanted = new Session(sessionId, request.type(), request.classId(), request.date(), request.topic(), lecturer,
        request.mode(), request.attendance(), request.lecturerId());
    Optional<Session> existing = find(schoolId, sessionId);
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved<>(false, false, wanted, trail.versionOf(schoolId, FAMILY, sessionId));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(request.reason()) : request.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, sessionId);
    }
    jdbc.sql("""
            insert into parent_school_session (school_id, session_id, session_type, class_id, session_date, topic, lecturer, mode,
              attendance, updated_at, lecturer_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (school_id, session_id) do update set session_type = excluded.session_type, class_id = excluded.class_id,
              session_date = excluded.session_date, topic = excluded.topic, lecturer = excluded.lecturer, mode = excluded.mode,
              attendance = excluded.attendance, updated_at = excluded.updated_at,
              lecturer_id = excluded.lecturer_id
            """)
        .params(schoolId, sessionId, wanted.type().name(), wanted.classId(), wanted.date(), wanted.topic(), wanted.lecturer(),
            wanted.mode().name(), wanted.attendance(), Timestamp.from(clock.instant()), wanted.lecturerId())
        .update();
    // a corrected date moves the session between semesters: re-derive the old one and the new one
    List<LocalDate> days = new ArrayList<>(List.of(wanted.date()));
    existing.ifPresent(e -> days.add(e.date()));
    events.publishEvent(RecordsChanged.of(schoolId, days, IndicatorCodes.COLLECTIVE_SESSIONS, IndicatorCodes.CLASS_SESSIONS,
        IndicatorCodes.LECTURER_REGISTRATION));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, sessionId, wanted, reason)
        : trail.corrected(schoolId, FAMILY, sessionId, existing.get(), wanted, reason);
    return new Saved<>(existing.isEmpty(), true, wanted, version);
  }

  /**
   * Withdraws a session: it leaves the table (no figure counts it) and stays in its trail, readable
   * to the school as withdrawn. 404 if it was never recorded, 409 if it is withdrawn already.
   */
  @Transactional
  Tracked<Session> withdraw(String schoolId, String sessionId, String reason) {
    registry.lockForUpdate(schoolId);
    Session existing = trail.requireWithdrawable(schoolId, FAMILY, sessionId, find(schoolId, sessionId));
    jdbc.sql("delete from parent_school_session where school_id = ? and session_id = ?").params(schoolId, sessionId).update();
    events.publishEvent(RecordsChanged.of(schoolId, Set.of(existing.date()),
        IndicatorCodes.COLLECTIVE_SESSIONS, IndicatorCodes.CLASS_SESSIONS, IndicatorCodes.LECTURER_REGISTRATION));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, sessionId, existing, reason);
    return Tracked.withdrawn(existing, w.version(), w.reason(), w.at());
  }

  /** A session as the school reads it back: active, or (to the school's own users) withdrawn. */
  Optional<Tracked<Session>> read(String schoolId, String sessionId, boolean withWithdrawn) {
    Optional<Session> active = find(schoolId, sessionId);
    if (active.isPresent()) {
      return Optional.of(Tracked.active(active.get(),
          trail.versionOf(schoolId, FAMILY, sessionId)));
    }
    return withWithdrawn ? trail.withdrawnRecord(schoolId, FAMILY, sessionId, Session.class) : Optional.empty();
  }

  /** Sessions dated in [start, endExclusive), of one class if given; withdrawn ones after the active ones if asked. */
  List<Tracked<Session>> list(String schoolId, LocalDate start, LocalDate endExclusive, String classId, boolean withWithdrawn) {
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<Session>> list = new ArrayList<>();
    between(schoolId, start, endExclusive).stream()
        .filter(s -> classId == null || classId.equals(s.classId()))
        .forEach(s -> list.add(trail.active(s, versions, s.sessionId())));
    if (withWithdrawn) {
      trail.withdrawnRecords(schoolId, FAMILY, Session.class).stream()
          .filter(t -> !t.record().date().isBefore(start) && t.record().date().isBefore(endExclusive))
          .filter(t -> classId == null || classId.equals(t.record().classId()))
          .forEach(list::add);
    }
    return list;
  }

  List<HistoryEntry> history(String schoolId, String sessionId) {
    return trail.history(schoolId, FAMILY, sessionId, find(schoolId, sessionId));
  }

  Optional<Session> find(String schoolId, String sessionId) {
    return jdbc.sql("select " + COLUMNS + " from parent_school_session where school_id = ? and session_id = ?")
        .params(schoolId, sessionId)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /** Sessions dated in [start, endExclusive). */
  List<Session> between(String schoolId, LocalDate start, LocalDate endExclusive) {
    return jdbc.sql("select " + COLUMNS + " from parent_school_session where school_id = ? and session_date >= ? and session_date < ?"
            + " order by session_date, session_id")
        .params(schoolId, start, endExclusive)
        .query((rs, n) -> map(rs))
        .list();
  }

  private static Session map(ResultSet rs) throws SQLException {
    return new Session(rs.getString(1), Session.Type.valueOf(rs.getString(2)), rs.getString(3), rs.getObject(4, LocalDate.class),
        rs.getString(5), rs.getString(6), Session.Mode.valueOf(rs.getString(7)), rs.getInt(8), rs.getString(9));
  }
}
