package org.gongyu.school.parentschool;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.IndicatorCodes;
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

/** Certified family-education instructors of the school. */
@Service
class Instructors {

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final ApplicationEventPublisher events;
  private final CityCalendar calendar;
  private final Clock clock;
  private final PersonalDataGuard guard;
  private final RecordTrail trail;

  /** The family's name in the record trail. */
  static final String FAMILY = "INSTRUCTOR";

  Instructors(JdbcClient jdbc, SchoolRegistry registry, ApplicationEventPublisher events, CityCalendar calendar, Clock clock,
      PersonalDataGuard guard, RecordTrail trail) {
    this.trail = trail;
    this.jdbc = jdbc;
    this.registry = registry;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
    this.guard = guard;
  }

  /** An instructor as stored. */
  record Instructor(String instructorId, String name, String certificateNo, LocalDate certifiedOn, LocalDate leftOn) {}

  @Transactional
  Saved<Instructor> put(String schoolId, String instructorId, InstructorRequest request) {
    registry.lockForUpdate(schoolId);
    LocalDate today = calendar.today();
    List<String> errors = new ArrayList<>();
    RecordDays.check(errors, "certifiedOn", request.certifiedOn(), today);
    RecordDays.check(errors, "leftOn", request.leftOn(), today);
    if (request.leftOn() != null && request.leftOn().isBefore(request.certifiedOn())) {
      errors.add("leftOn: " + request.leftOn() + " is before certifiedOn " + request.certifiedOn());
    }
    // read by county and city users: no personal data of students and parents (issue 12)
    errors.addAll(guard.problems(schoolId, PersonalDataGuard.texts(
        "instructorId", instructorId, "name", request.name(), "certificateNo", request.certificateNo())));
    RecordDays.rejectIfAny(errors);

    Instructor wanted = new Instructor(instructorId, request.name(), request.certificateNo(), request.certifiedOn(), request.leftOn());
    Optional<Instructor> existing = find(schoolId, instructorId);
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved<>(false, false, wanted, trail.versionOf(schoolId, FAMILY, instructorId));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(request.reason()) : request.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, instructorId);
    }
    jdbc.sql("""
            insert into instructor (school_id, instructor_id, name, certificate_no, certified_on, left_on, updated_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (school_id, instructor_id) do update set name = excluded.name, certificate_no = excluded.certificate_no,
              certified_on = excluded.certified_on, left_on = excluded.left_on, updated_at = excluded.updated_at
            """)
        .params(schoolId, instructorId, wanted.name(), wanted.certificateNo(), wanted.certifiedOn(), wanted.leftOn(),
            Timestamp.from(clock.instant()))
        .update();
    // certification and leaving change the state of every semester from the earlier certification on
    LocalDate from = RecordDays.earlier(existing.map(Instructor::certifiedOn).orElse(null), wanted.certifiedOn());
    events.publishEvent(RecordsChanged.of(schoolId, RecordDays.onward(from, calendar), IndicatorCodes.INSTRUCTOR_COVERAGE,
        IndicatorCodes.INSTRUCTOR_LICENSED)
        .datedOn(RecordDays.changedDays(wanted.certifiedOn(),
            existing.map(Instructor::certifiedOn).orElse(null), wanted.certifiedOn(),
            existing.map(Instructor::leftOn).orElse(null), wanted.leftOn())));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, instructorId, wanted, reason)
        : trail.corrected(schoolId, FAMILY, instructorId, existing.get(), wanted, reason);
    return new Saved<>(existing.isEmpty(), true, wanted, version);
  }

  /** Withdraws the record: it leaves the table (no figure counts it) and stays in its trail. 404 unknown, 409 withdrawn already. */
  @Transactional
  Tracked<Instructor> withdraw(String schoolId, String instructorId, String reason) {
    registry.lockForUpdate(schoolId);
    Instructor existing = trail.requireWithdrawable(schoolId, FAMILY, instructorId, find(schoolId, instructorId));
    jdbc.sql("delete from instructor where school_id = ? and instructor_id = ?").params(schoolId, instructorId).update();
    events.publishEvent(RecordsChanged.of(schoolId, RecordDays.onward(existing.certifiedOn(), calendar), IndicatorCodes.INSTRUCTOR_COVERAGE,
        IndicatorCodes.INSTRUCTOR_LICENSED)
        .datedOn(java.util.Arrays.asList(existing.certifiedOn(), existing.leftOn())));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, instructorId, existing, reason);
    return Tracked.withdrawn(existing, w.version(), w.reason(), w.at());
  }

  /** The records as the school reads them back: active ones, then (to the school's own users) withdrawn ones. */
  List<Tracked<Instructor>> tracked(String schoolId, boolean withWithdrawn) {
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<Instructor>> all = new ArrayList<>();
    list(schoolId).forEach(r -> all.add(trail.active(r, versions, r.instructorId())));
    if (withWithdrawn) {
      all.addAll(trail.withdrawnRecords(schoolId, FAMILY, Instructor.class));
    }
    return all;
  }

  List<HistoryEntry> history(String schoolId, String instructorId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, instructorId, find(schoolId, instructorId));
  }

  Optional<Instructor> find(String schoolId, String instructorId) {
    return jdbc.sql("select instructor_id, name, certificate_no, certified_on, left_on from instructor where school_id = ? and instructor_id = ?")
        .params(schoolId, instructorId)
        .query((rs, n) -> map(rs))
        .optional();
  }

  List<Instructor> list(String schoolId) {
    registry.require(schoolId);
    return jdbc.sql("select instructor_id, name, certificate_no, certified_on, left_on from instructor where school_id = ? order by certified_on, instructor_id")
        .param(schoolId)
        .query((rs, n) -> map(rs))
        .list();
  }

  private static Instructor map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Instructor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class));
  }
}
