package org.gongyu.school.topic;

import java.sql.Timestamp;
import java.time.Clock;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.ResearchTopicPublished;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** This tier's copy of the city's topic bank: the highest version per topic. */
@Component
class TopicCopy {

  private final JdbcClient jdbc;
  private final Inbox inbox;
  private final Clock clock;

  TopicCopy(JdbcClient jdbc, Inbox inbox, Clock clock) {
    this.jdbc = jdbc;
    this.inbox = inbox;
    this.clock = clock;
  }

  @KafkaListener(id = "school-research-topics", idIsGroup = false, topics = Topics.CITY_RESEARCH_TOPICS)
  @Transactional
  public void on(String json) {
    var event = EventCodec.decode(json, ResearchTopicPublished.class);
    if (!inbox.firstDelivery("school.research-topics", event.eventId())) {
      return;
    }
    ResearchTopicPublished t = event.payload();
    PayloadCheck.id("topicId", t.topicId());
    PayloadCheck.version(t.version());
    jdbc.sql("""
            insert into research_topic (topic_id, city_id, title, category, problem_title, capacity, status, version, received_at)
            values (:id, :city, :title, :category, :problem, :capacity, :status, :version, :now)
            on conflict (topic_id) do update set title = excluded.title, category = excluded.category,
              problem_title = excluded.problem_title, capacity = excluded.capacity, status = excluded.status,
              version = excluded.version, received_at = excluded.received_at
            where research_topic.version < excluded.version""")
        .param("id", t.topicId()).param("city", t.cityId()).param("title", t.title()).param("category", t.category())
        .param("problem", t.problemTitle()).param("capacity", t.capacity()).param("status", t.status().name())
        .param("version", t.version()).param("now", Timestamp.from(clock.instant()))
        .update();
  }
}
