package org.gongyu.school.demonstration;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.AssessmentPanelChanged;
import org.gongyu.contracts.district.v1.DemonstrationProgrammePublished;
import org.gongyu.contracts.district.v1.DemonstrationStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumes the county's demonstration topic: programmes (latest version kept) and the statuses of
 * this service's applications (highest version mirrored). Other types on the topic are not for this
 * tier and are skipped; a record that cannot be decoded goes to the dead-letter topic at once. A
 * newly mirrored status is told to the school's admins ({@link DemonstrationNotices}).
 */
@Component
class DemonstrationListener {

  static final String CONSUMER = "school.demonstration";
  private static final Logger log = LoggerFactory.getLogger(DemonstrationListener.class);
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
  private static final Pattern PROGRAMME_ID = Pattern.compile("[A-Za-z0-9_-]{1,60}");

  private final Inbox inbox;
  private final Programmes programmes;
  private final Applications applications;
  private final Panels panels;
  private final Clock clock;
  private final DemonstrationNotices notices;

  DemonstrationListener(Inbox inbox, Programmes programmes, Applications applications, Panels panels, Clock clock,
      DemonstrationNotices notices) {
    this.inbox = inbox;
    this.programmes = programmes;
    this.applications = applications;
    this.panels = panels;
    this.clock = clock;
    this.notices = notices;
  }

  @KafkaListener(id = "school-demonstration", idIsGroup = false, topics = Topics.DISTRICT_DEMONSTRATION)
  @Transactional
  public void on(String json) {
    String type = EventCodec.typeOf(json);
    switch (type) {
      case "DemonstrationProgrammePublished" -> programme(EventCodec.decode(json, DemonstrationProgrammePublished.class));
      case "DemonstrationStatusChanged" -> status(EventCodec.decode(json, DemonstrationStatusChanged.class));
      case "AssessmentPanelChanged" -> panel(EventCodec.decode(json, AssessmentPanelChanged.class));
      default -> log.debug("skipped a {} event on {}: school-service does not consume it", type, Topics.DISTRICT_DEMONSTRATION);
    }
  }

  private void programme(EventEnvelope<DemonstrationProgrammePublished> env) {
    DemonstrationProgrammePublished p = env.payload();
    check(p);
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    if (!programmes.storeIfNewer(p, clock.instant())) {
      log.debug("ignored programme {} v{}: not newer than the stored one", p.programmeId(), p.version());
    }
  }

  private void status(EventEnvelope<DemonstrationStatusChanged> env) {
    DemonstrationStatusChanged s = env.payload();
    PayloadCheck.require(PROGRAMME_ID.matcher(s.programmeId()).matches(), "programmeId is not a valid programme id");
    PayloadCheck.id("countyId", s.countyId());
    PayloadCheck.id("schoolId", s.schoolId());
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    switch (applications.mirror(s)) {
      case APPLIED -> {
        log.debug("application {} is {} (v{})", s.applicationId(), s.status(), s.version());
        notices.statusChanged(s);
      }
      case NOT_NEWER -> log.debug("ignored status {} v{} of application {}: not newer than the mirrored one",
          s.status(), s.version(), s.applicationId());
      case UNKNOWN_APPLICATION -> log.info("ignored status {} v{} of application {} (school {}): no such application here",
          s.status(), s.version(), s.applicationId(), s.schoolId());
      case OTHER_SCHOOL -> log.warn("ignored status {} v{} of application {}: the event names school {}, the application"
          + " belongs to another school", s.status(), s.version(), s.applicationId(), s.schoolId());
    }
  }

  private void panel(EventEnvelope<AssessmentPanelChanged> env) {
    AssessmentPanelChanged p = env.payload();
    PayloadCheck.require(PROGRAMME_ID.matcher(p.programmeId()).matches(), "programmeId is not a valid programme id");
    PayloadCheck.id("countyId", p.countyId());
    PayloadCheck.id("schoolId", p.schoolId());
    PayloadCheck.version(p.version());
    PayloadCheck.require(p.members().stream().allMatch(m -> USERNAME.matcher(m.assessor()).matches()
            && List.of("ASSIGNED", "CLEARED", "RECUSED").contains(m.status()) && m.round() >= 1),
        "members need a username, a round >= 1 and a status of ASSIGNED, CLEARED or RECUSED");
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    Applications.Mirrored result = panels.storeIfNewer(p);
    log.debug("panel v{} of application {}: {}", p.version(), p.applicationId(), result);
  }

  private static void check(DemonstrationProgrammePublished p) {
    PayloadCheck.require(PROGRAMME_ID.matcher(p.programmeId()).matches(), "programmeId is not a valid programme id");
    PayloadCheck.id("countyId", p.countyId());
    PayloadCheck.require(p.name() != null && !p.name().isBlank() && p.name().length() <= 200, "name must be 1 to 200 characters");
    PayloadCheck.require(p.applicationOpensOn() != null && p.applicationDeadline() != null,
        "applicationOpensOn and applicationDeadline are required");
    PayloadCheck.require(!p.applicationOpensOn().isAfter(p.applicationDeadline()),
        "applicationOpensOn must not be after applicationDeadline");
    PayloadCheck.require(p.creationMonths() >= 1, "creationMonths must be >= 1");
    PayloadCheck.require(p.standardId() != null && PROGRAMME_ID.matcher(p.standardId()).matches(),
        "standardId is not a valid standard id");
    PayloadCheck.require(p.rubric().criteria().stream().allMatch(c -> c.code().length() <= 40),
        "criterion codes are at most 40 characters");
    PayloadCheck.version(p.version());
  }
}
