package org.gongyu.district.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.school.v1.PeriodSignedOff;
import org.gongyu.district.registry.SchoolDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each school's latest sign-off of a period (highest version wins; the event id recorded in
 * the same transaction), for the county the school belonged to on the period's first day. A
 * sign-off of a school that is in no county of the registry for the period is ignored with a log
 * line (ids only). A newer sign-off awaits review again, whatever the county did with the older one,
 * and the county's admins are told so (once per school, period and version).
 */
@Component
class SignOffListener {

  static final String CONSUMER = "district-service.sign-offs";
  static final String SCHOOL_SERVICE = "school-service";
  private static final Logger log = LoggerFactory.getLogger(SignOffListener.class);
  private static final String SIGNED_OFF = PeriodSignedOff.class.getSimpleName();

  private final Inbox inbox;
  private final Approvals approvals;
  private final SchoolDirectory schools;
  private final CityCalendar calendar;
  private final Clock clock;
  private final ApprovalNotices notices;
  private final ApplicationEventPublisher events;

  SignOffListener(Inbox inbox, Approvals approvals, SchoolDirectory schools, CityCalendar calendar, Clock clock,
      ApprovalNotices notices, ApplicationEventPublisher events) {
    this.events = events;
    this.inbox = inbox;
    this.approvals = approvals;
    this.schools = schools;
    this.calendar = calendar;
    this.clock = clock;
    this.notices = notices;
  }

  @KafkaListener(id = "district-service-sign-offs", idIsGroup = false, topics = Topics.SCHOOL_SIGN_OFFS)
  @Transactional
  void on(String json) {
    String type = EventCodec.typeOf(json);
    if (!type.equals(SIGNED_OFF)) {
      log.debug("ignored a {} event on {}: not one this service applies", type, Topics.SCHOOL_SIGN_OFFS);
      return;
    }
    EventEnvelope<PeriodSignedOff> env = EventCodec.decode(json, PeriodSignedOff.class);
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    PeriodSignedOff s = env.payload();
    Period period = check(s);
    Optional<String> county = schools.countyOn(s.schoolId(), period.start(calendar.calendar()));
    if (county.isEmpty()) {
      log.info("ignored sign-off {}/{} v{}: the school is in no county of the registry for the period",
          s.schoolId(), s.periodId(), s.version());
      return;
    }
    approvals.lock(county.get(), s.periodId());
    Instant now = clock.instant();
    String figures = ApprovalService.JSON.writeValueAsString(s.figures());
    if (!approvals.storeSignOff(county.get(), s.schoolId(), s.periodId(), s.version(), s.signedOffAt(), figures, now)) {
      log.debug("ignored sign-off {}/{} v{}: not newer than the stored one", s.schoolId(), s.periodId(), s.version());
      return;
    }
    approvals.trail(county.get(), s.periodId(), s.schoolId(), s.signedOffAt(), SCHOOL_SERVICE, "SIGNED_OFF", s.version(), null);
    notices.signedOff(county.get(), s);
    events.publishEvent(new SignOffsChanged(county.get(), s.periodId()));
    log.info("sign-off {}/{} v{} awaits the review of county {}", s.schoolId(), s.periodId(), s.version(), county.get());
  }

  private Period check(PeriodSignedOff s) {
    PayloadCheck.id("schoolId", s.schoolId());
    PayloadCheck.id("periodId", s.periodId());
    PayloadCheck.version(s.version());
    for (PeriodSignedOff.SignedFigure f : s.figures()) {
      PayloadCheck.require(f != null, "a figure is null");
      PayloadCheck.indicatorCode(f.indicatorCode());
      PayloadCheck.require(f.numerator() >= 0 && f.denominator() >= 0, "figures cannot be negative");
    }
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
