package org.gongyu.district.rollup;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gongyu.chassis.messaging.BatchDelivery;
import org.gongyu.chassis.messaging.Freshness;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.district.registry.SchoolDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.stereotype.Component;

/**
 * Applies school snapshots: keeps the highest version per (school, indicator, period) and the
 * earliest asOf seen, and marks the rollup of the county the school belonged to on the period's
 * first day due when either changes; {@link RollupRefresher} recomputes it within a round.
 */
@Component
class SnapshotListener {

  /** The Kafka listener's id; also the {@code consumer} of its freshness. */
  static final String ID = "district-service-school-snapshots";
  static final String CONSUMER = "district-service.school-snapshots";
  private static final Logger log = LoggerFactory.getLogger(SnapshotListener.class);

  private final Inbox inbox;
  private final SchoolDirectory schools;
  private final CountyRollupRepository repo;
  private final CountyRollups rollups;
  private final CityCalendar calendar;
  private final BatchDelivery delivery;
  private final Freshness freshness;

  SnapshotListener(
      Inbox inbox, SchoolDirectory schools, CountyRollupRepository repo, CountyRollups rollups, CityCalendar calendar,
      BatchDelivery delivery, Freshness freshness) {
    this.freshness = freshness;
    this.delivery = delivery;
    this.inbox = inbox;
    this.calendar = calendar;
    this.schools = schools;
    this.repo = repo;
    this.rollups = rollups;
  }

  /**
   * One poll of snapshots in one transaction (issue 16): each new snapshot is stored as before, and
   * each county rollup they touch is marked due once for the whole poll (ADR 0036): the consumers no
   * longer recompute, so three of them on one county do not queue on its rollup's lock, and a busy
   * county is recomputed once per round of {@link RollupRefresher}, not once per poll of each consumer.
   * The schools' locks are taken in id order, then the marks' in {@link CountyRollups}' lock
   * order, so that concurrent consumers cannot deadlock. A snapshot that cannot be decoded or
   * checked, or that the database refuses, is named to the container and goes to the dead-letter
   * topic after its retries ({@link BatchDelivery}); the others are applied.
   */
  @KafkaListener(
      id = ID,
      idIsGroup = false,
      topics = Topics.SCHOOL_INDICATOR_SNAPSHOTS,
      batch = "true",
      concurrency = "${gongyu.district.snapshot-concurrency:3}")
  void on(ConsumerRecords<String, String> records) {
    delivery.apply(records, this::decode, this::apply);
  }

  private EventEnvelope<IndicatorSnapshotPublished> decode(String json) {
    EventEnvelope<IndicatorSnapshotPublished> env = EventCodec.decode(json, IndicatorSnapshotPublished.class);
    check(env.payload());
    return env;
  }

  private void apply(List<EventEnvelope<IndicatorSnapshotPublished>> batch) {
    freshness.applied(ID, batch); // counted once this poll's transaction commits
    new TreeSet<>(batch.stream().map(e -> e.payload().schoolId()).toList()).forEach(schools::lockSchoolId);
    Set<RollupKey> keys = new LinkedHashSet<>();
    Map<String, Optional<String>> countyOf = new HashMap<>();
    java.util.Set<java.util.UUID> first = inbox.firstDeliveries(CONSUMER, batch.stream().map(EventEnvelope::eventId).toList());
    for (EventEnvelope<IndicatorSnapshotPublished> env : batch) {
      if (!first.remove(env.eventId())) {
        continue;
      }
      IndicatorSnapshotPublished s = env.payload();
      if (!repo.store(s)) {
        log.debug("ignored snapshot {}/{}/{} v{}: neither newer nor earlier than the stored one",
            s.schoolId(), s.indicatorCode(), s.periodId(), s.version());
        continue;
      }
      // The period belongs to the county the school was in on its first day.
      LocalDate firstDay = calendar.parse(s.periodId()).start(calendar.calendar());
      Optional<String> county = countyOf.computeIfAbsent(s.schoolId() + "@" + firstDay, k -> schools.countyOn(s.schoolId(), firstDay));
      if (county.isEmpty()) {
        log.warn("stored snapshot {}/{}/{} v{}: school {} is not registered (or had closed by the period), no rollup until it is",
            s.schoolId(), s.indicatorCode(), s.periodId(), s.version(), s.schoolId());
        continue;
      }
      keys.add(new RollupKey(county.get(), s.indicatorCode(), s.periodId()));
    }
    rollups.markDue(keys);
  }

  private Period check(IndicatorSnapshotPublished s) {
    PayloadCheck.id("schoolId", s.schoolId());
    PayloadCheck.indicatorCode(s.indicatorCode());
    PayloadCheck.id("periodId", s.periodId());
    PayloadCheck.require(s.numerator() >= 0 && s.denominator() >= 0, "figures cannot be negative");
    PayloadCheck.require(s.asOf() != null, "asOf is required");
    PayloadCheck.version(s.version());
    try {
      Period period = calendar.parse(s.periodId());
      PayloadCheck.require(period.id().equals(s.periodId()), "periodId '" + s.periodId() + "' is not in canonical form");
      return period;
    } catch (IllegalArgumentException e) {
      PayloadCheck.require(false, "periodId: " + e.getMessage());
      throw e;
    }
  }
}
