package org.gongyu.reporting.figures;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.reporting.stamps.ReadModelStamps;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the latest rollup per (county, indicator, period), with its lineage. */
@Component
class CountyRollupListener {

  static final String ID = "reporting-service-county-rollups";
  private static final Logger log = LoggerFactory.getLogger(CountyRollupListener.class);

  private final Inbox inbox;
  private final FigureRepository figures;
  private final ReadModelStamps stamps;

  CountyRollupListener(Inbox inbox, FigureRepository figures, ReadModelStamps stamps) {
    this.inbox = inbox;
    this.figures = figures;
    this.stamps = stamps;
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.DISTRICT_INDICATOR_ROLLUPS)
  @Transactional
  void on(String json) {
    EventEnvelope<CountyRollupPublished> env = EventCodec.decode(json, CountyRollupPublished.class);
    if (!inbox.firstDelivery(ID, env.eventId())) {
      return;
    }
    CountyRollupPublished r = env.payload();
    if (figures.save(r)) {
      stamps.changed(ReadModelStamps.county(r.countyId()));
    } else {
      log.debug(
          "ignored rollup of county {} {} {} version {}: not newer than stored", r.countyId(), r.indicatorCode(), r.periodId(), r.version());
    }
  }
}
