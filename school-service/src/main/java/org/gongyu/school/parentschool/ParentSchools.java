package org.gongyu.school.parentschool;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

/** The establishment of the school's parent school and the history of its head. */
@Service
class ParentSchools {

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final ApplicationEventPublisher events;
  private final CityCalendar calendar;
  private final Clock clock;
  private final PersonalDataGuard guard;
  private final RecordTrail trail;

  ParentSchools(JdbcClient jdbc, SchoolRegistry registry, ApplicationEventPublisher events, CityCalendar calendar, Clock clock,
      PersonalDataGuard guard, RecordTrail trail) {
    this.trail = trail;
    this.jdbc = jdbc;
    this.registry = registry;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
    this.guard = guard;
  }

  /** The parent school as stored. */
  record Establishment(String headName, LocalDate establishedOn, String structure, String rules) {}

  /** The parent school as the school reads it back (and as its trail keeps it): with the day its head took over. */
  record Recorded(String headName, LocalDate headFrom, LocalDate establishedOn, String structure, String rules) {}

  /** The family's name in the record trail; the record's id is {@link #RECORD_ID} (one per school). */
  static final String FAMILY = "PARENT_SCHOOL";
  static final String RECORD_ID = "parent-school";

  @Transactional
  Saved<Recorded> put(String schoolId, ParentSchoolRequest request) {
    registry.lockForUpdate(schoolId);
    LocalDate today = calendar.today();
    List<String> errors = new ArrayList<>();
    RecordDays.check(errors, "establishedOn", request.establishedOn(), today);
    RecordDays.check(errors, "effectiveFrom", request.effectiveFrom(), today);
    if (request.effectiveFrom() != null && request.effectiveFrom().isBefore(request.establishedOn())) {
      errors.add("effectiveFrom: " + request.effectiveFrom() + " is before establishedOn " + request.establishedOn());
    }
    // read by county and city users: no personal data of students and parents (issue 12)
    errors.addAll(guard.problems(schoolId, PersonalDataGuard.texts(
        "headName", request.headName(), "structure", request.structure(), "rules", request.rules())));
    RecordDays.rejectIfAny(errors);

    Establishment wanted = new Establishment(request.headName(), request.establishedOn(), request.structure(), request.rules());
    Optional<Establishment> existing = find(schoolId);
    List<ParentSchoolRules.Head> heads = heads(schoolId);
    // the head changes (from effectiveFrom, by default today) when the head of that day or of today is someone else;
    // a change from a day supersedes the changes recorded after it; the first head counts from establishment whatever its day
    LocalDate effective = request.effectiveFrom() != null ? request.effectiveFrom() : today;
    boolean headChanges = existing.isEmpty() || differs(ParentSchoolRules.headOn(heads, today), wanted.headName())
        || (request.effectiveFrom() != null && differs(ParentSchoolRules.headOn(heads, effective), wanted.headName()));
    if (existing.isPresent() && existing.get().equals(wanted) && !headChanges) {
      return new Saved<>(false, false, recorded(schoolId, wanted),
          trail.versionOf(schoolId, FAMILY, RECORD_ID));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(request.reason()) : request.reason();
    Optional<Recorded> before = existing.map(e -> recorded(schoolId, e));
    jdbc.sql("""
            insert into parent_school (school_id, head_name, established_on, structure, rules, updated_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (school_id) do update set head_name = excluded.head_name, established_on = excluded.established_on,
              structure = excluded.structure, rules = excluded.rules, updated_at = excluded.updated_at
            """)
        .params(schoolId, wanted.headName(), wanted.establishedOn(), wanted.structure(), wanted.rules(), Timestamp.from(clock.instant()))
        .update();
    LocalDate from = RecordDays.earlier(existing.map(Establishment::establishedOn).orElse(null), wanted.establishedOn());
    if (headChanges) {
      if (existing.isEmpty()) {
        jdbc.sql("delete from parent_school_head where school_id = ?").param(schoolId).update();
      } else {
        // the head until effectiveFrom stays head until then, even if recorded as of a later day (the first head is
        // stored as of the day it was recorded and counts from establishment)
        Optional<String> until = ParentSchoolRules.headOn(heads, effective.minusDays(1));
        boolean earlierKept = heads.stream().anyMatch(h -> h.from().isBefore(effective));
        jdbc.sql("delete from parent_school_head where school_id = ? and head_from >= ?").params(schoolId, effective).update();
        if (request.effectiveFrom() != null && !earlierKept && until.isPresent() && differs(until, wanted.headName())
            && wanted.establishedOn().isBefore(effective)) {
          jdbc.sql("insert into parent_school_head (school_id, head_from, head_name) values (?, ?, ?)")
              .params(schoolId, wanted.establishedOn(), until.get())
              .update();
        }
      }
      jdbc.sql("insert into parent_school_head (school_id, head_from, head_name) values (?, ?, ?)")
          .params(schoolId, effective, wanted.headName())
          .update();
      from = RecordDays.earlier(from, effective);
    }
    // dated on a changed establishment (old and new day) and on the day a new head takes over: a change of head from
    // today is accepted while a past period is signed off, whose figures stay frozen (ADR 0019)
    java.util.Set<LocalDate> dated = new java.util.TreeSet<>(RecordDays.changedDays(null,
        existing.map(Establishment::establishedOn).orElse(null), wanted.establishedOn()));
    if (headChanges) {
      dated.add(effective);
    }
    events.publishEvent(RecordsChanged.of(schoolId, RecordDays.onward(from, calendar),
        IndicatorCodes.PARENT_SCHOOL_ESTABLISHED, IndicatorCodes.HEAD_TRAINING).datedOn(dated));
    Recorded now = recorded(schoolId, wanted);
    int version = before.isEmpty()
        ? trail.created(schoolId, FAMILY, RECORD_ID, now, reason)
        : trail.corrected(schoolId, FAMILY, RECORD_ID, before.get(), now, reason);
    return new Saved<>(existing.isEmpty(), true, now, version);
  }

  /**
   * Withdraws the parent school (recorded in error): it and its heads leave the tables, so every
   * period counts it as not established; the trail keeps it. It may be recorded again afterwards.
   */
  @Transactional
  Tracked<Recorded> withdraw(String schoolId, String reason) {
    registry.lockForUpdate(schoolId);
    Establishment existing = trail.requireWithdrawable(schoolId, FAMILY, RECORD_ID, find(schoolId));
    Recorded last = recorded(schoolId, existing);
    jdbc.sql("delete from parent_school_head where school_id = ?").param(schoolId).update();
    jdbc.sql("delete from parent_school where school_id = ?").param(schoolId).update();
    events.publishEvent(RecordsChanged.of(schoolId, RecordDays.onward(existing.establishedOn(), calendar),
        IndicatorCodes.PARENT_SCHOOL_ESTABLISHED, IndicatorCodes.HEAD_TRAINING).datedOn(java.util.List.of(existing.establishedOn())));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, RECORD_ID, last, reason);
    return Tracked.withdrawn(last, w.version(), w.reason(), w.at());
  }

