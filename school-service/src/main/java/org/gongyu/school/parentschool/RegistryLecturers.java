package org.gongyu.school.parentschool;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.LecturerRegistryChanged;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.registry.SchoolRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * This tier's copy of the city's lecturer registry (ADR 0024): the highest version per lecturer of
 * {@code LecturerRegistryChanged}; a redelivery, a replay or an older version changes nothing. When a
 * lecturer's entry changes, the schools whose sessions name the lecturer re-derive {@code
 * LECTURER_REGISTRATION} for the periods of those sessions, in the same transaction (a recount, dated
 * on no day: a signed-off period keeps its figure rather than refusing the registry's news).
 */
@Component
class RegistryLecturers {

  private static final Logger log = LoggerFactory.getLogger(RegistryLecturers.class);

  /** A lecturer as the copy holds it. */
  record Lecturer(String lecturerId, String displayName, String affiliation, String status, LocalDate trainedOn, long version) {
    boolean registeredAndTrained() {
      return "REGISTERED".equals(status) && trainedOn != null;
    }
  }

  private static final String COLUMNS = "lecturer_id, display_name, affiliation, status, trained_on, version";

  private final JdbcClient jdbc;
  private final Inbox inbox;
  private final Clock clock;
  private final SchoolRegistry registry;
  private final ApplicationEventPublisher events;

  RegistryLecturers(JdbcClient jdbc, Inbox inbox, Clock clock, SchoolRegistry registry, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.inbox = inbox;
    this.clock = clock;
    this.registry = registry;
    this.events = events;
  }

  @KafkaListener(id = "school-lecturers", idIsGroup = false, topics = Topics.CITY_LECTURERS)
  @Transactional
  public void on(String json) {
    var event = EventCodec.decode(json, LecturerRegistryChanged.class);
    if (!inbox.firstDelivery("school.lecturers", event.eventId())) {
      return;
    }
    apply(event.payload());
  }

  /** Keeps the entry if it is newer than the copy's; answers whether it did. */
  boolean apply(LecturerRegistryChanged l) {
    int changed = jdbc.sql("""
            insert into registry_lecturer (lecturer_id, display_name, affiliation, status, trained_on, version, changed_at, received_at)
            values (:id, :name, :affiliation, :status, :trainedOn, :version, :changedAt, :receivedAt)
            on conflict (lecturer_id) do update set display_name = excluded.display_name, affiliation = excluded.affiliation,
              status = excluded.status, trained_on = excluded.trained_on, version = excluded.version,
              changed_at = excluded.changed_at, received_at = excluded.received_at
            where registry_lecturer.version < excluded.version
            """)
        .param("id", l.lecturerId()).param("name", l.displayName()).param("affiliation", l.affiliation())
        .param("status", l.status().name()).param("trainedOn", l.trainedOn()).param("version", l.version())
        .param("changedAt", Timestamp.from(l.at())).param("receivedAt", Timestamp.from(clock.instant()))
        .update();
    if (changed == 0) {
      return false;
    }
    Map<String, Set<LocalDate>> schools = schoolsNaming(l.lecturerId());
    for (Map.Entry<String, Set<LocalDate>> school : schools.entrySet()) {
      registry.lockForUpdate(school.getKey());
      events.publishEvent(RecordsChanged.of(school.getKey(), school.getValue(), IndicatorCodes.LECTURER_REGISTRATION).recount());
    }
    log.info("lecturer {} version {} ({}) kept; {} school(s) re-derived", l.lecturerId(), l.version(), l.status(), schools.size());
    return true;
  }

  Optional<Lecturer> find(String lecturerId) {
    return jdbc.sql("select " + COLUMNS + " from registry_lecturer where lecturer_id = ?").param(lecturerId)
        .query((rs, n) -> new Lecturer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, LocalDate.class), rs.getLong(6)))
        .optional();
  }

  /** The copy, registered lecturers first, by name; only the registered ones unless {@code all}. */
  List<Lecturer> list(boolean all) {
    return jdbc.sql("select " + COLUMNS + " from registry_lecturer" + (all ? "" : " where status = 'REGISTERED'")
            + " order by status <> 'REGISTERED', display_name, lecturer_id")
        .query((rs, n) -> new Lecturer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, LocalDate.class), rs.getLong(6)))
        .list();
  }

  /** The ids of the copy's lecturers registered and trained, among {@code ids}. */
  Set<String> registeredAndTrained(Set<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.sql("""
            select lecturer_id from registry_lecturer
            where lecturer_id in (:ids) and status = 'REGISTERED' and trained_on is not null""")
        .param("ids", new ArrayList<>(ids)).query(String.class).list());
  }

  /** Schools (in id order, the order their locks are taken) whose sessions name the lecturer, with those sessions' days. */
  private Map<String, Set<LocalDate>> schoolsNaming(String lecturerId) {
    Map<String, Set<LocalDate>> out = new LinkedHashMap<>();
    jdbc.sql("""
            select school_id, session_date from parent_school_session where lecturer_id = ?
            group by school_id, session_date order by school_id, session_date""")
        .param(lecturerId)
        .query((rs, n) -> out.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(rs.getObject(2, LocalDate.class)))
        .list();
    return out;
  }
}
