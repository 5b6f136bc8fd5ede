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

/** Co-education trainings completed by the school's staff. */
@Service
class HeadTrainings {

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final ApplicationEventPublisher events;
  private final CityCalendar calendar;
  private final Clock clock;
  private final PersonalDataGuard guard;

  HeadTrainings(JdbcClient jdbc, SchoolRegistry registry, ApplicationEventPublisher events, CityCalendar calendar, Clock clock,
      PersonalDataGuard guard) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
    this.guard = guard;
  }

  /** A training as stored. */
  record HeadTraining(String trainingId, String personName, String course, LocalDate completedOn) {}

  @Transactional
  Saved<HeadTraining> put(String schoolId, String trainingId, HeadTrainingRequest request) {
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    RecordDays.check(errors, "completedOn", request.completedOn(), calendar.today());
    // read by county and city users: no personal data of students and parents (issue 12)
    errors.addAll(guard.problems(schoolId, PersonalDataGuard.texts(
        "trainingId", trainingId, "personName", request.personName(), "course", request.course())));
    RecordDays.rejectIfAny(errors);

    HeadTraining wanted = new HeadTraining(trainingId, request.personName(), request.course(), request.completedOn());
    Optional<HeadTraining> existing = find(schoolId, trainingId);
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved<>(false, wanted);
    }
    jdbc.sql("""
            insert into head_training (school_id, training_id, person_name, course, completed_on, updated_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (school_id, training_id) do update set person_name = excluded.person_name, course = excluded.course,
              completed_on = excluded.completed_on, updated_at = excluded.updated_at
            """)
        .params(schoolId, trainingId, wanted.personName(), wanted.course(), wanted.completedOn(), Timestamp.from(clock.instant()))
        .update();
    // a training counts for every school year from the one it was completed in
    LocalDate from = RecordDays.earlier(existing.map(HeadTraining::completedOn).orElse(null), wanted.completedOn());
    events.publishEvent(RecordsChanged.of(schoolId, RecordDays.onward(from, calendar), IndicatorCodes.HEAD_TRAINING));
    return new Saved<>(existing.isEmpty(), wanted);
  }

  Optional<HeadTraining> find(String schoolId, String trainingId) {
    return jdbc.sql("select training_id, person_name, course, completed_on from head_training where school_id = ? and training_id = ?")
        .params(schoolId, trainingId)
        .query((rs, n) -> new HeadTraining(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
        .optional();
  }

  List<HeadTraining> list(String schoolId) {
    registry.require(schoolId);
    return jdbc.sql("select training_id, person_name, course, completed_on from head_training where school_id = ? order by completed_on, training_id")
        .param(schoolId)
        .query((rs, n) -> new HeadTraining(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
        .list();
  }
}