  /** The parent school as the school reads it back: active, or (to the school's own users) withdrawn. */
  Optional<Tracked<Recorded>> read(String schoolId, boolean withWithdrawn) {
    Optional<Establishment> active = find(schoolId);
    if (active.isPresent()) {
      return Optional.of(Tracked.active(recorded(schoolId, active.get()),
          trail.versionOf(schoolId, FAMILY, RECORD_ID)));
    }
    return withWithdrawn ? trail.withdrawnRecord(schoolId, FAMILY, RECORD_ID, Recorded.class) : Optional.empty();
  }

  List<HistoryEntry> history(String schoolId) {
    return trail.history(schoolId, FAMILY, RECORD_ID, find(schoolId).map(e -> recorded(schoolId, e)));
  }

  private Recorded recorded(String schoolId, Establishment e) {
    LocalDate today = calendar.today();
    LocalDate headFrom = heads(schoolId).stream()
        .filter(h -> !h.from().isAfter(today))
        .map(ParentSchoolRules.Head::from)
        .max(LocalDate::compareTo)
        .orElse(e.establishedOn());
    return new Recorded(e.headName(), headFrom, e.establishedOn(), e.structure(), e.rules());
  }

  private static boolean differs(Optional<String> head, String name) {
    return head.isEmpty() || !ParentSchoolRules.sameName(head.get()).equals(ParentSchoolRules.sameName(name));
  }

  Optional<Establishment> find(String schoolId) {
    return jdbc.sql("select head_name, established_on, structure, rules from parent_school where school_id = ?")
        .param(schoolId)
        .query((rs, n) -> new Establishment(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)))
        .optional();
  }

  Optional<LocalDate> establishedOn(String schoolId) {
    return find(schoolId).map(Establishment::establishedOn);
  }

  List<ParentSchoolRules.Head> heads(String schoolId) {
    return jdbc.sql("select head_from, head_name from parent_school_head where school_id = ? order by head_from")
        .param(schoolId)
        .query((rs, n) -> new ParentSchoolRules.Head(rs.getObject(1, LocalDate.class), rs.getString(2)))
        .list();
  }
}
