package org.gongyu.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongyu.testing.TopicRecords.readAll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CountyPeriodDecided;
import org.gongyu.contracts.district.v1.CountyPeriodSubmission;
import org.gongyu.contracts.district.v1.SchoolPeriodReviewed;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The city's part of the approval chain (ADR 0019) against the real PostgreSQL and Kafka: county
 * submissions fed to {@code gongyu.district.period-approvals.v1} as district-service sends them,
 * kept once and newest first; acceptance and return with their events on {@code
 * gongyu.city.period-decisions.v1}; the refusals. Only its submission listener runs (the county
 * rollups are CityRollupIT's), and the context goes when the class is done, so it leaves the
 * {@code city-service} consumer group before another IT's context joins it. Counties 996211 to 996214, 996004 (notifications).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.kafka.listener.auto-startup=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class CityApprovalIT {

  private static final String PERIOD = "2025-2026-1";
  private static final String LISTENER = "city-service-county-submissions";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry r) {
    RealInfrastructure.register(r, "city_approval");
    Keycloak.register(r);
    r.add("gongyu.messaging.poll-interval", () -> "200ms");
  }

  /** The topic this service consumes is created by its producer; here the test is the producer. */
  @TestConfiguration
  static class InputTopics {
    @Bean
    NewTopic periodApprovals() {
      return TopicBuilder.name(Topics.DISTRICT_PERIOD_APPROVALS).partitions(6).replicas(1).build();
    }
  }

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired JdbcClient jdbc;
  RestClient http;
  AccessMatrix.Client matrix;

  @BeforeAll
  void countiesAndListener() {
    http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(Keycloak.actingByPath()).build();
    matrix = AccessMatrix.overHttp("http://localhost:" + port);
    for (String county : List.of("996211", "996212", "996213", "996214")) {
      ResponseEntity<JsonNode> put = send(http.put().uri("/api/city/counties/" + county), "{\"name\":\"审核县" + county + "\"}");
      assertThat(put.getStatusCode().is2xxSuccessful()).as("%s", put.getBody()).isTrue();
    }
    listeners.getListenerContainer(LISTENER).start();
  }

  @Test
  void submissionsAreKeptOnceNewestVersionFirstDespiteDuplicatesOlderVersionsAndOtherEvents() {
    String county = "996211";
    Submission v1 = Submission.submitted(county, 1, "9962110001@1", "9962110002@3");
    sendSubmission(v1);
    sendSubmission(v1); // redelivered: the same event id
    sendReview(county); // a county review on the same topic: not the city's
    Submission v2 = Submission.withdrawn(county, 2, "9962110001: 重新开放");
    sendSubmission(v2);
    Submission lateV1 = v1.republished(); // the older version again, after the newer one
    sendSubmission(lateV1);
    awaitConsumed(lateV1);

    JsonNode withdrawn = ok(get(base() + "/counties/" + county));
    assertThat(withdrawn.get("state").asString()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.get("submissionVersion").asLong()).isEqualTo(2);
    assertThat(withdrawn.get("reason").asString()).isEqualTo("9962110001: 重新开放");
    assertThat(withdrawn.get("schools").size()).isZero();

    Submission v3 = Submission.submitted(county, 3, "9962110001@2", "9962110002@3");
    sendSubmission(v3);
    awaitConsumed(v3);
    JsonNode again = ok(get(base() + "/counties/" + county));
    assertThat(again.get("state").asString()).isEqualTo("SUBMITTED");
    assertThat(again.get("schools").get(0).get("signOffVersion").asLong()).isEqualTo(2);
    assertThat(steps(again)).containsExactly("SUBMITTED@1", "WITHDRAWN@2", "SUBMITTED@3");
    assertThat(count("select count(*) from county_submission where county_id = '" + county + "'")).isEqualTo(1);
  }

  @Test
  void cityStaffAndAdminsAreToldOnceThatACountySubmittedOrWithdrewAPeriod() {
    String county = "996004";
    assertThat(send(http.put().uri("/api/city/counties/" + county), "{\"name\":\"通知县\"}").getStatusCode().is2xxSuccessful())
        .isTrue();
    String staff = Keycloak.tokenAs("city-staff", Keycloak.CITY);
    String admin = Keycloak.tokenAs("city-admin", Keycloak.CITY);
    Submission v1 = Submission.submitted(county, 1, "9960040001@1");
    sendSubmission(v1);
    sendSubmission(v1); // redelivered
    Submission again = v1.republished(); // sent again with a new event id
    sendSubmission(again);
    awaitConsumed(again);
    for (String token : List.of(staff, admin)) {
      JsonNode notice = onlyNotice(token, county, "zh-CN");
      assertThat(notice.get("kind").asString()).isEqualTo("county-submission");
      assertThat(notice.get("text").asString()).isEqualTo("通知县（" + county + "）已报送 " + PERIOD + "，等待市级审核");
      assertThat(notice.get("link").asString()).isEqualTo("/city/approvals/" + PERIOD + "/counties/" + county);
      assertThat(onlyNotice(token, county, "en").get("text").asString())
          .isEqualTo("通知县 (" + county + ") submitted period " + PERIOD + " for the review of the city");
    }
    assertThat(count("select count(*) from notification where dedup_key like 'county-submission:" + county + ":%'")).isEqualTo(2);

    Submission v2 = Submission.withdrawn(county, 2, "9960040001: 重新开放");
    sendSubmission(v2);
    sendSubmission(v2.republished());
    awaitConsumed(v2);
    await().atMost(PATIENCE).until(() -> count("select count(*) from notification where dedup_key like 'county-submission:"
        + county + ":" + PERIOD + ":2:%'") == 2);
    Submission lateV1 = v1.republished(); // the older version after the withdrawal: kept out, told of nothing
    sendSubmission(lateV1);
    awaitConsumed(lateV1);
    JsonNode first = inbox(staff, "zh-CN").get("items").get(0);
    assertThat(first.get("text").asString()).isEqualTo("通知县（" + county + "）撤回了 " + PERIOD + " 的报送：9960040001: 重新开放");
    assertThat(inbox(staff, "en").get("items").get(0).get("text").asString())
        .isEqualTo("通知县 (" + county + ") withdrew its submission of period " + PERIOD + ": 9960040001: 重新开放");
    assertThat(count("select count(*) from notification where dedup_key like 'county-submission:" + county + ":%'")).isEqualTo(4);

    String otherCity = Keycloak.accounts().tokenAs("notices-other", "city-staff", "990199", "990199");
    assertThat(http.get().uri("/api/city/me/notifications?size=100").header("Authorization", "Bearer " + otherCity)
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(String.class).getBody())
        .as("another city's staff").doesNotContain(county);
  }

  @Test
  void returnNeedsACommentAcceptAndReturnPublishTheirDecisionOnceAndOutdatedOrDecidedSubmissionsAre409() {
    String county = "996212";
    sendSubmission(Submission.submitted(county, 1, "9962120001@1"));
    await().atMost(PATIENCE).until(() -> line(ok(get(base())), county).get("state").asString().equals("SUBMITTED"));
    assertThat(line(ok(get(base())), county).get("countyName").asString()).isEqualTo("审核县996212");

    ResponseEntity<JsonNode> noComment = post(county, "return", "{\"submissionVersion\":1}");
    assertProblem(noComment, 422, "a return needs a comment for the county");
    assertThat(noComment.getBody().get("errors").get(0).asString()).isEqualTo("comment: required, and not blank");
    assertProblem(post(county, "return", "{\"submissionVersion\":1,\"comment\":\" \"}"), 422, "a return needs a comment");
    assertThat(post(county, "acceptance", "{}").getStatusCode().value()).isEqualTo(400);
    assertThat(count("select count(*) from outbox_event where topic = '" + Topics.CITY_PERIOD_DECISIONS + "'")).isZero();

    JsonNode returned = ok(post(county, "return", "{\"submissionVersion\":1,\"comment\":\"请核对家访数据\"}"));
    assertThat(returned.get("state").asString()).isEqualTo("RETURNED");
    assertThat(returned.get("comment").asString()).isEqualTo("请核对家访数据");
    assertThat(returned.get("decidedBy").asString()).isEqualTo("city-admin");
    assertProblem(post(county, "acceptance", "{\"submissionVersion\":1}"), 409,
        "the city has already decided on county 996212's submission of period 2025-2026-1 (version 1): returned");

    // the county submits again: a decision on the old version is outdated; city staff accept the new one
    sendSubmission(Submission.submitted(county, 2, "9962120001@2"));
    await().atMost(PATIENCE).until(() -> ok(get(base() + "/counties/" + county)).get("submissionVersion").asLong() == 2);
    ResponseEntity<JsonNode> outdated = post(county, "acceptance", "{\"submissionVersion\":1}");
    assertProblem(outdated, 409, "submission version 1 of county 996212 for period 2025-2026-1 is outdated: the latest is version 2");
    assertThat(outdated.getBody().get("currentSubmissionVersion").asLong()).isEqualTo(2);
    assertThat(matrix.call("POST", base() + "/counties/" + county + "/acceptance", "{\"submissionVersion\":2}",
        Keycloak.token("city-staff"))).isEqualTo(200);
    JsonNode accepted = ok(get(base() + "/counties/" + county));
    assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
    assertThat(accepted.get("decidedBy").asString()).isEqualTo("city-staff");
    assertThat(steps(accepted)).containsExactly("SUBMITTED@1", "RETURNED@1", "SUBMITTED@2", "ACCEPTED@2");

    awaitOutboxDrained();
    List<String> events = new ArrayList<>();
    readAll(Topics.CITY_PERIOD_DECISIONS).stream().filter(r -> r.key().equals(county)).forEach(r -> {
      CountyPeriodDecided d = EventCodec.decode(r.value(), CountyPeriodDecided.class).payload();
      events.add(d.cityId() + " " + d.countyId() + " " + d.periodId() + " " + d.decision() + " submission " + d.submissionVersion()
          + " v" + d.version() + (d.comment() == null ? "" : " " + d.comment()));
    });
    assertThat(events).containsExactly(
        "990100 996212 2025-2026-1 RETURNED submission 1 v1 请核对家访数据",
        "990100 996212 2025-2026-1 ACCEPTED submission 2 v2");
  }

  @Test
  void aDecisionOnAWithdrawnSubmissionOrWithoutOneIs409AndOnlyTheCityDecides() {
    String county = "996213";
    sendSubmission(Submission.submitted(county, 1, "9962130001@1"));
    Submission withdrawn = Submission.withdrawn(county, 2, "9962130001: 数据有误");
    sendSubmission(withdrawn);
    awaitConsumed(withdrawn);
    long before = count("select count(*) from county_submission_trail") * 1000
        + count("select count(*) from outbox_event where topic = '" + Topics.CITY_PERIOD_DECISIONS + "'");

    ResponseEntity<JsonNode> onWithdrawn = post(county, "acceptance", "{\"submissionVersion\":1}");
    assertProblem(onWithdrawn, 409, "county 996213 withdrew its submission of period 2025-2026-1 (version 2: 9962130001: 数据有误)");
    assertThat(onWithdrawn.getBody().get("currentState").asString()).isEqualTo("WITHDRAWN");
    assertProblem(post(county, "return", "{\"submissionVersion\":2,\"comment\":\"退回\"}"), 409, "withdrew its submission");
    assertProblem(post("996214", "acceptance", "{\"submissionVersion\":1}"), 409, "county 996214 has not submitted period 2025-2026-1");
    assertProblem(post("996299", "acceptance", "{\"submissionVersion\":1}"), 404, "county 996299 is not a county of this city");
    ResponseEntity<JsonNode> zh = http.post().uri(base() + "/counties/" + county + "/acceptance").header("Accept-Language", "zh-CN")
        .contentType(MediaType.APPLICATION_JSON).body("{\"submissionVersion\":2}")
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
    assertProblem(zh, 409, "区县 996213 已撤回期间 2025-2026-1 的报送（版本 2：9962130001: 数据有误）");
    assertThat(matrix.call("POST", base() + "/counties/" + county + "/acceptance", "{\"submissionVersion\":2}",
        Keycloak.tokenAs("county-admin", county))).isEqualTo(403);
    assertThat(matrix.call("GET", base(), null, Keycloak.tokenAs("county-admin", county))).isEqualTo(403);
    assertThat(matrix.call("GET", base(), null, null)).isEqualTo(401);
    assertThat(get("/api/city/approvals/2025-2026-9").getStatusCode().value()).isEqualTo(400);
    long after = count("select count(*) from county_submission_trail") * 1000
        + count("select count(*) from outbox_event where topic = '" + Topics.CITY_PERIOD_DECISIONS + "'");
    assertThat(after).as("nothing written").isEqualTo(before);

    JsonNode overview = ok(get(base()));
    assertThat(line(overview, county).get("state").asString()).isEqualTo("WITHDRAWN");
    assertThat(line(overview, county).get("reason").asString()).isEqualTo("9962130001: 数据有误");
    assertThat(line(overview, "996214").get("state").asString()).isEqualTo("NOT_SUBMITTED");
    assertThat(overview.get("countiesExpected").asInt()).isGreaterThanOrEqualTo(4);
  }

  // ---- helpers

  /** A submission as district-service sends it; {@link #json()} gives the same event id on every call. */
  record Submission(UUID eventId, CountyPeriodSubmission payload) {

    static Submission submitted(String county, long version, String... schools) {
      List<CountyPeriodSubmission.ApprovedSchool> approved = new ArrayList<>();
      for (String s : schools) {
        String[] parts = s.split("@");
        approved.add(new CountyPeriodSubmission.ApprovedSchool(parts[0], Long.parseLong(parts[1])));
      }
      return new Submission(UUID.randomUUID(), new CountyPeriodSubmission(county, PERIOD, CountyPeriodSubmission.Status.SUBMITTED,
          approved, null, Instant.parse("2025-12-01T00:00:00Z").plusSeconds(version), version));
    }

    static Submission withdrawn(String county, long version, String reason) {
      return new Submission(UUID.randomUUID(), new CountyPeriodSubmission(county, PERIOD, CountyPeriodSubmission.Status.WITHDRAWN,
          List.of(), reason, Instant.parse("2025-12-01T00:00:00Z").plusSeconds(version), version));
    }

    Submission republished() {
      return new Submission(UUID.randomUUID(), payload);
    }

    String json() {
      return EventCodec.encode(new EventEnvelope<>(eventId, "CountyPeriodSubmission", payload.at(), "district-service", 1, payload));
    }
  }

  private JsonNode inbox(String token, String language) {
    return http.get().uri("/api/city/me/notifications?size=100").header("Authorization", "Bearer " + token)
        .header("Accept-Language", language).retrieve().body(JsonNode.class);
  }

  /** The one notification of the caller's inbox about the county. */
  private JsonNode onlyNotice(String token, String county, String language) {
    List<JsonNode> found = new ArrayList<>();
    inbox(token, language).get("items").forEach(n -> {
      if (n.get("link").asString().endsWith("/counties/" + county)) {
        found.add(n);
      }
    });
    assertThat(found).as("notices about county %s", county).hasSize(1);
    return found.get(0);
  }

  private void sendSubmission(Submission s) {
    kafka.send(Topics.DISTRICT_PERIOD_APPROVALS, s.payload().countyId(), s.json()).join();
  }

  private void sendReview(String county) {
    SchoolPeriodReviewed r = new SchoolPeriodReviewed(county, county + "0001", PERIOD, 1, SchoolPeriodReviewed.Action.APPROVED,
        null, Instant.parse("2025-11-30T00:00:00Z"), 1);
    kafka.send(Topics.DISTRICT_PERIOD_APPROVALS, county, EventCodec.encode(EventEnvelope.wrap("district-service", r.at(), r))).join();
  }

  private void awaitConsumed(Submission s) {
    await().atMost(PATIENCE).until(() -> count("select count(*) from inbox_event where event_id = '" + s.eventId() + "'") == 1);
  }

  private void awaitOutboxDrained() {
    await().atMost(PATIENCE).until(() -> count("select count(*) from outbox_event where published_at is null") == 0);
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private static String base() {
    return "/api/city/approvals/" + PERIOD;
  }

  private ResponseEntity<JsonNode> get(String path) {
    return http.get().uri(path).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> post(String county, String decision, String json) {
    return send(http.post().uri(base() + "/counties/" + county + "/" + decision), json);
  }

  private static ResponseEntity<JsonNode> send(RestClient.RequestBodySpec request, String json) {
    return request.contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  private static JsonNode ok(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  private static JsonNode line(JsonNode overview, String county) {
    for (JsonNode c : overview.get("counties")) {
      if (c.get("countyId").asString().equals(county)) {
        return c;
      }
    }
    throw new AssertionError("no line for county " + county + " in " + overview);
  }

  private static List<String> steps(JsonNode detail) {
    List<String> out = new ArrayList<>();
    detail.get("trail").forEach(t -> out.add(t.get("action").asString() + "@" + t.get("submissionVersion").asLong()));
    return out;
  }

  private static void assertProblem(ResponseEntity<JsonNode> response, int status, String detailContains) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(response.getBody().get("detail").asString()).contains(detailContains);
  }
}
