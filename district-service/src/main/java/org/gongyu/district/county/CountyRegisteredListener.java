package org.gongyu.district.county;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the latest version of each county the city registers, with its kind (ADR 0027). */
@Component
class CountyRegisteredListener {

  static final String CONSUMER = "district-service.counties";
  private static final Logger log = LoggerFactory.getLogger(CountyRegisteredListener.class);

  private final Inbox inbox;
  private final JdbcClient jdbc;

  CountyRegisteredListener(Inbox inbox, JdbcClient jdbc) {
    this.inbox = inbox;
    this.jdbc = jdbc;
  }

  @KafkaListener(id = "district-service-counties", idIsGroup = false, topics = Topics.CITY_COUNTIES)
  @Transactional
  void on(String json) {
    EventEnvelope<CountyRegistered> env = EventCodec.decode(json, CountyRegistered.class);
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    CountyRegistered c = env.payload();
    PayloadCheck.id("countyId", c.countyId());
    PayloadCheck.id("cityId", c.cityId());
    PayloadCheck.require(c.name() != null && !c.name().isBlank() && c.name().length() <= 200, "county name must be 1..200 characters");
    PayloadCheck.version(c.version());
    int applied =
        jdbc.sql(
                """
                insert into county (id, city_id, name, version, kind) values (:id, :cityId, :name, :version, :kind)
                on conflict (id) do update set city_id = excluded.city_id, name = excluded.name, version = excluded.version,
                  kind = excluded.kind
                where county.version < excluded.version
                """)
            .param("id", c.countyId())
            .param("cityId", c.cityId())
            .param("name", c.name())
            .param("version", c.version())
            .param("kind", c.kind().name())
            .update();
    if (applied == 1) {
      log.info("county {} now at version {}", c.countyId(), c.version());
    } else {
      log.debug("ignored county {} version {}: not newer than the stored one", c.countyId(), c.version());
    }
  }
}
