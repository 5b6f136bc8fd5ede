package org.gongyu.district.rollup;

import java.util.Optional;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies school snapshots: keeps the highest version per (school, indicator, period) and the
 * earliest asOf seen, and recomputes the rollup of the county the school belonged to on the
 * period's first day when either changes.
 */
@Component
class SnapshotListener {

  static final String CONSUMER = "district-service.school-snapshots";
  private static final Logger log = LoggerFactory.getLogger(SnapshotListener.class);

  private final Inbox inbox;
  private final SchoolDirectory schools;
  private final CountyRollupRepository repo;
  private final CountyRollups rollups;
  private final CityCalendar calendar;

  SnapshotListener(
      Inbox inbox, SchoolDirectory schools, CountyRollupRepository repo, CountyRollups rollups, CityCalendar calendar) {
    this.inbox = inbox;
    this.calendar = calendar;
    this.schools = schools;
    this.repo = repo;
    this.rollups = rollups;
  }

  @KafkaListener(
      id = "district-service-school-snapshots",
      idIsGroup = false,
      topics = Topics.SCHOOL_INDICATOR_SNAPSHOTS,
      concurrency = "${gongyu.district.snapshot-concurrency:3}")
  @Transactional
  void on(String json) {
    EventEnvelope<IndicatorSnapshotPublished> env = EventCodec.decode(json, IndicatorSnapshotPublished.class);
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    IndicatorSnapshotPublished s = env.payload();
    Period period = check(s);
    schools.lockSchoolId(s.schoolId());
    if (!repo.store(s)) {
      log.debug("ignored snapshot {}/{}/{} v{}: neither newer nor earlier than the stored one",
          s.schoolId(), s.indicatorCode(), s.periodId(), s.version());
      return;
    }
    // The period belongs to the county the school was in on its first day.
    Optional<String> county = schools.countyOn(s.schoolId(), period.start(calendar.calendar()));
    if (county.isEmpty()) {
      log.warn("stored snapshot {}/{}/{} v{}: school {} is not registered, no rollup until it is",
          s.schoolId(), s.indicatorCode(), s.periodId(), s.version(), s.schoolId());
      return;
    }
    rollups.recompute(new RollupKey(county.get(), s.indicatorCode(), s.periodId()));
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
