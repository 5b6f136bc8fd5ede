package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.district.v1.AssessmentPanelChanged;
import org.gongyu.contracts.school.v1.DemonstrationApplied;
import org.gongyu.contracts.school.v1.DemonstrationApplied.AreaBaseline;
import org.gongyu.district.demonstration.assessment.AssignmentNotices;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Notifications of the county tier (ADR 0019) through the inbox at {@code /api/district/me/notifications}:
 * an assessor is told once that they were assigned, however often the panel event is published again
 * or replayed; the county's admins are told once that a school applied, and nobody else is.
 */
class NotificationsIT extends DistrictITSupport {

  static final String COUNTY = "996001";
  static final String PROGRAMME = "NOTIFY-P1-" + COUNTY;
  static final String INBOX = "/api/district/me/notifications";

  @Autowired AssignmentNotices assignmentNotices;
  @Autowired TransactionTemplate tx;

  @BeforeAll
  void schoolsAndProgramme() {
    for (int i = 1; i <= 4; i++) {
      putSchool(COUNTY, school(i), "通知测试学校" + i, "PRIMARY", null);
    }
    DemonstrationFixtures.programme(jdbc, COUNTY, PROGRAMME);
  }

  @Test
  void anAssessorIsToldOnceOfAnAssignmentEvenWhenItsEventIsReplayed() {
    UUID app = DemonstrationFixtures.application(jdbc, COUNTY, PROGRAMME, school(1), DemonstrationStatus.SELF_EVALUATED);
    DemonstrationFixtures.selfEvaluation(jdbc, app, 1);
    String a = assessor("a");
    String b = assessor("b");
    panel(a, school(2));
    panel(b, school(3));
    String tokenA = assessorToken("a");
    String tokenB = assessorToken("b");
    assertThat(unread(tokenA)).isZero();

    assertThat(assign(app, a).getStatusCode().value()).isEqualTo(201);
    JsonNode inbox = call("GET", INBOX, null, tokenA, "zh-CN").getBody();
    assertThat(inbox.get("total").asLong()).isEqualTo(1);
    JsonNode notice = inbox.get("items").get(0);
    assertThat(notice.get("kind").asString()).isEqualTo("assessment-assigned");
    assertThat(notice.get("text").asString()).isEqualTo("您被分派评审通知测试学校1（" + school(1) + "）的示范校申报（第 1 轮），请先申报利益冲突");
    assertThat(notice.get("link").asString()).isEqualTo("/assessor/applications/" + app + "/declaration");
    assertThat(notice.get("read").asBoolean()).isFalse();
    assertThat(call("GET", INBOX, null, tokenA, "en").getBody().get("items").get(0).get("text").asString())
        .isEqualTo("You are assigned to assess the demonstration application of 通知测试学校1 (" + school(1)
            + "), round 1: declare any conflict of interest first");

    // the next assignment publishes the panel again, with a still ASSIGNED
    assertThat(assign(app, b).getStatusCode().value()).isEqualTo(201);
    // and the panel event is replayed as it was published
    String payload = jdbc.sql("""
            select payload from outbox_event where topic = ? and payload like ? order by id desc limit 1""")
        .params(Topics.DISTRICT_DEMONSTRATION, "%AssessmentPanelChanged%" + app + "%").query(String.class).single();
    AssessmentPanelChanged replayed = EventCodec.decode(payload, AssessmentPanelChanged.class).payload();
    assertThat(replayed.members()).extracting(AssessmentPanelChanged.Member::assessor).containsExactlyInAnyOrder(a, b);
    tx.executeWithoutResult(s -> assignmentNotices.panelChanged(replayed));
    tx.executeWithoutResult(s -> assignmentNotices.panelChanged(replayed));

    assertThat(call("GET", INBOX, null, tokenA, null).getBody().get("total").asLong()).as("one notice for a").isEqualTo(1);
    assertThat(call("GET", INBOX, null, tokenB, null).getBody().get("total").asLong()).as("one notice for b").isEqualTo(1);
    assertThat(count("select count(*) from notification where dedup_key like 'assessment-assigned:" + app + ":%'")).isEqualTo(2);
    assertThat(call("GET", INBOX, null, Keycloak.tokenAs("county-admin", COUNTY), null).getBody().toString())
        .as("the county admin is not the assessor").doesNotContain(app.toString());

    // read: the unread count falls, the bell is empty after read-all
    String id = notice.get("id").asString();
    assertThat(call("POST", INBOX + "/" + id + "/read", null, tokenA, null).getStatusCode().value()).isEqualTo(204);
    assertThat(unread(tokenA)).isZero();
    assertThat(call("POST", INBOX + "/" + id + "/read", null, tokenB, null).getStatusCode().value())
        .as("b cannot mark a's notice").isEqualTo(404);
    assertThat(call("POST", INBOX + "/read-all", null, tokenB, null).getBody().get("marked").asInt()).isEqualTo(1);
    assertThat(unread(tokenB)).isZero();
  }

