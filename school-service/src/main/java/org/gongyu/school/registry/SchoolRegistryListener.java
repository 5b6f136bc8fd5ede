package org.gongyu.school.registry;

import java.sql.Timestamp;
import java.time.Clock;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the registry copy at the newest version the county published. */
@Component
class SchoolRegistryListener {

  private final JdbcClient jdbc;
  private final Inbox inbox;
  private final Clock clock;

  SchoolRegistryListener(JdbcClient jdbc, Inbox inbox, Clock clock) {
    this.jdbc = jdbc;
    this.inbox = inbox;
    this.clock = clock;
  }

  @KafkaListener(id = "school-registry", idIsGroup = false, topics = Topics.DISTRICT_SCHOOL_REGISTRY)
  @Transactional
  public void on(String json) {
    var event = EventCodec.decode(json, SchoolRegistered.class);
    if (!inbox.firstDelivery("school.registry", event.eventId())) {
      return;
    }
    SchoolRegistered s = event.payload();
    jdbc.sql("""
            insert into school (id, county_id, xuequ_id, name, school_type, registry_version, updated_at, closed_from)
            values (:id, :county, :xuequ, :name, :type, :version, :at, :closedFrom)
            on conflict (id) do update set county_id = excluded.county_id, xuequ_id = excluded.xuequ_id,
              name = excluded.name, school_type = excluded.school_type, closed_from = excluded.closed_from,
              registry_version = excluded.registry_version, updated_at = excluded.updated_at
            where school.registry_version < excluded.registry_version
            """)
        .param("id", s.schoolId())
        .param("county", s.countyId())
        .param("xuequ", s.xuequId())
        .param("name", s.name())
        .param("type", s.schoolType())
        .param("version", s.version())
        .param("at", Timestamp.from(clock.instant()))
        .param("closedFrom", s.closedFrom(), java.sql.Types.DATE)
        .update();
  }
}
