package org.gongyu.city.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongyu.testing.TopicRecords.readAll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongyu.city.CityApiItSupport;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.ResearchTopicPublished;
import org.gongyu.contracts.school.v1.TopicClaimChanged;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The problem list and the topic bank (ADR 0026) against the real PostgreSQL, Kafka and Keycloak:
 * problems checked and resolved once, topics published and withdrawn once on {@code
 * gongyu.city.research-topics.v1}, schools' claims kept at their highest version (the listener
 * called as Kafka would) and counted against the capacity. Schools 9906240001 to 9906240003.
 */
class TopicBankIT extends CityApiItSupport {

  @Autowired ClaimListener listener;

  @Test
  void aProblemIsCheckedListedAndResolvedOnce() {
    ResponseEntity<JsonNode> bad = as("POST", "/api/city/problems", "{\"title\":\" \",\"category\":\"亲子沟通\",\"source\":\"SURVEY\"}");
    assertProblem(bad, 422, "");
    assertThat(errors(bad)).anyMatch(e -> e.startsWith("title:")).anyMatch(e -> e.startsWith("surveyId:"));
    assertProblem(as("POST", "/api/city/problems", "{\"title\":\"沉迷手机\",\"category\":\"亲子沟通\",\"source\":\"GOSSIP\"}"), 422, "source");
    assertProblem(as("POST", "/api/city/problems", "{\"title\":\"沉迷手机\",\"category\":\"亲子沟通\",\"source\":\"OTHER\",\"surveyId\":\"SV1\"}"),
        422, "surveyId");
    JsonNode p = created(as("POST", "/api/city/problems",
        "{\"title\":\"孩子沉迷手机\",\"category\":\"亲子沟通\",\"source\":\"CONSULTATION\",\"description\":\"个案咨询中反映最多\"}"));
    assertThat(p.get("status").asString()).isEqualTo("OPEN");
    assertThat(ids(ok(as("GET", "/api/city/problems", null)))).contains(p.get("id").asString());
    String id = p.get("id").asString();
    assertThat(ok(as("POST", "/api/city/problems/" + id + "/resolution", null)).get("status").asString()).isEqualTo("RESOLVED");
    ResponseEntity<JsonNode> again = as("POST", "/api/city/problems/" + id + "/resolution", null);
    assertProblem(again, 409, "");
    assertThat(again.getBody().get("currentStatus").asString()).isEqualTo("RESOLVED");
  }

