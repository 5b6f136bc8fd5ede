package org.gongyu.city.approval;

import java.time.Clock;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.CountyPeriodSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each county's latest submission of a period (highest version wins; the event id recorded in
 * the same transaction). The topic also carries the county's reviews of its schools
 * ({@code SchoolPeriodReviewed}), which the city does not keep. The city's staff and admins are
 * told of each newly stored submission or withdrawal ({@link SubmissionNotices}).
 */
@Component
class SubmissionListener {

  static final String CONSUMER = "city-service.county-submissions";
  static final String DISTRICT_SERVICE = "district-service";
  private static final Logger log = LoggerFactory.getLogger(SubmissionListener.class);
  private static final String SUBMISSION = CountyPeriodSubmission.class.getSimpleName();

  private final Inbox inbox;
  private final Submissions submissions;
  private final Clock clock;
  private final SubmissionNotices notices;

  SubmissionListener(Inbox inbox, Submissions submissions, Clock clock, SubmissionNotices notices) {
    this.inbox = inbox;
    this.submissions = submissions;
    this.clock = clock;
    this.notices = notices;
  }

  @KafkaListener(id = "city-service-county-submissions", idIsGroup = false, topics = Topics.DISTRICT_PERIOD_APPROVALS)
  @Transactional
  void on(String json) {
    String type = EventCodec.typeOf(json);
    if (!type.equals(SUBMISSION)) {
      log.debug("ignored a {} event on {}: not one this service applies", type, Topics.DISTRICT_PERIOD_APPROVALS);
      return;
    }
    EventEnvelope<CountyPeriodSubmission> env = EventCodec.decode(json, CountyPeriodSubmission.class);
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    CountyPeriodSubmission s = env.payload();
    check(s);
    submissions.lock(s.countyId(), s.periodId());
    String schools = CityApprovalService.JSON.writeValueAsString(s.schools());
    if (!submissions.storeIfNewer(s.countyId(), s.periodId(), s.status().name(), s.version(), schools, s.reason(), s.at(),
        clock.instant())) {
      log.debug("ignored submission {}/{} v{}: not newer than the stored one", s.countyId(), s.periodId(), s.version());
      return;
    }
    submissions.trail(s.countyId(), s.periodId(), s.at(), DISTRICT_SERVICE, s.status().name(), s.version(), s.reason());
    notices.submission(s);
    log.info("county {} {} period {} (version {})", s.countyId(), s.status().name().toLowerCase(), s.periodId(), s.version());
  }

  private static void check(CountyPeriodSubmission s) {
    PayloadCheck.id("countyId", s.countyId());
    PayloadCheck.id("periodId", s.periodId());
    PayloadCheck.version(s.version());
    PayloadCheck.require(s.reason() == null || s.reason().length() <= 2000, "reason must be at most 2000 characters");
    for (CountyPeriodSubmission.ApprovedSchool a : s.schools()) {
      PayloadCheck.require(a != null, "a school is null");
      PayloadCheck.id("schoolId", a.schoolId());
      PayloadCheck.version(a.signOffVersion());
    }
  }
}
