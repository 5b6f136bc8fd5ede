package org.gongyu.reporting.orgunits;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.reporting.stamps.ReadModelStamps;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the latest version of each county the city registers. */
@Component
class CountyListener {

  static final String ID = "reporting-service-counties";
  private static final Logger log = LoggerFactory.getLogger(CountyListener.class);

  private final Inbox inbox;
  private final OrgUnitRepository orgUnits;
  private final ReadModelStamps stamps;

  CountyListener(Inbox inbox, OrgUnitRepository orgUnits, ReadModelStamps stamps) {
    this.inbox = inbox;
    this.orgUnits = orgUnits;
    this.stamps = stamps;
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.CITY_COUNTIES)
  @Transactional
  void on(String json) {
    EventEnvelope<CountyRegistered> env = EventCodec.decode(json, CountyRegistered.class);
    if (!inbox.firstDelivery(ID, env.eventId())) {
      return;
    }
    CountyRegistered c = env.payload();
    if (orgUnits.save(c)) {
      stamps.changed(ReadModelStamps.REGISTRY);
    } else {
      log.debug("ignored county {} version {}: not newer than stored", c.countyId(), c.version());
    }
  }
}
