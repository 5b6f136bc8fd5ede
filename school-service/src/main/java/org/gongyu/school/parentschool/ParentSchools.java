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

  ParentSchools(JdbcClient jdbc, SchoolRegistry registry, ApplicationEventPublisher events, CityCalendar calendar, Clock clock,
      PersonalDataGuard guard) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
    this.guard = guard;
  }

  /** The parent school as stored. */
  record Establishment(String headName, LocalDate establishedOn, String structure, String rules) {}

  @Transactional
  Saved<Establishment> put(String schoolId, ParentSchoolRequest request) {
    registry.lockForUpdate(schoolId);
    LocalDate today = calendar.today();
    List<String> errors = new ArrayList<>();
    RecordDays.check(errors, "establishedOn", request.establishedOn(), today);
    // read by county and city users: no personal data of students and parents (issue 12)
    errors.addAll(guard.problems(schoolId, PersonalDataGuard.texts(
        "headName", request.headName(), "structure", request.structure(), "rules", request.rules())));
    RecordDays.rejectIfAny(errors);

    Establishment wanted = new Establishment(request.headName(), request.establishedOn(), request.structure(), request.rules());
    Optional<Establishment> existing = find(schoolId);
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved<>(false, wanted);
    }
    jdbc.sql("""
            insert into parent_school (school_id, head_name, established_on, structure, rules, updated_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (school_id) do update set head_name = excluded.head_name, established_on = excluded.established_on,
              structure = excluded.structure, rules = excluded.rules, updated_at = excluded.updated_at
            """)
        .params(schoolId, wanted.headName(), wanted.establishedOn(), wanted.structure(), wanted.rules(), Timestamp.from(clock.instant()))
        .update();
    Optional<String> head = ParentSchoolRules.headOn(heads(schoolId), today);
    if (head.isEmpty() || !ParentSchoolRules.sameName(head.get()).equals(ParentSchoolRules.sameName(wanted.headName()))) {
      // a new head from today; a second change on one day corrects the first
      jdbc.sql("""
              insert into parent_school_head (school_id, head_from, head_name) values (?, ?, ?)
              on conflict (school_id, head_from) do update set head_name = excluded.head_name
              """)
          .params(schoolId, today, wanted.headName())
          .update();
    }
    LocalDate from = RecordDays.earlier(existing.map(Establishment::establishedOn).orElse(null), wanted.establishedOn());
    events.publishEvent(RecordsChanged.of(schoolId, RecordDays.onward(from, calendar),
        IndicatorCodes.PARENT_SCHOOL_ESTABLISHED, IndicatorCodes.HEAD_TRAINING));
    return new Saved<>(existing.isEmpty(), wanted);
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
