package org.gongyu.city.survey;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.school.v1.SurveyResultsPublished;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Schools' survey counts ({@code gongyu.school.survey-results.v1}): each event once, the highest version per school kept. */
@Component
class SurveyResultsListener {

  private static final String CONSUMER = "city.survey-results";

  private final Inbox inbox;
  private final SurveyService service;

  SurveyResultsListener(Inbox inbox, SurveyService service) {
    this.inbox = inbox;
    this.service = service;
  }

  @KafkaListener(id = "city-service-survey-results", idIsGroup = false, topics = Topics.SCHOOL_SURVEY_RESULTS)
  @Transactional
  void on(String json) {
    var env = EventCodec.decode(json, SurveyResultsPublished.class);
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    SurveyResultsPublished r = env.payload();
    PayloadCheck.id("surveyId", r.surveyId());
    PayloadCheck.id("schoolId", r.schoolId());
    PayloadCheck.version(r.version());
    PayloadCheck.require(r.responses() >= 0, "responses must not be negative");
    service.apply(r);
  }
}
