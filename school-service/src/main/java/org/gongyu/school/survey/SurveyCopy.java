package org.gongyu.school.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.SurveyPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** This tier's copy of the city's surveys: the highest version per survey; redeliveries and older versions change nothing. */
@Component
class SurveyCopy {

  private static final Logger log = LoggerFactory.getLogger(SurveyCopy.class);
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Inbox inbox;
  private final Clock clock;

  SurveyCopy(JdbcClient jdbc, Inbox inbox, Clock clock) {
    this.jdbc = jdbc;
    this.inbox = inbox;
    this.clock = clock;
  }

  @KafkaListener(id = "school-surveys", idIsGroup = false, topics = Topics.CITY_SURVEYS)
  @Transactional
  public void on(String json) {
    var event = EventCodec.decode(json, SurveyPublished.class);
    if (!inbox.firstDelivery("school.surveys", event.eventId())) {
      return;
    }
    SurveyPublished s = event.payload();
    PayloadCheck.id("surveyId", s.surveyId());
    PayloadCheck.version(s.version());
    PayloadCheck.require(s.opensOn() != null && s.closesOn() != null, "opensOn and closesOn are required");
    PayloadCheck.require(!s.questions().isEmpty(), "a survey has questions");
    int kept = jdbc.sql("""
            insert into survey (survey_id, city_id, county_id, title, purpose, audience, questions, opens_on, closes_on, status,
              version, received_at)
            values (:id, :city, :county, :title, :purpose, :audience, cast(:questions as jsonb), :opensOn, :closesOn, :status,
              :version, :now)
            on conflict (survey_id) do update set county_id = excluded.county_id, title = excluded.title,
              purpose = excluded.purpose, audience = excluded.audience, questions = excluded.questions,
              opens_on = excluded.opens_on, closes_on = excluded.closes_on, status = excluded.status,
              version = excluded.version, received_at = excluded.received_at
            where survey.version < excluded.version
            """)
        .param("id", s.surveyId()).param("city", s.cityId()).param("county", s.countyId()).param("title", s.title())
        .param("purpose", s.purpose().name()).param("audience", s.audience().name())
        .param("questions", JSON.writeValueAsString(s.questions())).param("opensOn", s.opensOn())
        .param("closesOn", s.closesOn()).param("status", s.status().name()).param("version", s.version())
        .param("now", Timestamp.from(clock.instant()))
        .update();
    log.info("survey {} version {} ({}) {}", s.surveyId(), s.version(), s.status(), kept == 1 ? "kept" : "not newer");
  }

  /** The questions of a stored survey. */
  static List<SurveyPublished.Question> questions(String json) {
    return List.of(JSON.readValue(json, SurveyPublished.Question[].class));
  }
}
