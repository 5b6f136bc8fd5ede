package org.gongyu.reporting.figures;

import java.util.List;
import org.gongyu.chassis.messaging.BatchDelivery;
import org.gongyu.chassis.messaging.Freshness;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.reporting.stamps.ReadModelStamps;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.stereotype.Component;

/** Keeps the latest snapshot per (school, indicator, period). */
@Component
class SnapshotListener {

  static final String ID = "reporting-service-indicator-snapshots";
  private static final Logger log = LoggerFactory.getLogger(SnapshotListener.class);

  private final Inbox inbox;
  private final FigureRepository figures;
  private final ReadModelStamps stamps;
  private final BatchDelivery delivery;
  private final Freshness freshness;

  SnapshotListener(Inbox inbox, FigureRepository figures, ReadModelStamps stamps, BatchDelivery delivery,
      Freshness freshness) {
    this.freshness = freshness;
    this.delivery = delivery;
    this.inbox = inbox;
    this.figures = figures;
    this.stamps = stamps;
  }

  /**
   * One poll in one transaction (issue 16): each record is kept as before, and the stamp of each
   * county whose schools changed moves once for the poll. A record that cannot be decoded, or that the database refuses, goes to the dead-letter
   * topic after its retries ({@link BatchDelivery}); the others are applied.
   */
  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.SCHOOL_INDICATOR_SNAPSHOTS, batch = "true")
  void on(ConsumerRecords<String, String> records) {
    delivery.apply(records, j -> EventCodec.decode(j, IndicatorSnapshotPublished.class), this::apply);
  }

  private void apply(List<EventEnvelope<IndicatorSnapshotPublished>> batch) {
    freshness.applied(ID, batch); // counted once this poll's transaction commits
    java.util.Set<String> changed = new java.util.TreeSet<>();
    java.util.Set<java.util.UUID> first = inbox.firstDeliveries(ID, batch.stream().map(EventEnvelope::eventId).toList());
    for (EventEnvelope<IndicatorSnapshotPublished> env : batch) {
      if (!first.remove(env.eventId())) {
        continue;
      }
      IndicatorSnapshotPublished s = env.payload();
      if (figures.save(s)) {
        changed.add(s.schoolId());
      } else {
        log.debug(
          "ignored snapshot of school {} {} {} version {}: not newer than stored", s.schoolId(), s.indicatorCode(), s.periodId(), s.version());
      }
    }
    stamps.schoolsChanged(changed);
  }
}
