package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * A past cycle entered with backdated commands (ADR 0015, county 990151): the school's paper
 * application and self-evaluation, assignments, the assessors' paper sheets, the start, consensus,
 * the award, re-inspection and rectification, each with {@code Gongyu-Effective-At} through the
 * same rules as a step made now — and the refusals: no header where one is needed, a header on a
 * path that takes none, an instant that is not in the past or does not parse, a caller who is not a
 * county admin, a step before the application's last one, scores before the assessment started, a
 * self-evaluation before the creation end, a past step on an application with a live step.
 */
class DemonstrationPastCycleIT extends DistrictITSupport {

  static final String C = "990151";
  static final String HEADER = "Gongyu-Effective-At";
  /** The service's "now" in this test: 10:00 on 2026-12-04 in the city. */
  static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

  @BeforeEach
  void now() {
    clock.set(NOW);
  }

  @Test
  void aPastCycleRunsThroughTheSameRulesInOrderAndIsMarkedBackdated() {
    for (int i = 1; i <= 3; i++) {
      putSchool(C, school(i), "往期测试学校" + i, "PRIMARY", null);
    }
    String programme = DemonstrationFixtures.programme(jdbc, C, "PAST-" + C); // window 2024-02-01..29, margin 2, pass 30
    UUID app = UUID.nameUUIDFromBytes("past-1".getBytes());
    String apply = "{\"applicationId\":\"" + app + "\",\"schoolId\":\"" + school(1) + "\",\"programmeId\":\"" + programme
        + "\",\"baseline\":[{\"areaCode\":\"A1\",\"level\":3}]}";

    // the header decides: needed, in the past, parseable, only from a county admin, only where a past step can be
    assertProblem(call("POST", demo() + "/applications", apply, null, null), 400, HEADER);
    assertProblem(call("POST", demo() + "/applications", apply, "2026-12-04T10:00:01+08:00", null), 422, "before now");
    assertProblem(call("POST", demo() + "/applications", apply, "last spring", null), 400, HEADER);
    assertProblem(call("POST", demo() + "/applications", apply, "2024-02-10T10:00:00+08:00",
        Keycloak.accounts().tokenAs("dpast-a", "county-assessor", C, Keycloak.CITY)), 403, "county admin");
    assertProblem(call("PUT", demo() + "/programmes/" + programme, "{}", "2024-01-10T10:00:00+08:00", null), 400, HEADER);
    assertThat(count("select count(*) from demonstration_application where county_id = '" + C + "'")).isZero();

    // the school's paper application, received on its past day; the same again changes nothing
    ResponseEntity<JsonNode> received = call("POST", demo() + "/applications", apply, "2024-02-10T10:00:00+08:00", null);
    assertThat(received.getStatusCode().value()).as("%s", received.getBody()).isEqualTo(201);
    assertThat(received.getBody().get("status").asString()).isEqualTo("APPLIED");
    assertThat(received.getBody().get("appliedAt").asString()).isEqualTo("2024-02-10T02:00:00Z");
    assertThat(call("POST", demo() + "/applications", apply, "2024-02-10T10:00:00+08:00", null).getStatusCode().value()).isEqualTo(200);

    // in order only: nothing before the last step
    assertProblem(step(app, "/accept", "{}", "2024-02-09T10:00:00+08:00"), 409, "before its last step");
    JsonNode accepted = ok(step(app, "/accept", "{\"note\":\"学区遴选\"}", "2024-03-01T10:00:00+08:00"));
    assertThat(accepted.get("creationEndsOn").asString()).isEqualTo("2025-03-01");

    // the rules of the day the step is dated: no self-evaluation before the creation end, nothing written
    int trail = trail(app).size();
    assertProblem(selfEvaluation(app, 1, "2025-02-28T10:00:00+08:00"), 422, "before the creation period ends on 2025-03-01");
    assertThat(trail(app)).hasSize(trail);
    assertThat(ok(selfEvaluation(app, 1, "2025-03-05T10:00:00+08:00")).get("status").asString()).isEqualTo("SELF_EVALUATED");

    // two assessors of the panel (entered now); no score before the assessment started
    for (String a : List.of("past-x", "past-y")) {
      assertThat(put(demo() + "/assessors/" + a, "{\"name\":\"往期专家\",\"homeSchoolId\":null,\"formerSchoolIds\":[]}")
          .getStatusCode().value()).isIn(200, 201);
    }
    assertProblem(sheet(app, "past-x", null, scores("9", "18", "9"), true, "2025-03-10T10:00:00+08:00"), 409, "ASSESSING");
    for (String a : List.of("past-x", "past-y")) {
      ResponseEntity<JsonNode> assigned = step(app, "/assignments", "{\"assessor\":\"" + a + "\"}", "2025-03-10T10:00:00+08:00");
      assertThat(assigned.getStatusCode().value()).as("%s", assigned.getBody()).isEqualTo(201);
    }
    for (String a : List.of("past-x", "past-y")) {
      JsonNode declared = ok(sheet(app, a, "{\"conflicts\":[],\"statement\":\"本人与该校无利害关系\"}", null, false,
          "2025-03-12T10:00:00+08:00"));
      assertThat(declared.get("status").asString()).isEqualTo("CLEARED");
    }
    assertThat(ok(step(app, "/assessment/start", null, "2025-03-15T10:00:00+08:00")).get("status").asString()).isEqualTo("ASSESSING");
    JsonNode x = ok(sheet(app, "past-x", null, scores("9", "18", "9"), true, "2025-03-20T10:00:00+08:00"));
    assertThat(x.get("submitted").asBoolean()).isTrue();
    assertThat(x.get("scores").asInt()).isEqualTo(3);
    ok(sheet(app, "past-y", null, scores("9", "14", "9"), true, "2025-03-20T11:00:00+08:00"));
    // the spread of 4 on A1.2 exceeds the margin of 2: no award before a consensus
    assertProblem(step(app, "/decision", "{\"outcome\":\"AWARD\"}", "2025-03-25T10:00:00+08:00"), 409, "consensus");
    put(demo() + "/applications/" + app + "/consensus/A1.2", "{\"points\":16,\"note\":\"合议\"}", "2025-03-25T10:00:00+08:00");
    JsonNode awarded = ok(step(app, "/decision", "{\"outcome\":\"AWARD\",\"note\":\"达标\"}", "2025-03-28T10:00:00+08:00"));
    assertThat(awarded.get("status").asString()).isEqualTo("TITLED");

    // the title follows the past days: awarded and valid from them; re-inspection and rectification in order
    ok(step(app, "/reinspection", "{\"scheduledOn\":\"2026-06-10\",\"note\":\"例行复查\"}", "2026-06-01T10:00:00+08:00"));
    assertProblem(step(app, "/reinspection/outcome",
        "{\"outcome\":\"RECTIFY\",\"rectificationDeadline\":\"2026-06-05\",\"note\":\"家访档案不全\"}", "2026-06-10T10:00:00+08:00"),
        422, "rectificationDeadline");
    JsonNode rectifying = ok(step(app, "/reinspection/outcome",
        "{\"outcome\":\"RECTIFY\",\"rectificationDeadline\":\"2027-03-31\",\"note\":\"家访档案不全\"}", "2026-06-10T10:00:00+08:00"));
    assertThat(rectifying.get("status").asString()).isEqualTo("RECTIFYING");
    JsonNode title = get(demo() + "/titles?programmeId=" + programme).getBody().get(0);
    assertThat(title.get("awardedOn").asString()).isEqualTo("2025-03-28");
    assertThat(title.get("validUntil").asString()).isEqualTo("2028-03-27");
    assertThat(title.get("finalScore").decimalValue()).isEqualByComparingTo("34");

    // every step is in the trail at its past instant, in order, marked as recorded by the county admin now
    List<JsonNode> history = new ArrayList<>();
    get(demo() + "/applications/" + app + "/history").getBody().forEach(history::add);
    assertThat(history).extracting(h -> h.get("action").asString()).containsExactly("RECEIVE", "ACCEPT", "SUBMIT_SELF_EVALUATION",
        "ASSIGN", "ASSIGN", "DECLARE", "DECLARE", "START_ASSESSMENT", "SCORE", "SCORE", "SCORE", "SUBMIT_SCORES", "SCORE", "SCORE",
        "SCORE", "SUBMIT_SCORES", "CONSENSUS", "AWARD", "SCHEDULE_REINSPECTION", "REINSPECTION_RECTIFY");
    assertThat(history).extracting(h -> Instant.parse(h.get("at").asString())).isSorted().allMatch(at -> at.isBefore(NOW));
    assertThat(history).allSatisfy(h -> assertThat(h.get("detail").get("backdated").get("recordedAt").asString())
        .isEqualTo(NOW.toString()));
    assertThat(history.get(9).get("actor").asString()).isEqualTo("past-x");
    assertThat(history.get(0).get("at").asString()).isEqualTo("2024-02-10T02:00:00Z");

    // a title held today: the county's figure of the cycle counts it
    awaitRollup(C, DEMONSTRATION, "2024-2027", r -> r.get("numerator").asLong() == 1);

    // an application with a step made live takes no past step
    UUID other = UUID.nameUUIDFromBytes("past-2".getBytes());
    ok(call("POST", demo() + "/applications", "{\"applicationId\":\"" + other + "\",\"schoolId\":\"" + school(2)
        + "\",\"programmeId\":\"" + programme + "\",\"baseline\":[]}", "2024-02-12T10:00:00+08:00", null));
    ok(step(other, "/accept", "{}", null));
    assertProblem(step(other, "/decline", "{\"reason\":\"补录\"}", "2024-03-01T10:00:00+08:00"), 409, "recorded live");
    // and a school applies once per programme
    assertProblem(call("POST", demo() + "/applications", "{\"applicationId\":\"" + UUID.nameUUIDFromBytes("past-3".getBytes())
        + "\",\"schoolId\":\"" + school(2) + "\",\"programmeId\":\"" + programme + "\",\"baseline\":[]}",
        "2024-02-13T10:00:00+08:00", null), 409, "already applied");
  }

