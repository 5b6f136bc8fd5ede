package org.gongyu.reporting.figures;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.reporting.stamps.ReadModelStamps;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CityRollupPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the latest rollup per (city, indicator, period), with its lineage. */
@Component
class CityRollupListener {

  static final String ID = "reporting-service-city-rollups";
  private static final Logger log = LoggerFactory.getLogger(CityRollupListener.class);

  private final Inbox inbox;
  private final FigureRepository figures;
  private final ReadModelStamps stamps;

  CityRollupListener(Inbox inbox, FigureRepository figures, ReadModelStamps stamps) {
    this.inbox = inbox;
    this.figures = figures;
    this.stamps = stamps;
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.CITY_INDICATOR_ROLLUPS)
  @Transactional
  void on(String json) {
    EventEnvelope<CityRollupPublished> env = EventCodec.decode(json, CityRollupPublished.class);
    if (!inbox.firstDelivery(ID, env.eventId())) {
      return;
    }
    CityRollupPublished r = env.payload();
    if (figures.save(r)) {
      stamps.changed(ReadModelStamps.CITY);
    } else {
      log.debug(
          "ignored rollup of city {} {} {} version {}: not newer than stored", r.cityId(), r.indicatorCode(), r.periodId(), r.version());
    }
  }
}