  @Test
  void aTopicIsPublishedWithdrawnOnceAndSeesTheSchoolsClaimsAgainstItsCapacity() {
    String problem = created(as("POST", "/api/city/problems",
        "{\"title\":\"学习动力不足\",\"category\":\"学习习惯\",\"source\":\"OTHER\"}")).get("id").asString();
    assertProblem(as("POST", "/api/city/research-topics", "{\"title\":\"课题\",\"category\":\"x\",\"capacity\":0,\"problemId\":\"PBnone\"}"),
        422, "");
    JsonNode topic = created(as("POST", "/api/city/research-topics",
        "{\"title\":\"激发小学生学习内驱力的家庭策略\",\"category\":\"学习习惯\",\"problemId\":\"" + problem + "\",\"capacity\":2}"));
    String id = topic.get("id").asString();
    assertThat(topic.get("problemTitle").asString()).isEqualTo("学习动力不足");

    deliver(claim(id, "9906240001", TopicClaimChanged.Status.CLAIMED, null, 1));
    deliver(claim(id, "9906240002", TopicClaimChanged.Status.CLAIMED, null, 1));
    deliver(claim(id, "9906240003", TopicClaimChanged.Status.CLAIMED, null, 1));
    JsonNode three = ok(as("GET", "/api/city/research-topics/" + id, null));
    assertThat(three.get("claimed").asLong()).isEqualTo(3);
    assertThat(three.get("overCapacity").asBoolean()).isTrue();
    // school 3 withdraws, school 1 completes; an older version arriving late changes nothing
    deliver(claim(id, "9906240003", TopicClaimChanged.Status.WITHDRAWN, null, 2));
    deliver(claim(id, "9906240001", TopicClaimChanged.Status.COMPLETED, "形成家庭学习约定模板一套", 2));
    deliver(claim(id, "9906240001", TopicClaimChanged.Status.CLAIMED, null, 1));
    JsonNode after = ok(as("GET", "/api/city/research-topics/" + id, null));
    assertThat(after.get("claimed").asLong()).isEqualTo(2);
    assertThat(after.get("completed").asLong()).isEqualTo(1);
    assertThat(after.get("overCapacity").asBoolean()).isFalse();
    assertThat(after.get("claims").get(0).get("resultSummary").asString()).isEqualTo("形成家庭学习约定模板一套");
    // a claim of a topic the city does not have is dropped
    deliver(claim("TPnone", "9906240001", TopicClaimChanged.Status.CLAIMED, null, 1));
    assertThat(count("select count(*) from topic_claim where topic_id = 'TPnone'")).isZero();

    assertThat(ok(as("POST", "/api/city/research-topics/" + id + "/withdrawal", null)).get("status").asString()).isEqualTo("WITHDRAWN");
    ResponseEntity<JsonNode> again = as("POST", "/api/city/research-topics/" + id + "/withdrawal", null);
    assertProblem(again, 409, "");
    assertThat(again.getBody().get("currentStatus").asString()).isEqualTo("WITHDRAWN");
    awaitOutboxDrained();
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(published(id)).hasSize(2));
    assertThat(published(id)).extracting(ResearchTopicPublished::status)
        .containsExactly(ResearchTopicPublished.Status.OPEN, ResearchTopicPublished.Status.WITHDRAWN);
    assertThat(published(id)).extracting(ResearchTopicPublished::version).containsExactly(1L, 2L);

    assertThat(as(Keycloak.tokenAs("county-admin", "990621"), "GET", "/api/city/research-topics", null).getStatusCode().value()).isIn(403, 404);
  }

  private void deliver(TopicClaimChanged c) {
    String json = EventCodec.encode(EventEnvelope.wrap("school-service", Instant.parse("2026-03-01T02:00:00Z"), c));
    listener.on(json);
    listener.on(json);
  }

  private static TopicClaimChanged claim(String topic, String school, TopicClaimChanged.Status status, String summary, long version) {
    return new TopicClaimChanged(topic, school, "990624", "课题学校" + school, status, summary,
        Instant.parse("2026-03-01T02:00:00Z").plusSeconds(version), version);
  }

  private ResponseEntity<JsonNode> as(String method, String path, String json) {
    return as(Keycloak.tokenAs("city-staff", Keycloak.CITY), method, path, json);
  }

  private ResponseEntity<JsonNode> as(String token, String method, String path, String json) {
    var spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).headers(h -> h.setBearerAuth(token));
    if (json != null) {
      spec = spec.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return spec.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  private static JsonNode ok(ResponseEntity<JsonNode> r) {
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    return r.getBody();
  }

  private static JsonNode created(ResponseEntity<JsonNode> r) {
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
    return r.getBody();
  }

  private static List<String> errors(ResponseEntity<JsonNode> r) {
    List<String> out = new ArrayList<>();
    r.getBody().get("errors").forEach(e -> out.add(e.asString()));
    return out;
  }

  private static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(l -> out.add(l.get("id").asString()));
    return out;
  }

  private List<ResearchTopicPublished> published(String id) {
    Set<String> own = new HashSet<>(jdbc.sql("select event_id::text from outbox_event where topic = ?")
        .param(Topics.CITY_RESEARCH_TOPICS).query(String.class).list());
    List<ResearchTopicPublished> out = new ArrayList<>();
    readAll(Topics.CITY_RESEARCH_TOPICS).forEach(rec -> {
      EventEnvelope<ResearchTopicPublished> env = EventCodec.decode(rec.value(), ResearchTopicPublished.class);
      if (own.contains(env.eventId().toString()) && env.payload().topicId().equals(id)) {
        out.add(env.payload());
      }
    });
    return out;
  }
}
