package org.gongyu.district.approval;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CountyPeriodDecided;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the city's latest decision on a county's submission of a period (highest version wins), so
 * that the county sees it with its comment; a return lets the county review and submit again. The
 * county's admins are told of each decision once (county, period, decision version).
 */
@Component
class CityDecisionListener {

  static final String CONSUMER = "district-service.city-decisions";
  static final String CITY_SERVICE = "city-service";
  private static final Logger log = LoggerFactory.getLogger(CityDecisionListener.class);
  private static final String DECIDED = CountyPeriodDecided.class.getSimpleName();

  private final Inbox inbox;
  private final Approvals approvals;
  private final ApprovalNotices notices;

  CityDecisionListener(Inbox inbox, Approvals approvals, ApprovalNotices notices) {
    this.inbox = inbox;
    this.approvals = approvals;
    this.notices = notices;
  }

  @KafkaListener(id = "district-service-city-decisions", idIsGroup = false, topics = Topics.CITY_PERIOD_DECISIONS)
  @Transactional
  void on(String json) {
    String type = EventCodec.typeOf(json);
    if (!type.equals(DECIDED)) {
      log.debug("ignored a {} event on {}: not one this service applies", type, Topics.CITY_PERIOD_DECISIONS);
      return;
    }
    EventEnvelope<CountyPeriodDecided> env = EventCodec.decode(json, CountyPeriodDecided.class);
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    CountyPeriodDecided d = env.payload();
    PayloadCheck.id("countyId", d.countyId());
    PayloadCheck.id("periodId", d.periodId());
    PayloadCheck.version(d.version());
    PayloadCheck.version(d.submissionVersion());
    PayloadCheck.require(d.comment() == null || d.comment().length() <= 1000, "comment must be at most 1000 characters");
    approvals.lock(d.countyId(), d.periodId());
    if (!approvals.storeDecision(d.countyId(), d.periodId(), d.decision().name(), d.version(), d.submissionVersion(),
        d.comment(), d.at())) {
      log.info("ignored city decision {}/{} v{}: not newer than the stored one, or no submission of it here",
          d.countyId(), d.periodId(), d.version());
      return;
    }
    approvals.trail(d.countyId(), d.periodId(), null, d.at(), CITY_SERVICE, "CITY_" + d.decision().name(),
        d.submissionVersion(), d.comment());
    notices.cityDecided(d);
  }
}