  static String school(int i) {
    return C + String.format("%04d", i);
  }

  static String demo() {
    return "/api/district/counties/" + C + "/demonstration";
  }

  static String scores(String a11, String a12, String a31) {
    return "[{\"criterionCode\":\"A1.1\",\"score\":{\"points\":" + a11 + ",\"comment\":\"纸质评分\"}},"
        + "{\"criterionCode\":\"A1.2\",\"score\":{\"points\":" + a12 + ",\"comment\":\"纸质评分\"}},"
        + "{\"criterionCode\":\"A3.1\",\"score\":{\"points\":" + a31 + ",\"comment\":\"纸质评分\"}}]";
  }

  ResponseEntity<JsonNode> sheet(UUID app, String assessor, String declaration, String scores, boolean submit, String at) {
    String body = "{\"declaration\":" + declaration + ",\"scores\":" + scores + ",\"submit\":" + submit + "}";
    return step(app, "/assignments/" + assessor + "/paper-sheet", body, at);
  }

  ResponseEntity<JsonNode> selfEvaluation(UUID app, int round, String at) {
    return step(app, "/self-evaluation", "{\"round\":" + round + ",\"items\":[{\"criterionCode\":\"A1.1\",\"selfScore\":9},"
        + "{\"criterionCode\":\"A1.2\",\"selfScore\":17},{\"criterionCode\":\"A3.1\",\"selfScore\":9}]}", at);
  }

  ResponseEntity<JsonNode> step(UUID app, String path, String json, String at) {
    return call("POST", demo() + "/applications/" + app + path, json, at, null);
  }

  ResponseEntity<JsonNode> put(String path, String json, String at) {
    ResponseEntity<JsonNode> r = call("PUT", path, json, at, null);
    assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
    return r;
  }

  List<String> trail(UUID app) {
    return jdbc.sql("select action from demonstration_trail where application_id = ? order by id").param(app).query(String.class).list();
  }

  static JsonNode ok(ResponseEntity<JsonNode> r) {
    assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
    return r.getBody();
  }

  ResponseEntity<JsonNode> call(String method, String path, String json, String at, String token) {
    var request = http.method(HttpMethod.valueOf(method)).uri(path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (at != null) {
      request.header(HEADER, at);
    }
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }
}
