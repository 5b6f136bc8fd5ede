package org.gongyu.school.openschool;

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
import org.gongyu.school.privacy.PersonalDataGuard;
import org.gongyu.school.privacy.Pseudonymizer;
import org.gongyu.school.records.Findings;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Open-school events: recorded, corrected and withdrawn by id. */
@Service
class OpenSchoolEvents {

  /** The family's name in the record trail; its content is the {@link OpenSchoolEvent} (no parent key). */
  static final String FAMILY = "OPEN_SCHOOL_EVENT";

  /** Periods start in 2000 at the earliest; nothing older is a record of this platform. */
  static final LocalDate EARLIEST = LocalDate.of(2001, 1, 1);

  private static final String COLUMNS =
      "event_id, event_type, class_id, event_date, mode, theme, attendance, profession, guardian_key";

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final ApplicationEventPublisher events;
  private final CityCalendar calendar;
  private final Clock clock;
  private final PersonalDataGuard guard;
  private final Pseudonymizer pseudonymizer;
  private final RecordTrail trail;

  OpenSchoolEvents(JdbcClient jdbc, SchoolRegistry registry, SchoolClasses classes, ApplicationEventPublisher events,
      CityCalendar calendar, Clock clock, PersonalDataGuard guard, Pseudonymizer pseudonymizer, RecordTrail trail) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.classes = classes;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
    this.guard = guard;
    this.pseudonymizer = pseudonymizer;
    this.trail = trail;
  }

  /** An event as stored: the view and the parent's key (null if none). */
  record Stored(OpenSchoolEvent event, String guardianKey) {}

  /** The outcome of a PUT. */
  record Saved(boolean created, boolean changed, OpenSchoolEvent event, int version) {}

  /** The indicators an event can feed. */
  static final String[] FEEDS = {IndicatorCodes.PARENT_MEETINGS, IndicatorCodes.LECTURE_HALL_SESSIONS};

  @Transactional
  Saved put(String schoolId, String eventId, OpenSchoolEventRequest r) {
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    LocalDate today = calendar.today();
    if (r.date().isAfter(today)) {
      errors.add("date: " + r.date() + " is in the future");
    } else if (r.date().isBefore(EARLIEST)) {
      errors.add("date: " + r.date() + " is before " + EARLIEST);
    }
    boolean classroom = r.type() == OpenSchoolEvent.Type.PARENTS_INTO_CLASSROOM;
    if (classroom && r.classId() == null) {
      errors.add("classId: a PARENTS_INTO_CLASSROOM session is held in one class");
    }
    if (classroom && (r.profession() == null || r.profession().isBlank())) {
      errors.add("profession: a PARENTS_INTO_CLASSROOM session needs the profession of the parent who taught");
    }
    if (!classroom && r.profession() != null) {
      errors.add("profession: only a PARENTS_INTO_CLASSROOM session has one, this event is " + r.type());
    }
    if (!classroom && r.parentRef() != null) {
      errors.add("parentRef: only a PARENTS_INTO_CLASSROOM session has one, this event is " + r.type());
    }
    if (r.type() == OpenSchoolEvent.Type.ONLINE_THEME && r.mode() != OpenSchoolEvent.Mode.ONLINE) {
      errors.add("mode: an ONLINE_THEME activity is held ONLINE");
    }
    if (r.classId() != null && !r.date().isBefore(EARLIEST)) {
      String year = Period.containing(PeriodType.SCHOOL_YEAR, r.date(), calendar.calendar()).id();
      Optional<SchoolClasses.SchoolClass> c = classes.find(schoolId, r.classId());
      if (c.isEmpty()) {
        errors.add("classId: class " + r.classId() + " is not recorded at school " + schoolId);
      } else if (!c.get().schoolYear().equals(year)) {
        errors.add("classId: class " + r.classId() + " belongs to school year " + c.get().schoolYear()
            + ", but the event's date " + r.date() + " is in " + year);
      }
    }
    // read back by the school's users only, but kept free of students' and parents' personal data (issue 12)
    errors.addAll(guard.problems(schoolId, PersonalDataGuard.texts(
        "eventId", eventId, "classId", r.classId(), "theme", r.theme(), "profession", r.profession())));
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.nothing-stored", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }

    String key = r.parentRef() == null ? null : pseudonymizer.guardian(schoolId, r.parentRef().strip());
    OpenSchoolEvent view = new OpenSchoolEvent(eventId, r.type(), r.classId(), r.date(), r.mode(), r.theme().strip(),
        r.attendance(), r.profession() == null ? null : r.profession().strip(), key != null);
    Stored wanted = new Stored(view, key);
    Optional<Stored> existing = find(schoolId, eventId);
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved(false, false, view, trail.versionOf(schoolId, FAMILY, eventId));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, eventId);
    }
    jdbc.sql("""
            insert into open_school_event (school_id, event_id, event_type, class_id, event_date, mode, theme, attendance,
              profession, guardian_key, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (school_id, event_id) do update set event_type = excluded.event_type, class_id = excluded.class_id,
              event_date = excluded.event_date, mode = excluded.mode, theme = excluded.theme, attendance = excluded.attendance,
              profession = excluded.profession, guardian_key = excluded.guardian_key, updated_at = excluded.updated_at
            """)
        .params(schoolId, eventId, view.type().name(), view.classId(), view.date(), view.mode().name(), view.theme(),
            view.attendance(), view.profession(), key, Timestamp.from(clock.instant()))
        .update();
    // a corrected date (or type) moves the event between periods: re-derive the old one and the new one
    List<LocalDate> days = new ArrayList<>(List.of(view.date()));
    existing.ifPresent(e -> days.add(e.event().date()));
    events.publishEvent(RecordsChanged.of(schoolId, days, FEEDS));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, eventId, view, reason)
        : trail.corrected(schoolId, FAMILY, eventId, existing.get().event(), view, reason);
    return new Saved(existing.isEmpty(), true, view, version);
  }

  /** Withdraws an event: it leaves the table (no figure counts it) and stays in its trail. 404 unknown, 409 withdrawn already. */
  @Transactional
  Tracked<OpenSchoolEvent> withdraw(String schoolId, String eventId, String reason) {
    registry.lockForUpdate(schoolId);
    OpenSchoolEvent existing = trail.requireWithdrawable(schoolId, FAMILY, eventId, find(schoolId, eventId).map(Stored::event));
    jdbc.sql("delete from open_school_event where school_id = ? and event_id = ?").params(schoolId, eventId).update();
    events.publishEvent(RecordsChanged.of(schoolId, Set.of(existing.date()), FEEDS));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, eventId, existing, reason);
    return Tracked.withdrawn(existing, w.version(), w.reason(), w.at());
  }

  Optional<Tracked<OpenSchoolEvent>> read(String schoolId, String eventId) {
    registry.require(schoolId);
    return trail.read(schoolId, FAMILY, eventId, find(schoolId, eventId).map(Stored::event), OpenSchoolEvent.class);
  }

  /** Events dated in [start, endExclusive), of one class and one type if given: active ones, then withdrawn ones. */
  List<Tracked<OpenSchoolEvent>> list(String schoolId, LocalDate start, LocalDate endExclusive, String classId,
      OpenSchoolEvent.Type type) {
    registry.require(schoolId);
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<OpenSchoolEvent>> list = new ArrayList<>();
    between(schoolId, start, endExclusive).stream()
        .filter(e -> classId == null || classId.equals(e.classId()))
        .filter(e -> type == null || type == e.type())
        .forEach(e -> list.add(trail.active(e, versions, e.eventId())));
    trail.withdrawnRecords(schoolId, FAMILY, OpenSchoolEvent.class).stream()
        .filter(t -> !t.record().date().isBefore(start) && t.record().date().isBefore(endExclusive))
        .filter(t -> classId == null || classId.equals(t.record().classId()))
        .filter(t -> type == null || type == t.record().type())
        .forEach(list::add);
    return list;
  }

  List<HistoryEntry> history(String schoolId, String eventId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, eventId, find(schoolId, eventId).map(Stored::event));
  }

  Optional<Stored> find(String schoolId, String eventId) {
    return jdbc.sql("select " + COLUMNS + " from open_school_event where school_id = ? and event_id = ?")
        .params(schoolId, eventId)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /** Events dated in [start, endExclusive). */
  List<OpenSchoolEvent> between(String schoolId, LocalDate start, LocalDate endExclusive) {
    return jdbc.sql("select " + COLUMNS + " from open_school_event where school_id = ? and event_date >= ? and event_date < ?"
            + " order by event_date, event_id")
        .params(schoolId, start, endExclusive)
        .query((rs, n) -> map(rs).event())
        .list();
  }

  private static Stored map(ResultSet rs) throws SQLException {
    String key = rs.getString(9);
    return new Stored(new OpenSchoolEvent(rs.getString(1), OpenSchoolEvent.Type.valueOf(rs.getString(2)), rs.getString(3),
        rs.getObject(4, LocalDate.class), OpenSchoolEvent.Mode.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7),
        rs.getString(8), key != null), key == null ? null : key.strip());
  }
}
