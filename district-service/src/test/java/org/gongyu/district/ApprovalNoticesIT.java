package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CountyPeriodDecided;
import org.gongyu.contracts.school.v1.PeriodSignedOff;
import org.gongyu.district.approval.ApprovalNotices;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * What the county's admins are told of the approval chain (ADR 0019, issue 15 item 5): a school's
 * sign-off and the city's decision, each once however often its event arrives (redelivered, or sent
 * again with a new event id), in their county's inbox only; the deadline scan with the clock moved,
 * run twice: one notice 3 days before, one after the deadline while schools have not signed off, none
 * for a period every school has signed off.
 * Counties 996002 (the chain) and 996003 (schools that never sign off), schools 9960xxxxxx.
 */
class ApprovalNoticesIT extends DistrictITSupport {

  static final String COUNTY = "996002";
  static final String LATE_COUNTY = "996003";
  static final String S1 = "9960020001";
  static final String S2 = "9960020002";
  static final String L1 = "9960030001";
  static final String PERIOD = TestEvents.PERIOD;
  static final String INBOX = "/api/district/me/notifications";

  @Autowired ApprovalNotices notices;

  @BeforeAll
  void schools() {
    putSchool(COUNTY, S1, "通知审核一小", "PRIMARY", null);
    putSchool(COUNTY, S2, "通知审核二小", "PRIMARY", null);
    putSchool(LATE_COUNTY, L1, "通知迟报一小", "PRIMARY", null);
  }

  @Test
  void aSignOffAndTheCityDecisionAreToldOnceToTheCountyAdminsOnly() {
    String admin = Keycloak.tokenAs("county-admin", COUNTY);
    String other = Keycloak.tokenAs("county-admin", LATE_COUNTY);
    String s1 = signOff(S1, UUID.randomUUID());
    send(Topics.SCHOOL_SIGN_OFFS, S1, s1); // redelivered
    String again = signOff(S1, UUID.randomUUID()); // the same sign-off, a new event id
    send(Topics.SCHOOL_SIGN_OFFS, S1, again);
    awaitConsumed(EventCodec.decode(again, PeriodSignedOff.class).eventId());

    JsonNode notice = only(admin, "school-signed-off");
    assertThat(text(admin, "zh-CN", "school-signed-off")).isEqualTo("通知审核一小（" + S1 + "）已完成 " + PERIOD + " 的上报，等待您审核");
    assertThat(text(admin, "en", "school-signed-off"))
        .isEqualTo("通知审核一小 (" + S1 + ") signed off period " + PERIOD + ": its report awaits your review");
    assertThat(notice.get("link").asString()).isEqualTo("/counties/" + COUNTY + "/approvals/" + PERIOD + "/schools/" + S1);
    assertThat(count("select count(*) from notification where dedup_key = 'school-signed-off:" + S1 + ":" + PERIOD + ":1'"))
        .isEqualTo(1);
    assertThat(inbox(other, null).toString()).as("another county's admin").doesNotContain(S1);

    // the county approves both schools and submits; the city returns the submission
    send(Topics.SCHOOL_SIGN_OFFS, S2, signOff(S2, UUID.randomUUID()));
    await().atMost(PATIENCE).until(() -> count("select count(*) from period_sign_off where school_id = '" + S2 + "'") == 1);
    for (String s : List.of(S1, S2)) {
      assertThat(post(base() + "/schools/" + s + "/approval", "{\"signOffVersion\":1}", admin).getStatusCode().value()).isEqualTo(200);
    }
    assertThat(post(base() + "/submission", "", admin).getStatusCode().value()).isEqualTo(200);
    CountyPeriodDecided d = new CountyPeriodDecided(TestEvents.CITY, COUNTY, PERIOD, 1, CountyPeriodDecided.Decision.RETURNED,
        "请核对家访数据", Instant.parse("2025-12-01T00:00:00Z"), 1);
    String decision = EventCodec.encode(EventEnvelope.wrap("city-service", d.at(), d));
    send(Topics.CITY_PERIOD_DECISIONS, COUNTY, decision);
    send(Topics.CITY_PERIOD_DECISIONS, COUNTY, decision); // redelivered
    String decisionAgain = EventCodec.encode(EventEnvelope.wrap("city-service", d.at(), d)); // sent again
    send(Topics.CITY_PERIOD_DECISIONS, COUNTY, decisionAgain);
    awaitConsumed(EventCodec.decode(decisionAgain, CountyPeriodDecided.class).eventId());

    JsonNode returned = only(admin, "city-decided");
    assertThat(text(admin, "zh-CN", "city-decided")).isEqualTo("市级退回了本区县 " + PERIOD + " 的报送：请核对家访数据");
    assertThat(text(admin, "en", "city-decided"))
        .isEqualTo("The city returned the county submission of period " + PERIOD + ": 请核对家访数据");
    assertThat(returned.get("link").asString()).isEqualTo("/counties/" + COUNTY + "/approvals/" + PERIOD);
    assertThat(inbox(other, null).toString()).as("another county's admin").doesNotContain("city-decided");
  }

