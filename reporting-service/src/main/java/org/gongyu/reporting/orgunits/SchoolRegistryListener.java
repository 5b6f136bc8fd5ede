package org.gongyu.reporting.orgunits;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.reporting.stamps.ReadModelStamps;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the latest version of each school in the counties' registries. */
@Component
class SchoolRegistryListener {

  static final String ID = "reporting-service-school-registry";
  private static final Logger log = LoggerFactory.getLogger(SchoolRegistryListener.class);

  private final Inbox inbox;
  private final OrgUnitRepository orgUnits;
  private final ReadModelStamps stamps;

  SchoolRegistryListener(Inbox inbox, OrgUnitRepository orgUnits, ReadModelStamps stamps) {
    this.inbox = inbox;
    this.orgUnits = orgUnits;
    this.stamps = stamps;
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.DISTRICT_SCHOOL_REGISTRY)
  @Transactional
  void on(String json) {
    EventEnvelope<SchoolRegistered> env = EventCodec.decode(json, SchoolRegistered.class);
    if (!inbox.firstDelivery(ID, env.eventId())) {
      return;
    }
    SchoolRegistered s = env.payload();
    if (orgUnits.save(s)) {
      stamps.changed(ReadModelStamps.REGISTRY);
    } else {
      log.debug("ignored school {} version {}: not newer than stored", s.schoolId(), s.version());
    }
  }
}
