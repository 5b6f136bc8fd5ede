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
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.stereotype.Component;

/** Keeps the latest rollup per (county, indicator, period), with its lineage. */
@Component
class CountyRollupListener {

  static final String ID = "reporting-service-county-rollups";
  private static final Logger log = LoggerFactory.getLogger(CountyRollupListener.class);

  private final Inbox inbox;
  private final FigureRepository figures;
  private final ReadModelStamps stamps;
  private final BatchDelivery delivery;
  private final Freshness freshness;

  CountyRollupListener(Inbox inbox, FigureRepository figures, ReadModelStamps stamps, BatchDelivery delivery,
      Freshness freshness) {
    this.freshness = freshness;
    this.delivery = delivery;
    this.inbox = inbox;
    this.figures = figures;
    this.stamps = stamps;
  }

  /**
   * One poll in one transaction (issue 16): each record is kept as before, and the stamp of each county changed moves once for the
   * poll. A record that cannot be decoded, or that the database refuses, goes to the dead-letter
   * topic after its retries ({@link BatchDelivery}); the others are applied.
   */
  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.DISTRICT_INDICATOR_ROLLUPS, batch = "true")
  void on(ConsumerRecords<String, String> records) {
    delivery.apply(records, j -> EventCodec.decode(j, CountyRollupPublished.class), this::apply);
  }

  private void apply(List<EventEnvelope<CountyRollupPublished>> batch) {
    freshness.applied(ID, batch); // counted once this poll's transaction commits
    java.util.Set<String> changed = new java.util.TreeSet<>();
    java.util.Set<java.util.UUID> first = inbox.firstDeliveries(ID, batch.stream().map(EventEnvelope::eventId).toList());
    // the highest version wins: a version another of this poll supersedes is recorded as seen, not written
    List<EventEnvelope<CountyRollupPublished>> fresh = Superseded.latestPerKey(
        batch.stream().filter(env -> first.remove(env.eventId())).toList(),
        env -> List.of(env.payload().countyId(), env.payload().indicatorCode(), env.payload().periodId()),
        env -> env.payload().version());
    for (EventEnvelope<CountyRollupPublished> env : fresh) {
      CountyRollupPublished r = env.payload();
      if (figures.save(r)) {
        changed.add(ReadModelStamps.county(r.countyId()));
      } else {
        log.debug(
          "ignored rollup of county {} {} {} version {}: not newer than stored", r.countyId(), r.indicatorCode(), r.periodId(), r.version());
      }
    }
    stamps.changed(changed);
  }
}
