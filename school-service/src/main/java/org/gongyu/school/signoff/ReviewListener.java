package org.gongyu.school.signoff;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.ReportingDeadlineSet;
import org.gongyu.contracts.district.v1.SchoolPeriodReviewed;
import org.gongyu.contracts.period.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumes the county's period-approvals topic: reviews of this tier's sign-offs and the counties'
 * reporting deadlines ({@link CountyDeadlines}). The topic also
 * carries the county's submissions to the city ({@code CountyPeriodSubmission}), which are not for
 * this tier and are skipped; a record that cannot be decoded goes to the dead-letter topic at once.
 * Each review is applied once (its event id recorded in the same transaction); one that is applied
 * is told to the school's admins ({@link ReviewNotices}).
 */
@Component
class ReviewListener {

  static final String CONSUMER = "school.sign-off-reviews";
  private static final Logger log = LoggerFactory.getLogger(ReviewListener.class);

  private final Inbox inbox;
  private final SignOffs signOffs;
  private final ReviewNotices notices;
  private final CountyDeadlines deadlines;

  ReviewListener(Inbox inbox, SignOffs signOffs, ReviewNotices notices, CountyDeadlines deadlines) {
    this.deadlines = deadlines;
    this.inbox = inbox;
    this.signOffs = signOffs;
    this.notices = notices;
  }

  @KafkaListener(id = "school-sign-off-reviews", idIsGroup = false, topics = Topics.DISTRICT_PERIOD_APPROVALS)
  @Transactional
  public void on(String json) {
    String type = EventCodec.typeOf(json);
    if ("ReportingDeadlineSet".equals(type)) {
      deadline(EventCodec.decode(json, ReportingDeadlineSet.class));
      return;
    }
    if (!"SchoolPeriodReviewed".equals(type)) {
      log.debug("skipped a {} event on {}: school-service does not consume it", type, Topics.DISTRICT_PERIOD_APPROVALS);
      return;
    }
    EventEnvelope<SchoolPeriodReviewed> env = EventCodec.decode(json, SchoolPeriodReviewed.class);
    SchoolPeriodReviewed r = env.payload();
    PayloadCheck.id("countyId", r.countyId());
    PayloadCheck.id("schoolId", r.schoolId());
    PayloadCheck.version(r.version());
    PayloadCheck.require(validPeriod(r.periodId()), "periodId is not a period id");
    PayloadCheck.require(r.comment() == null || r.comment().length() <= 2000, "comment is at most 2000 characters");
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    SignOffs.Reviewed outcome = signOffs.review(r);
    if (outcome == SignOffs.Reviewed.APPLIED) {
      notices.reviewed(r);
    }
    log.info("review v{} ({}) of sign-off v{} of {} at school {}: {}", r.version(), r.action(), r.signOffVersion(),
        r.periodId(), r.schoolId(), outcome);
  }

  /** A county's deadline, kept at the highest version for the reminders ({@link DeadlineNotices}). */
  private void deadline(EventEnvelope<ReportingDeadlineSet> env) {
    ReportingDeadlineSet d = env.payload();
    PayloadCheck.id("countyId", d.countyId());
    PayloadCheck.version(d.version());
    PayloadCheck.require(validPeriod(d.periodId()), "periodId is not a period id");
    if (inbox.firstDelivery(CONSUMER, env.eventId()) && !deadlines.store(d)) {
      log.debug("ignored deadline v{} of county {} period {}: not newer than the stored one", d.version(), d.countyId(),
          d.periodId());
    }
  }

  private static boolean validPeriod(String id) {
    try {
      Period.parse(id);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
