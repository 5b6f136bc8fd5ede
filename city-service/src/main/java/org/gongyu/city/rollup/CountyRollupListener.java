package org.gongyu.city.rollup;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gongyu.chassis.messaging.BatchDelivery;
import org.gongyu.chassis.messaging.Freshness;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.Superseded;
import org.gongyu.city.county.Counties;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.stereotype.Component;

/**
 * Applies county rollups: keeps the highest version per (county, indicator, period) and recomputes
 * the city rollup when a newer one of a known county arrives.
 */
@Component
class CountyRollupListener {

  /** The Kafka listener's id; also the {@code consumer} of its freshness. */
  static final String ID = "city-service-county-rollups";
  static final String CONSUMER = "city-service.county-rollups";
  private static final Logger log = LoggerFactory.getLogger(CountyRollupListener.class);

  private final Inbox inbox;
  private final CityRollupRepository repo;
  private final Counties counties;
  private final CityRollups rollups;
  private final BatchDelivery delivery;
  private final Freshness freshness;

  CountyRollupListener(Inbox inbox, CityRollupRepository repo, Counties counties, CityRollups rollups, BatchDelivery delivery,
      Freshness freshness) {
    this.freshness = freshness;
    this.delivery = delivery;
    this.inbox = inbox;
    this.repo = repo;
    this.counties = counties;
    this.rollups = rollups;
  }

  /**
   * One poll of county rollups in one transaction (issue 16): each newer one is stored as before,
   * and each city rollup they touch is recomputed once for the whole poll, not once per county
   * rollup, in key order. A rollup that cannot be decoded or checked, or that the database refuses,
   * is named to the container and goes to the dead-letter topic after its retries ({@link
   * BatchDelivery}); the others are applied.
   */
  @KafkaListener(
      id = ID,
      idIsGroup = false,
      topics = Topics.DISTRICT_INDICATOR_ROLLUPS,
      batch = "true",
      concurrency = "${gongyu.county-rollups.concurrency:3}")
  void on(ConsumerRecords<String, String> records) {
    delivery.apply(records, CountyRollupListener::decode, this::apply);
  }

  private static EventEnvelope<CountyRollupPublished> decode(String json) {
    EventEnvelope<CountyRollupPublished> env = EventCodec.decode(json, CountyRollupPublished.class);
    check(env.payload());
    return env;
  }

  private void apply(List<EventEnvelope<CountyRollupPublished>> batch) {
    freshness.applied(ID, batch); // counted once this poll's transaction commits
    Set<RollupKey> keys = new TreeSet<>(java.util.Comparator.comparing(RollupKey::indicatorCode).thenComparing(RollupKey::periodId));
    boolean locked = false;
    java.util.Set<java.util.UUID> first = inbox.firstDeliveries(CONSUMER, batch.stream().map(EventEnvelope::eventId).toList());
    // the highest version wins: a version another of this poll supersedes is recorded as seen, not stored
    List<EventEnvelope<CountyRollupPublished>> fresh = Superseded.latestPerKey(
        batch.stream().filter(env -> first.remove(env.eventId())).toList(),
        env -> List.of(env.payload().countyId(), env.payload().indicatorCode(), env.payload().periodId()),
        env -> env.payload().version());
    for (EventEnvelope<CountyRollupPublished> env : fresh) {
      CountyRollupPublished r = env.payload();
      if (!repo.storeIfNewer(r)) {
        log.debug("ignored county rollup {}/{}/{} v{}: not newer than the stored one",
            r.countyId(), r.indicatorCode(), r.periodId(), r.version());
        continue;
      }
      // The city lock before asking whether the county is known: a county registered concurrently
      // is either seen here or recomputes this rollup itself.
      if (!locked) {
        counties.lockShared();
        locked = true;
      }
      if (!counties.isKnown(r.countyId())) {
        log.warn("stored rollup {}/{}/{} v{}: county {} is not registered in the city, it does not count until it is",
            r.countyId(), r.indicatorCode(), r.periodId(), r.version(), r.countyId());
        continue;
      }
      keys.add(new RollupKey(r.indicatorCode(), r.periodId()));
    }
    keys.forEach(rollups::recompute);
  }

  private static void check(CountyRollupPublished r) {
    PayloadCheck.id("countyId", r.countyId());
    PayloadCheck.indicatorCode(r.indicatorCode());
    PayloadCheck.id("periodId", r.periodId());
    PayloadCheck.require(r.numerator() >= 0 && r.denominator() >= 0, "figures cannot be negative");
    PayloadCheck.require(r.schoolsReporting() >= 0 && r.schoolsExpected() >= 0 && r.schoolsMeetingTarget() >= 0,
        "school counts cannot be negative");
    PayloadCheck.require(r.asOf() != null, "asOf is required");
    PayloadCheck.version(r.version());
    if (r.deadline() != null) {
      PayloadCheck.require(r.schoolsOnTime() != null, "schoolsOnTime is required with a deadline");
    }
    if (r.schoolsOnTime() != null) {
      PayloadCheck.require(r.schoolsOnTime() >= 0 && r.schoolsOnTime() <= r.schoolsReporting(),
          "schoolsOnTime must be between 0 and schoolsReporting");
    }
    PayloadCheck.require((r.schoolsSignedOff() == null) == (r.schoolsApproved() == null),
        "schoolsSignedOff and schoolsApproved are both present or both absent");
    if (r.schoolsSignedOff() != null) {
      PayloadCheck.require(r.schoolsSignedOff() >= 0 && r.schoolsSignedOff() <= r.schoolsExpected(),
          "schoolsSignedOff must be between 0 and schoolsExpected");
      PayloadCheck.require(r.schoolsApproved() >= 0 && r.schoolsApproved() <= r.schoolsSignedOff(),
          "schoolsApproved must be between 0 and schoolsSignedOff");
    }
    if (r.schoolsSignedOffOnTime() != null) {
      PayloadCheck.require(r.schoolsSignedOff() != null && r.schoolsSignedOffOnTime() >= 0
          && r.schoolsSignedOffOnTime() <= r.schoolsSignedOff(), "schoolsSignedOffOnTime must be between 0 and schoolsSignedOff");
    }
  }
}
