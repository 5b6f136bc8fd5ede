package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.district.DemonstrationFixtures.application;
import static org.gongyu.district.DemonstrationFixtures.assignment;
import static org.gongyu.district.DemonstrationFixtures.selfEvaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The county admin's management of the assessor panel (issue 13 item 3): the list shows each
 * entry's open rounds, an entry on an open round cannot be removed (409 naming the rounds), one on
 * closed or recused rounds only can, it leaves the list but stays stored for the rounds that name
 * it, it cannot be assigned, and a PUT brings it back. County 990161 is this test's own.
 */
class AssessorPanelIT extends DistrictITSupport {

  static final String C = "990161";
  static final String P = "PANEL-P1-" + C;

  @BeforeAll
  void schoolsAndAProgramme() {
    for (int i = 1; i <= 4; i++) {
      putSchool(C, school(i), "专家库测试学校" + i, "PRIMARY", null);
    }
    DemonstrationFixtures.programme(jdbc, C, P);
  }

  static String school(int n) {
    return C + String.format("%04d", n);
  }

  static String demo() {
    return "/api/district/counties/" + C + "/demonstration";
  }

  ResponseEntity<JsonNode> call(String method, String path, String json, String token) {
    var request = http.method(HttpMethod.valueOf(method)).uri(path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> put(String username, String name, String home, String... former) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("homeSchoolId", home);
    body.put("formerSchoolIds", List.of(former));
    return call("PUT", demo() + "/assessors/" + username, JSON.writeValueAsString(body), null);
  }

  /** The panel as listed: username → entry. */
  Map<String, JsonNode> panel() {
    ResponseEntity<JsonNode> r = call("GET", demo() + "/assessors", null, null);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    Map<String, JsonNode> out = new HashMap<>();
    r.getBody().forEach(e -> out.put(e.get("username").asString(), e));
    return out;
  }

  static List<String> open(JsonNode entry) {
    List<String> out = new ArrayList<>();
    entry.get("openAssignments").forEach(x -> out.add(x.asString()));
    return out;
  }

  String row(String username) {
    return jdbc.sql("select name || ':' || active || ':' || version || ':' || (removed_at is not null)"
            + " from demonstration_assessor where county_id = ? and username = ?")
        .params(C, username).query(String.class).single();
  }

  @Test
  void anAssessorOnAnOpenRoundCannotBeRemovedOneWhoseRoundsAreClosedCanAndComesBackWithAPut() {
    String busy = "panel-busy";
    String done = "panel-done";
    String recused = "panel-recused";
    for (String u : List.of(busy, done, recused)) {
      assertThat(put(u, "专家 " + u, school(4)).getStatusCode().value()).isEqualTo(201);
    }
    UUID assessing = application(jdbc, C, P, school(1), DemonstrationStatus.ASSESSING);
    selfEvaluation(jdbc, assessing, 1);
    assignment(jdbc, assessing, 1, busy, "CLEARED", false);
    assignment(jdbc, assessing, 1, recused, "RECUSED", false);
    UUID titled = application(jdbc, C, P, school(2), DemonstrationStatus.TITLED);
    selfEvaluation(jdbc, titled, 1);
    assignment(jdbc, titled, 1, done, "CLEARED", true);
    assignment(jdbc, titled, 1, busy, "CLEARED", true);

    Map<String, JsonNode> listed = panel();
    assertThat(open(listed.get(busy))).containsExactly(assessing.toString());
    assertThat(open(listed.get(done))).as("a decided application is not open").isEmpty();
    assertThat(open(listed.get(recused))).as("a recusal is not an open round").isEmpty();

    // on an open round: 409 naming the application, nothing changes
    ResponseEntity<JsonNode> refused = call("DELETE", demo() + "/assessors/" + busy, null, null);
    assertProblem(refused, 409, "is still on 1 open assessment round(s) (application " + assessing + ")");
    assertThat(refused.getBody().get("openAssignments").get(0).asString()).isEqualTo(assessing.toString());
    assertThat(row(busy)).isEqualTo("专家 panel-busy:true:1:false");

    // deactivating stays possible: it only stops new assignments
    Map<String, Object> inactive = new HashMap<>(Map.of("name", "专家 " + busy, "homeSchoolId", school(4), "active", false));
    ResponseEntity<JsonNode> deactivated = call("PUT", demo() + "/assessors/" + busy, JSON.writeValueAsString(inactive), null);
    assertThat(deactivated.getStatusCode().value()).isEqualTo(200);
    assertThat(deactivated.getBody().get("active").asBoolean()).isFalse();
    assertThat(open(deactivated.getBody())).containsExactly(assessing.toString());

    // closed and recused rounds only: removed (204), off the list, stored, version + 1
    assertThat(call("DELETE", demo() + "/assessors/" + done, null, null).getStatusCode().value()).isEqualTo(204);
    assertThat(call("DELETE", demo() + "/assessors/" + recused, null, null).getStatusCode().value()).isEqualTo(204);
    assertThat(panel()).containsKey(busy).doesNotContainKeys(done, recused);
    assertThat(row(done)).isEqualTo("专家 panel-done:false:2:true");
    assertThat(count("select count(*) from demonstration_assignment where assessor = '" + done + "'"))
        .as("the rounds that name them keep them").isEqualTo(1);

    // removed: not on the panel for an assignment, and a second removal is a 404
    UUID selfEvaluated = application(jdbc, C, P, school(3), DemonstrationStatus.SELF_EVALUATED);
    selfEvaluation(jdbc, selfEvaluated, 1);
    assertProblem(call("POST", demo() + "/applications/" + selfEvaluated + "/assignments", "{\"assessor\":\"" + done + "\"}", null),
        422, "is not on the active assessor panel");
    assertProblem(call("DELETE", demo() + "/assessors/" + done, null, null), 404, "is not on the assessor panel of county " + C);
    assertProblem(call("DELETE", demo() + "/assessors/panel-nobody", null, null), 404, "panel-nobody is not on the assessor panel");

    // a PUT puts the entry back (201: a new panel entry for the county), with a new version
    ResponseEntity<JsonNode> back = put(done, "专家 panel-done", school(4));
    assertThat(back.getStatusCode().value()).isEqualTo(201);
    assertThat(back.getBody().get("version").asLong()).isEqualTo(3);
    assertThat(row(done)).isEqualTo("专家 panel-done:true:3:false");
    assertThat(panel()).containsKey(done);
    assertThat(call("POST", demo() + "/applications/" + selfEvaluated + "/assignments", "{\"assessor\":\"" + done + "\"}", null)
        .getStatusCode().value()).isEqualTo(201);
    assertThat(open(panel().get(done))).containsExactly(selfEvaluated.toString());
  }

  @Test
  void onlyTheCountysOwnAdminRemovesAndTheRefusalSpeaksTheCallersLanguage() {
    String u = "panel-access";
    assertThat(put(u, "专家 " + u, null).getStatusCode().value()).isEqualTo(201);
    String path = demo() + "/assessors/" + u;
    assertThat(statusOf("DELETE", path, null, Keycloak.tokenAs("county-assessor", C))).isEqualTo(403);
    assertThat(statusOf("DELETE", path, null, Keycloak.tokenAs("city-staff", Keycloak.CITY))).isEqualTo(403);
    assertThat(statusOf("DELETE", path, null, Keycloak.tokenAs("county-admin", "990101"))).isEqualTo(404);
    assertThat(statusOf("DELETE", path, null, null)).isEqualTo(401);
    assertThat(row(u)).isEqualTo("专家 panel-access:true:1:false");

    ResponseEntity<JsonNode> zh = http.method(HttpMethod.DELETE).uri(demo() + "/assessors/panel-none").header("Accept-Language", "zh-CN")
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
    assertThat(zh.getStatusCode().value()).isEqualTo(404);
    assertThat(zh.getBody().get("detail").asString()).isEqualTo("评审专家 panel-none 不在区县 " + C + " 的专家库中");
    assertThat(call("DELETE", path, null, null).getStatusCode().value()).isEqualTo(204);
  }
}
