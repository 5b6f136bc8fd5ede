package org.gongyu.reporting.approval;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.reporting.stamps.ReadModelStamps;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.SchoolPeriodReviewed;
import org.gongyu.contracts.school.v1.PeriodSignedOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the latest sign-off and the latest review per (school, period); each event id recorded in
 * the same transaction, so a redelivery, a replay or an older version changes nothing.
 */
@Component
class ApprovalListeners {

  static final String SIGN_OFFS = "reporting-service-sign-offs";
  static final String REVIEWS = "reporting-service-period-approvals";
  private static final Logger log = LoggerFactory.getLogger(ApprovalListeners.class);

  private final Inbox inbox;
  private final ApprovedFigures approved;
  private final ReadModelStamps stamps;

  ApprovalListeners(Inbox inbox, ApprovedFigures approved, ReadModelStamps stamps) {
    this.inbox = inbox;
    this.approved = approved;
    this.stamps = stamps;
  }

  @KafkaListener(id = SIGN_OFFS, idIsGroup = false, topics = Topics.SCHOOL_SIGN_OFFS)
  @Transactional
  void onSignOff(String json) {
    EventEnvelope<PeriodSignedOff> env = EventCodec.decode(json, PeriodSignedOff.class);
    if (!inbox.firstDelivery(SIGN_OFFS, env.eventId())) {
      return;
    }
    if (approved.save(env.payload())) {
      stamps.schoolChanged(env.payload().schoolId());
    } else {
      log.debug("ignored sign-off of school {} {} version {}: not newer than stored", env.payload().schoolId(),
          env.payload().periodId(), env.payload().version());
    }
  }

  /** The topic also carries the county's submissions to the city, which reports do not need (yet). */
  @KafkaListener(id = REVIEWS, idIsGroup = false, topics = Topics.DISTRICT_PERIOD_APPROVALS)
  @Transactional
  void onApproval(String json) {
    if (!SchoolPeriodReviewed.class.getSimpleName().equals(EventCodec.typeOf(json))) {
      return;
    }
    EventEnvelope<SchoolPeriodReviewed> env = EventCodec.decode(json, SchoolPeriodReviewed.class);
    if (!inbox.firstDelivery(REVIEWS, env.eventId())) {
      return;
    }
    if (approved.save(env.payload())) {
      stamps.schoolChanged(env.payload().schoolId());
    } else {
      log.debug("ignored review of school {} {} version {}: not newer than stored", env.payload().schoolId(),
          env.payload().periodId(), env.payload().version());
    }
  }
}
