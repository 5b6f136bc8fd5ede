package org.gongyu.reporting.catalogue;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.reporting.stamps.ReadModelStamps;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the latest version of each catalogue entry. */
@Component
class CatalogueListener {

  static final String ID = "reporting-service-catalogue";
  private static final Logger log = LoggerFactory.getLogger(CatalogueListener.class);

  private final Inbox inbox;
  private final CatalogueRepository catalogue;
  private final ReadModelStamps stamps;

  CatalogueListener(Inbox inbox, CatalogueRepository catalogue, ReadModelStamps stamps) {
    this.inbox = inbox;
    this.catalogue = catalogue;
    this.stamps = stamps;
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.CITY_CATALOGUE)
  @Transactional
  void on(String json) {
    EventEnvelope<IndicatorDefined> env = EventCodec.decode(json, IndicatorDefined.class);
    if (!inbox.firstDelivery(ID, env.eventId())) {
      return;
    }
    IndicatorDefined d = env.payload();
    if (catalogue.save(d)) {
      stamps.changed(ReadModelStamps.REFERENCE);
    } else {
      log.debug("ignored indicator {} version {}: not newer than stored", d.code(), d.version());
    }
  }
}
