package org.gongyu.school.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongyu.testing.TopicRecords.readAll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.ResearchTopicPublished;
import org.gongyu.contracts.school.v1.TopicClaimChanged;
import org.gongyu.school.HttpItSupport;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A school's claims of the city's research topics (ADR 0026) against the real PostgreSQL and Kafka:
 * claim, withdraw, claim again, complete with the result, each step once on {@code
 * gongyu.school.topic-claims.v1}; illegal steps 409 and a missing result 422, writing nothing; a
 * topic the city withdrew cannot be claimed; only the school's own users act. Schools 9906210004
 * and 9906210005.
 */
class TopicClaimsIT extends HttpItSupport {

  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_topics");
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-it-topics");
    Keycloak.register(registry);
  }

  @TestConfiguration
  static class Fixtures {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** The topic's producer is city-service; here the test is. */
    @Bean
    NewTopic researchTopics() {
      return TopicBuilder.name(Topics.CITY_RESEARCH_TOPICS).partitions(6).replicas(1).build();
    }
  }

  @Override
  protected Instant now() {
    return NOW;
  }

  @Test
  void aSchoolClaimsWithdrawsClaimsAgainAndCompletesEachStepSentOnce() {
    String school = "9906210004";
    registerSchool(school, "990621");
    String topic = "TPIT-claims";
    publishTopic(topic, ResearchTopicPublished.Status.OPEN, 1);
    String base = "/api/school/schools/" + school + "/research-topics/" + topic + "/claim";

    assertThat(get("/api/school/schools/" + school + "/research-topics").body()).contains(topic).contains("\"claim\":null");
    conflict(send("POST", base + "/withdrawal", null), "NONE");
    conflict(send("POST", base + "/completion", "{\"resultSummary\":\"x\"}"), "NONE");
    assertThat(send("POST", base, null).body()).contains("\"claim\":\"CLAIMED\"");
    conflict(send("POST", base, null), "CLAIMED");
    assertThat(send("POST", base + "/withdrawal", null).body()).contains("\"claim\":\"WITHDRAWN\"");
    conflict(send("POST", base + "/withdrawal", null), "WITHDRAWN");
    assertThat(send("POST", base, null).status()).isEqualTo(200);
    Response noResult = send("POST", base + "/completion", "{\"resultSummary\":\"  \"}");
    assertThat(noResult.status()).as(noResult.body()).isEqualTo(422);
    assertThat(noResult.body()).contains("resultSummary");
    Response done = send("POST", base + "/completion", "{\"resultSummary\":\"形成亲子阅读指导手册一册\"}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("\"claim\":\"COMPLETED\"").contains("形成亲子阅读指导手册一册");
    conflict(send("POST", base, null), "COMPLETED");

    await().atMost(Duration.ofSeconds(30)).until(() -> events(topic).size() == 4);
    List<TopicClaimChanged> events = events(topic);
    assertThat(events).extracting(TopicClaimChanged::status).containsExactly(TopicClaimChanged.Status.CLAIMED,
        TopicClaimChanged.Status.WITHDRAWN, TopicClaimChanged.Status.CLAIMED, TopicClaimChanged.Status.COMPLETED);
    assertThat(events).extracting(TopicClaimChanged::version).containsExactly(1L, 2L, 3L, 4L);
    assertThat(events.getLast().countyId()).isEqualTo("990621");
    assertThat(events.getLast().resultSummary()).isEqualTo("形成亲子阅读指导手册一册");
  }

  @Test
  void aWithdrawnTopicCannotBeClaimedAndOnlyTheSchoolsOwnUsersAct() {
    String school = "9906210005";
    registerSchool(school, "990621");
    String topic = "TPIT-withdrawn";
    publishTopic(topic, ResearchTopicPublished.Status.OPEN, 1);
    String base = "/api/school/schools/" + school + "/research-topics/" + topic + "/claim";
    assertThat(matrix.call("POST", base, null, Keycloak.tokenAs("school-admin", "9906210004"))).isIn(403, 404);
    assertThat(matrix.call("POST", base, null, Keycloak.tokenAs("county-admin", "990621"))).isIn(403, 404);
    publishTopic(topic, ResearchTopicPublished.Status.WITHDRAWN, 2);
    Response refused = send("POST", base, null);
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(jdbc.sql("select count(*) from topic_claim where topic_id = ?").param(topic).query(Long.class).single()).isZero();
    assertThat(send("POST", "/api/school/schools/" + school + "/research-topics/TPnone/claim", null).status()).isEqualTo(404);
  }

  private void conflict(Response r, String status) {
    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.body()).contains("\"currentStatus\":\"" + status + "\"");
  }

  private void publishTopic(String id, ResearchTopicPublished.Status status, long version) {
    kafka.send(Topics.CITY_RESEARCH_TOPICS, id, EventCodec.encode(EventEnvelope.wrap("city-service", NOW,
        new ResearchTopicPublished("990100", id, "亲子阅读习惯养成", "亲子阅读", "家庭阅读氛围不足", 3, status,
            NOW.plusSeconds(version), version))));
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from research_topic where topic_id = ? and version >= ?")
        .params(id, version).query(Long.class).single() == 1);
  }

  private List<TopicClaimChanged> events(String topic) {
    Set<String> own = new HashSet<>(jdbc.sql("select event_id::text from outbox_event where topic = ?")
        .param(Topics.SCHOOL_TOPIC_CLAIMS).query(String.class).list());
    List<TopicClaimChanged> out = new ArrayList<>();
    readAll(Topics.SCHOOL_TOPIC_CLAIMS).forEach(rec -> {
      EventEnvelope<TopicClaimChanged> env = EventCodec.decode(rec.value(), TopicClaimChanged.class);
      if (own.contains(env.eventId().toString()) && env.payload().topicId().equals(topic)) {
        out.add(env.payload());
      }
    });
    return out;
  }
}
