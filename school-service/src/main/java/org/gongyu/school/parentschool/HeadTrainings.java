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

/** Co-education trainings completed by the school's staff. */
@Service
class HeadTrainings {

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final ApplicationEventPublisher events;
  private final CityCalendar calendar;
  private final Clock clock;
  private final PersonalDataGuard guard;
  private final RecordTrail trail;

  /** The family's name in the record trail. */
  static final String FAMILY = "HEAD_TRAINING";

  HeadTrainings(JdbcClient jdbc, SchoolRegistry registry, ApplicationEventPublisher events, CityCalendar calendar, Clock clock,
      PersonalDataGuard guard, RecordTrail trail) {
    this.trail = trail;
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
      return new Saved<>(false, false, wanted, trail.versionOf(schoolId, FAMILY, trainingId));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(request.reason()) : request.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, trainingId);
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
    events.publishEvent(RecordsChanged.of(schoolId, RecordDays.onward(from, calendar), IndicatorCodes.HEAD_TRAINING)
        .datedOn(RecordDays.changedDays(wanted.completedOn(), existing.map(HeadTraining::completedOn).orElse(null), wanted.completedOn())));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, trainingId, wanted, reason)
        : trail.corrected(schoolId, FAMILY, trainingId, existing.get(), wanted, reason);
    return new Saved<>(existing.isEmpty(), true, wanted, version);
  }

  /** Withdraws the record: it leaves the table (no figure counts it) and stays in its trail. 404 unknown, 409 withdrawn already. */
  @Transactional
  Tracked<HeadTraining> withdraw(String schoolId, String trainingId, String reason) {
    registry.lockForUpdate(schoolId);
    HeadTraining existing = trail.requireWithdrawable(schoolId, FAMILY, trainingId, find(schoolId, trainingId));
    jdbc.sql("delete from head_training where school_id = ? and training_id = ?").params(schoolId, trainingId).update();
    events.publishEvent(RecordsChanged.of(schoolId, RecordDays.onward(existing.completedOn(), calendar), IndicatorCodes.HEAD_TRAINING)
        .datedOn(java.util.List.of(existing.completedOn())));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, trainingId, existing, reason);
    return Tracked.withdrawn(existing, w.version(), w.reason(), w.at());
  }

  /** The records as the school reads them back: active ones, then (to the school's own users) withdrawn ones. */
  List<Tracked<HeadTraining>> tracked(String schoolId, boolean withWithdrawn) {
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<HeadTraining>> all = new ArrayList<>();
    list(schoolId).forEach(r -> all.add(trail.active(r, versions, r.trainingId())));
    if (withWithdrawn) {
      all.addAll(trail.withdrawnRecords(schoolId, FAMILY, HeadTraining.class));
    }
    return all;
  }

  List<HistoryEntry> history(String schoolId, String trainingId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, trainingId, find(schoolId, trainingId));
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
