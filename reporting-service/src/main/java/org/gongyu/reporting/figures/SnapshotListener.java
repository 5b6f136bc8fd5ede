package org.gongyu.reporting.figures;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.reporting.stamps.ReadModelStamps;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the latest snapshot per (school, indicator, period). */
@Component
class SnapshotListener {

  static final String ID = "reporting-service-indicator-snapshots";
  private static final Logger log = LoggerFactory.getLogger(SnapshotListener.class);

  private final Inbox inbox;
  private final FigureRepository figures;
  private final ReadModelStamps stamps;

  SnapshotListener(Inbox inbox, FigureRepository figures, ReadModelStamps stamps) {
    this.inbox = inbox;
    this.figures = figures;
    this.stamps = stamps;
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.SCHOOL_INDICATOR_SNAPSHOTS)
  @Transactional
  void on(String json) {
    EventEnvelope<IndicatorSnapshotPublished> env = EventCodec.decode(json, IndicatorSnapshotPublished.class);
    if (!inbox.firstDelivery(ID, env.eventId())) {
      return;
    }
    IndicatorSnapshotPublished s = env.payload();
    if (figures.save(s)) {
      stamps.schoolChanged(s.schoolId());
    } else {
      log.debug(
          "ignored snapshot of school {} {} {} version {}: not newer than stored", s.schoolId(), s.indicatorCode(), s.periodId(), s.version());
    }
  }
}