  @Test
  void theDeadlineScanTellsOnceBeforeAndOnceAfterADeadlineThatSchoolsMissed() {
    String admin = Keycloak.tokenAs("county-admin", LATE_COUNTY);
    String period = "2025-2026-2";
    Instant deadline = Instant.parse("2026-07-10T16:00:00Z"); // 00:00 on 2026-07-11 in the city
    assertThat(put("/api/district/counties/" + LATE_COUNTY + "/deadlines/" + period, "{\"deadline\":\"" + deadline + "\"}")
        .getStatusCode().is2xxSuccessful()).isTrue();

    // the same deadline for a period the school has signed off: nothing to remind of
    assertThat(put("/api/district/counties/" + LATE_COUNTY + "/deadlines/" + PERIOD, "{\"deadline\":\"" + deadline + "\"}")
        .getStatusCode().is2xxSuccessful()).isTrue();
    send(Topics.SCHOOL_SIGN_OFFS, L1, signOff(L1, UUID.randomUUID()));
    await().atMost(PATIENCE).until(() -> count("select count(*) from period_sign_off where school_id = '" + L1 + "'") == 1);

    clock.set(Instant.parse("2026-07-05T02:00:00Z")); // 5 days before: nothing
    notices.scan();
    assertThat(kinds(admin)).doesNotContain("deadline-approaching", "deadline-passed");

    clock.set(Instant.parse("2026-07-08T02:00:00Z")); // less than 3 days before
    notices.scan();
    assertThat(notices.scan()).as("the second run adds nothing").isZero();
    JsonNode approaching = only(admin, "deadline-approaching");
    assertThat(text(admin, "zh-CN", "deadline-approaching"))
        .isEqualTo(period + " 的上报截止时间为 2026-07-11 00:00：1 所学校中仍有 1 所未完成上报");
    assertThat(text(admin, "en", "deadline-approaching"))
        .isEqualTo("The reporting deadline of period " + period + " is 2026-07-11 00:00: 1 of 1 school(s) have not signed off yet");
    assertThat(approaching.get("link").asString()).isEqualTo("/counties/" + LATE_COUNTY + "/approvals/" + period);

    clock.set(Instant.parse("2026-07-11T02:00:00Z")); // passed, the school has not signed off
    notices.scan();
    assertThat(notices.scan()).as("the second run adds nothing").isZero();
    only(admin, "deadline-passed");
    only(admin, "deadline-approaching");
    assertThat(text(admin, "zh-CN", "deadline-passed"))
        .isEqualTo(period + " 的上报截止时间（2026-07-11 00:00）已过，1 所学校中仍有 1 所未完成上报");
    assertThat(text(admin, "en", "deadline-passed"))
        .isEqualTo("The reporting deadline of period " + period + " (2026-07-11 00:00) has passed with 1 of 1 school(s) not signed off");
    assertThat(inbox(Keycloak.tokenAs("county-admin", COUNTY), null).toString()).as("another county's admin")
        .doesNotContain(period);
    assertThat(items(admin, null)).as("nothing of the period signed off")
        .noneMatch(n -> n.get("link").asString().endsWith("/approvals/" + PERIOD));
  }

  // ---- helpers

  static String signOff(String school, UUID eventId) {
    Instant at = TestEvents.T0.plusSeconds(3600);
    PeriodSignedOff payload = new PeriodSignedOff(school, PERIOD, 1, at, List.of(new PeriodSignedOff.SignedFigure(PLATFORM, 1, 2, 1)));
    return EventCodec.encode(new EventEnvelope<>(eventId, "PeriodSignedOff", at, "school-service", 1, payload));
  }

  void awaitConsumed(UUID eventId) {
    await().atMost(PATIENCE).until(() -> count("select count(*) from inbox_event where event_id = '" + eventId + "'") == 1);
  }

  static String base() {
    return "/api/district/counties/" + COUNTY + "/approvals/" + PERIOD;
  }

  /** The one notification of the kind in the caller's inbox (fails when there are none or more). */
  JsonNode only(String token, String kind) {
    List<JsonNode> of = items(token, null).stream().filter(n -> n.get("kind").asString().equals(kind)).toList();
    assertThat(of).as("notices of kind %s", kind).hasSize(1);
    return of.get(0);
  }

  String text(String token, String language, String kind) {
    return items(token, language).stream().filter(n -> n.get("kind").asString().equals(kind)).findFirst().orElseThrow()
        .get("text").asString();
  }

  List<String> kinds(String token) {
    return items(token, null).stream().map(n -> n.get("kind").asString()).toList();
  }

  List<JsonNode> items(String token, String language) {
    List<JsonNode> out = new java.util.ArrayList<>();
    inbox(token, language).get("items").forEach(out::add);
    return out;
  }

  JsonNode inbox(String token, String language) {
    return call("GET", INBOX + "?size=100", null, token, language).getBody();
  }

  ResponseEntity<JsonNode> post(String path, String json, String token) {
    return call("POST", path, json, token, null);
  }

  ResponseEntity<JsonNode> call(String method, String path, String json, String token, String language) {
    var request = http.method(HttpMethod.valueOf(method)).uri(path);
    request.header("Authorization", "Bearer " + token);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }
}
