package org.gongyu.district.demonstration.programme;

import java.util.regex.Pattern;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.StandardPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps every version of every standard the city issues (a programme keeps the one it started with). */
@Component
class StandardPublishedListener {

  static final String CONSUMER = "district-service.demonstration-standards";
  /** As {@code demonstration_standard.standard_id} takes it. */
  static final Pattern STANDARD_ID = Pattern.compile("[A-Za-z0-9_-]{1,60}");
  private static final Logger log = LoggerFactory.getLogger(StandardPublishedListener.class);

  private final Inbox inbox;
  private final Standards standards;

  StandardPublishedListener(Inbox inbox, Standards standards) {
    this.inbox = inbox;
    this.standards = standards;
  }

  @KafkaListener(id = "district-service-demonstration-standards", idIsGroup = false, topics = Topics.CITY_DEMONSTRATION_STANDARDS)
  @Transactional
  void on(String json) {
    EventEnvelope<StandardPublished> env = EventCodec.decode(json, StandardPublished.class);
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    StandardPublished s = env.payload();
    PayloadCheck.require(STANDARD_ID.matcher(s.standardId()).matches(), "standardId '" + s.standardId() + "' is not a valid id");
    PayloadCheck.require(s.rubric().criteria().stream().allMatch(c -> c.points().stripTrailingZeros().scale() <= 2)
        && s.rubric().passMark().stripTrailingZeros().scale() <= 2, "points and pass mark have at most 2 decimals");
    if (standards.store(s)) {
      log.info("standard {} version {} stored ({} criteria, pass mark {} of {})", s.standardId(), s.version(),
          s.rubric().criteria().size(), s.rubric().passMark(), s.rubric().fullMark());
    } else {
      log.debug("standard {} version {} was already stored", s.standardId(), s.version());
    }
  }
}
