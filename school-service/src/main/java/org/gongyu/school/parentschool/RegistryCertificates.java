package org.gongyu.school.parentschool;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.InstructorCertificateChanged;
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
 * This tier's copy of the city's instructor certificates (ADR 0025): the highest version per
 * certificate of {@code InstructorCertificateChanged}; a redelivery, a replay or an older version
 * changes nothing. When a certificate changes, the schools whose instructors name its number
 * re-derive {@code INSTRUCTOR_LICENSED} for every semester from those instructors' certification on,
 * in the same transaction (a recount, dated on no day: a signed-off period keeps its figure).
 */
@Component
class RegistryCertificates {

  private static final Logger log = LoggerFactory.getLogger(RegistryCertificates.class);

  private static final String COLUMNS = "number, holder_name, issued_on, expires_on, revoked_on, version";

  private final JdbcClient jdbc;
  private final Inbox inbox;
  private final Clock clock;
  private final SchoolRegistry registry;
  private final ApplicationEventPublisher events;
  private final CityCalendar calendar;

  RegistryCertificates(JdbcClient jdbc, Inbox inbox, Clock clock, SchoolRegistry registry, ApplicationEventPublisher events,
      CityCalendar calendar) {
    this.jdbc = jdbc;
    this.inbox = inbox;
    this.clock = clock;
    this.registry = registry;
    this.events = events;
    this.calendar = calendar;
  }

  @KafkaListener(id = "school-instructor-certificates", idIsGroup = false, topics = Topics.CITY_INSTRUCTOR_CERTIFICATES)
  @Transactional
  public void on(String json) {
    var event = EventCodec.decode(json, InstructorCertificateChanged.class);
    if (!inbox.firstDelivery("school.instructor-certificates", event.eventId())) {
      return;
    }
    apply(event.payload());
  }

  /** Keeps the certificate if it is newer than the copy's; answers whether it did. */
  boolean apply(InstructorCertificateChanged c) {
    int changed = jdbc.sql("""
            insert into registry_certificate (number, holder_name, school_id, county_id, issued_on, expires_on, status, revoked_on,
              version, changed_at, received_at)
            values (:number, :holder, :school, :county, :issuedOn, :expiresOn, :status, :revokedOn, :version, :changedAt, :receivedAt)
            on conflict (number) do update set holder_name = excluded.holder_name, school_id = excluded.school_id,
              county_id = excluded.county_id, issued_on = excluded.issued_on, expires_on = excluded.expires_on,
              status = excluded.status, revoked_on = excluded.revoked_on, version = excluded.version,
              changed_at = excluded.changed_at, received_at = excluded.received_at
            where registry_certificate.version < excluded.version
            """)
        .param("number", c.number()).param("holder", c.holderName()).param("school", c.schoolId())
        .param("county", c.countyId()).param("issuedOn", c.issuedOn()).param("expiresOn", c.expiresOn())
        .param("status", c.status().name()).param("revokedOn", c.revokedOn()).param("version", c.version())
        .param("changedAt", Timestamp.from(c.at())).param("receivedAt", Timestamp.from(clock.instant()))
        .update();
    if (changed == 0) {
      return false;
    }
    Map<String, LocalDate> schools = schoolsNaming(c.number());
    for (Map.Entry<String, LocalDate> school : schools.entrySet()) {
      registry.lockForUpdate(school.getKey());
      events.publishEvent(RecordsChanged.of(school.getKey(), RecordDays.onward(school.getValue(), calendar),
          IndicatorCodes.INSTRUCTOR_LICENSED).recount());
    }
    log.info("certificate {} version {} ({}) kept; {} school(s) re-derived", c.number(), c.version(), c.status(), schools.size());
    return true;
  }

  /** The copy's certificate of this number, if the city issued one. */
  Optional<ParentSchoolRules.CityCertificate> find(String number) {
    if (number == null) {
      return Optional.empty();
    }
    return jdbc.sql("select " + COLUMNS + " from registry_certificate where number = ?").param(number.strip())
        .query((rs, n) -> map(rs)).optional();
  }

  /** The copy's certificates of these numbers, by number. */
  Map<String, ParentSchoolRules.CityCertificate> find(Set<String> numbers) {
    Map<String, ParentSchoolRules.CityCertificate> out = new HashMap<>();
    if (numbers.isEmpty()) {
      return out;
    }
    jdbc.sql("select " + COLUMNS + " from registry_certificate where number in (:numbers)")
        .param("numbers", List.copyOf(numbers))
        .query((rs, n) -> map(rs)).list().forEach(c -> out.put(c.number(), c));
    return out;
  }

  /** Schools (in id order, the order their locks are taken) whose instructors name the number, with their earliest certification. */
  private Map<String, LocalDate> schoolsNaming(String number) {
    Map<String, LocalDate> out = new LinkedHashMap<>();
    jdbc.sql("""
            select school_id, min(certified_on) from instructor where btrim(certificate_no) = ?
            group by school_id order by school_id""")
        .param(number)
        .query((rs, n) -> out.put(rs.getString(1), rs.getObject(2, LocalDate.class)))
        .list();
    return out;
  }

  private static ParentSchoolRules.CityCertificate map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ParentSchoolRules.CityCertificate(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getLong(6));
  }
}