  @Test
  void theCountyAdminsAreToldOnceThatASchoolApplied() {
    String admin = Keycloak.tokenAs("county-admin", COUNTY);
    long before = call("GET", INBOX, null, admin, null).getBody().get("total").asLong();
    UUID app = UUID.randomUUID();
    Instant at = Instant.parse("2024-02-10T02:00:00Z");
    String json = EventCodec.encode(EventEnvelope.wrap("school-service", at, new DemonstrationApplied(app, school(4), COUNTY,
        PROGRAMME, at, List.of(new AreaBaseline("A1", 3, "家长学校已挂牌")), "一校一案")));
    send(Topics.SCHOOL_DEMONSTRATION, school(4), json);
    await().atMost(PATIENCE).until(() -> count("select count(*) from demonstration_application where id = '" + app + "'") == 1);
    send(Topics.SCHOOL_DEMONSTRATION, school(4), json); // the same event again
    String again = EventCodec.encode(EventEnvelope.wrap("school-service", at, new DemonstrationApplied(app, school(4), COUNTY,
        PROGRAMME, at, List.of(new AreaBaseline("A1", 3, "家长学校已挂牌")), "一校一案")));
    send(Topics.SCHOOL_DEMONSTRATION, school(4), again); // and sent again by the school (a new event id)
    await().atMost(PATIENCE).until(() -> count("select count(*) from inbox_event where event_id = '"
        + EventCodec.decode(again, DemonstrationApplied.class).eventId() + "'") == 1);

    JsonNode inbox = call("GET", INBOX, null, admin, "zh-CN").getBody();
    assertThat(inbox.get("total").asLong()).isEqualTo(before + 1);
    JsonNode notice = inbox.get("items").get(0);
    assertThat(notice.get("kind").asString()).isEqualTo("application-arrived");
    assertThat(notice.get("text").asString()).isEqualTo("通知测试学校4（" + school(4) + "）申报了示范校创建项目 " + PROGRAMME);
    assertThat(notice.get("link").asString()).isEqualTo("/counties/" + COUNTY + "/demonstration/applications/" + app);
    assertThat(count("select count(*) from notification where dedup_key = 'application-arrived:" + app + "'")).isEqualTo(1);
    assertThat(call("GET", INBOX, null, Keycloak.tokenAs("county-admin", "990102"), null).getBody().toString())
        .as("another county's admin").doesNotContain(app.toString());
    assertThat(call("GET", INBOX, null, assessorToken("a"), null).getBody().toString())
        .as("an assessor of the county").doesNotContain(app.toString());
  }

  @Test
  void theInboxIsForCountyStaffAndTheirPreferencesOnly() {
    assertThat(call("GET", INBOX + "/unread-count", null, Keycloak.tokenAs("city-staff", Keycloak.CITY), null)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(call("GET", INBOX + "/unread-count", null, null, null).getStatusCode().value()).isEqualTo(401);
    String admin = Keycloak.tokenAs("county-admin", COUNTY);
    ResponseEntity<JsonNode> put = call("PUT", INBOX + "/preferences",
        "[{\"kind\":\"application-arrived\",\"email\":true,\"delivery\":\"DAILY_DIGEST\"}]", admin, null);
    assertThat(put.getStatusCode().value()).isEqualTo(200);
    assertThat(put.getBody().toString())
        .contains("{\"kind\":\"assessment-assigned\",\"email\":true,\"delivery\":\"IMMEDIATE\"}")
        .contains("{\"kind\":\"application-arrived\",\"email\":true,\"delivery\":\"DAILY_DIGEST\"}");
    ResponseEntity<JsonNode> unknown = call("PUT", INBOX + "/preferences",
        "[{\"kind\":\"gossip\",\"email\":true,\"delivery\":\"IMMEDIATE\"}]", admin, "zh-CN");
    assertThat(unknown.getStatusCode().value()).isEqualTo(422);
    assertThat(unknown.getBody().get("detail").asString()).startsWith("没有名为“gossip”的通知类别");

    JsonNode doc = http.get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
    assertThat(doc.get("paths").get(INBOX + "/unread-count").get("get").get("description").asString())
        .contains("`county-admin`, `county-assessor`", "@notifyAccess.allowed(authentication)");
  }

  // ---- helpers

  static String school(int n) {
    return COUNTY + String.format("%04d", n);
  }

  static String assessor(String who) {
    return "notify-" + who + "-county-assessor-" + COUNTY;
  }

  static String assessorToken(String who) {
    return Keycloak.accounts().tokenAs("notify-" + who, "county-assessor", COUNTY, Keycloak.CITY);
  }

  void panel(String username, String home) {
    ResponseEntity<JsonNode> r = call("PUT", "/api/district/counties/" + COUNTY + "/demonstration/assessors/" + username,
        JSON.writeValueAsString(Map.of("name", "通知专家", "homeSchoolId", home)), Keycloak.tokenAs("county-admin", COUNTY), null);
    assertThat(r.getStatusCode().is2xxSuccessful()).as("panel %s: %s", username, r.getBody()).isTrue();
  }

  ResponseEntity<JsonNode> assign(UUID app, String assessor) {
    return call("POST", "/api/district/counties/" + COUNTY + "/demonstration/applications/" + app + "/assignments",
        "{\"assessor\":\"" + assessor + "\"}", Keycloak.tokenAs("county-admin", COUNTY), null);
  }

  long unread(String token) {
    return call("GET", INBOX + "/unread-count", null, token, null).getBody().get("unread").asLong();
  }

  ResponseEntity<JsonNode> call(String method, String path, String json, String token, String language) {
    var request = http.method(HttpMethod.valueOf(method)).uri(path);
    request.header("Authorization", token == null ? "Bearer none" : "Bearer " + token);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }
}
