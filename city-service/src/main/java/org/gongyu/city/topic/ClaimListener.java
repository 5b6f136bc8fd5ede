package org.gongyu.city.topic;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.school.v1.TopicClaimChanged;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Schools' claims ({@code gongyu.school.topic-claims.v1}): each event once, the highest version per (topic, school) kept. */
@Component
class ClaimListener {

  private final Inbox inbox;
  private final TopicService service;

  ClaimListener(Inbox inbox, TopicService service) {
    this.inbox = inbox;
    this.service = service;
  }

  @KafkaListener(id = "city-service-topic-claims", idIsGroup = false, topics = Topics.SCHOOL_TOPIC_CLAIMS)
  @Transactional
  void on(String json) {
    var env = EventCodec.decode(json, TopicClaimChanged.class);
    if (!inbox.firstDelivery("city.topic-claims", env.eventId())) {
      return;
    }
    TopicClaimChanged c = env.payload();
    PayloadCheck.id("topicId", c.topicId());
    PayloadCheck.id("schoolId", c.schoolId());
    PayloadCheck.version(c.version());
    PayloadCheck.require(c.resultSummary() == null || c.resultSummary().length() <= 4000, "resultSummary at most 4000 characters");
    service.apply(c);
  }
}
