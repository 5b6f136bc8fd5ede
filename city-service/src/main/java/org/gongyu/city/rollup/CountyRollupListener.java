package org.gongyu.city.rollup;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.city.county.Counties;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies county rollups: keeps the highest version per (county, indicator, period) and recomputes
 * the city rollup when a newer one of a known county arrives.
 */
@Component
class CountyRollupListener {

  static final String CONSUMER = "city-service.county-rollups";
  private static final Logger log = LoggerFactory.getLogger(CountyRollupListener.class);

  private final Inbox inbox;
  private final CityRollupRepository repo;
  private final Counties counties;
  private final CityRollups rollups;

  CountyRollupListener(Inbox inbox, CityRollupRepository repo, Counties counties, CityRollups rollups) {
    this.inbox = inbox;
    this.repo = repo;
    this.counties = counties;
    this.rollups = rollups;
  }

  @KafkaListener(
      id = "city-service-county-rollups",
      idIsGroup = false,
      topics = Topics.DISTRICT_INDICATOR_ROLLUPS,
      concurrency = "${gongyu.county-rollups.concurrency:3}")
  @Transactional
  void on(String json) {
    EventEnvelope<CountyRollupPublished> env = EventCodec.decode(json, CountyRollupPublished.class);
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    CountyRollupPublished r = env.payload();
    check(r);
    if (!repo.storeIfNewer(r)) {
      log.debug("ignored county rollup {}/{}/{} v{}: not newer than the stored one",
          r.countyId(), r.indicatorCode(), r.periodId(), r.version());
      return;
    }
    // The city lock before asking whether the county is known: a county registered concurrently
    // is either seen here or recomputes this rollup itself.
    counties.lockShared();
    if (!counties.isKnown(r.countyId())) {
      log.warn("stored rollup {}/{}/{} v{}: county {} is not registered in the city, it does not count until it is",
          r.countyId(), r.indicatorCode(), r.periodId(), r.version(), r.countyId());
      return;
    }
    rollups.recompute(new RollupKey(r.indicatorCode(), r.periodId()));
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
