package org.gongyu.reporting.figures;

import java.util.List;
import org.gongyu.chassis.messaging.BatchDelivery;
import org.gongyu.chassis.messaging.Freshness;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.Superseded;
import org.gongyu.reporting.stamps.ReadModelStamps;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CityRollupPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.stereotype.Component;

/** Keeps the latest rollup per (city, indicator, period), with its lineage. */
@Component
class CityRollupListener {

  static final String ID = "reporting-service-city-rollups";
  private static final Logger log = LoggerFactory.getLogger(CityRollupListener.class);

  private final Inbox inbox;
  private final FigureRepository figures;
  private final ReadModelStamps stamps;
  private final BatchDelivery delivery;
  private final Freshness freshness;

  CityRollupListener(Inbox inbox, FigureRepository figures, ReadModelStamps stamps, BatchDelivery delivery,
      Freshness freshness) {
    this.freshness = freshness;
    this.delivery = delivery;
    this.inbox = inbox;
    this.figures = figures;
    this.stamps = stamps;
  }

  /**
   * One poll in one transaction (issue 16): each record is kept as before, and the city's stamp moves once for the
   * poll. A record that cannot be decoded, or that the database refuses, goes to the dead-letter
   * topic after its retries ({@link BatchDelivery}); the others are applied.
   */
  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.CITY_INDICATOR_ROLLUPS, batch = "true")
  void on(ConsumerRecords<String, String> records) {
    delivery.apply(records, j -> EventCodec.decode(j, CityRollupPublished.class), this::apply);
  }

  private void apply(List<EventEnvelope<CityRollupPublished>> batch) {
    freshness.applied(ID, batch); // counted once this poll's transaction commits
    java.util.Set<String> changed = new java.util.TreeSet<>();
    java.util.Set<java.util.UUID> first = inbox.firstDeliveries(ID, batch.stream().map(EventEnvelope::eventId).toList());
    // the highest version wins: a version another of this poll supersedes is recorded as seen, not written
    List<EventEnvelope<CityRollupPublished>> fresh = Superseded.latestPerKey(
        batch.stream().filter(env -> first.remove(env.eventId())).toList(),
        env -> List.of(env.payload().cityId(), env.payload().indicatorCode(), env.payload().periodId()),
        env -> env.payload().version());
    for (EventEnvelope<CityRollupPublished> env : fresh) {
      CityRollupPublished r = env.payload();
      if (figures.save(r)) {
        changed.add(ReadModelStamps.CITY);
      } else {
        log.debug(
          "ignored rollup of city {} {} {} version {}: not newer than stored", r.cityId(), r.indicatorCode(), r.periodId(), r.version());
      }
    }
    stamps.changed(changed);
  }
}
