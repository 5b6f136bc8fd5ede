package org.gongyu.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The city's unit of city-direct schools (市直学校, ADR 0027) in the county registry: registered with
 * {@code kind} CITY_DIRECT and published with it, at most one per city (409), a kind that never
 * changes (409), an unknown kind refused naming the field (422) with nothing stored; and not a county
 * in the city's management assessment of counties. Counties 990661–990663, unit 990100-ZS.
 */
class CityDirectUnitIT extends CityApiItSupport {

  private static final String DIRECT = "990100-ZS";
  private static final String C1 = "990661";
  private static final String C2 = "990662";
  private static final String C3 = "990663";
  private static final String YEAR = "2026-2027";

  /** Every test of the class needs the city's one unit: registered once, before them. */
  @BeforeAll
  void theCityRegistersItsCityDirectUnit() {
    ResponseEntity<JsonNode> created = put("/api/city/counties/" + DIRECT, "{\"name\":\"市直学校\",\"kind\":\"CITY_DIRECT\"}");
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    assertThat(created.getBody().get("kind").asString()).isEqualTo("CITY_DIRECT");
    assertThat(count("select count(*) from outbox_event where topic = 'gongyu.city.counties.v1' and payload like '%\"countyId\":\""
        + DIRECT + "\"%' and payload like '%\"kind\":\"CITY_DIRECT\"%'")).isEqualTo(1);
  }

  @Test
  void theCityHasOneCityDirectUnitWhoseKindNeverChangesAndASecondIsAConflict() {

    // a rename without a kind keeps the unit city-direct
    ResponseEntity<JsonNode> renamed = put("/api/city/counties/" + DIRECT, "{\"name\":\"市直属学校\"}");
    assertThat(renamed.getStatusCode().value()).as("%s", renamed.getBody()).isEqualTo(200);
    assertThat(renamed.getBody().get("kind").asString()).isEqualTo("CITY_DIRECT");
    assertThat(renamed.getBody().get("version").asLong()).isEqualTo(2);

    // a county registered without a kind is a county, and stays one
    ResponseEntity<JsonNode> county = put("/api/city/counties/" + C1, "{\"name\":\"市直测试县\"}");
    assertThat(county.getStatusCode().value()).as("%s", county.getBody()).isEqualTo(201);
    assertThat(county.getBody().get("kind").asString()).isEqualTo("COUNTY");
    assertProblem(put("/api/city/counties/" + C1, "{\"name\":\"市直测试县\",\"kind\":\"CITY_DIRECT\"}"), 409,
        "unit " + C1 + " is registered as COUNTY; a unit's kind does not change");
    assertProblem(put("/api/city/counties/" + DIRECT, "{\"name\":\"市直学校\",\"kind\":\"COUNTY\"}"), 409,
        "is registered as CITY_DIRECT");

    // one per city: a second city-direct unit is refused and nothing is stored
    assertProblem(put("/api/city/counties/" + C2 + "-ZS", "{\"name\":\"又一个市直\",\"kind\":\"CITY_DIRECT\"}"), 409,
        "already has its city-direct unit " + DIRECT);
    assertThat(get("/api/city/counties/" + C2 + "-ZS").getStatusCode().value()).isEqualTo(404);

    JsonNode all = get("/api/city/counties").getBody();
    List<String> direct = new ArrayList<>();
    all.forEach(c -> {
      if (c.get("kind").asString().equals("CITY_DIRECT")) {
        direct.add(c.get("id").asString());
      }
    });
    assertThat(direct).containsExactly(DIRECT);
  }

  @Test
  void anUnknownKindIsRefusedNamingTheFieldWithNothingStored() {
    ResponseEntity<JsonNode> r = put("/api/city/counties/" + C3, "{\"name\":\"区\",\"kind\":\"DISTRICT\"}");
    assertProblem(r, 422, "kind: COUNTY or CITY_DIRECT, not DISTRICT");
    assertThat(r.getBody().get("errors").toString()).contains("kind:");
    assertThat(get("/api/city/counties/" + C3).getStatusCode().value()).as("nothing stored").isEqualTo(404);
    assertThat(count("select count(*) from outbox_event where payload like '%\"countyId\":\"" + C3 + "\"%'")).isZero();
  }

  @Test
  void theCityDirectUnitIsNotAssessedAmongTheCounties() {
    jdbc.sql("insert into county (id, city_id, name, version, updated_at, kind) values (?, ?, ?, 1, now(), 'COUNTY') on conflict do nothing")
        .params(C2, Keycloak.CITY, "考核市直对照县").update();
    String directId = DIRECT;
    for (String c : new String[] {C2, directId}) {
      for (String period : new String[] {"2026-2027-1", "2026-2027-2"}) {
        jdbc.sql("""
                insert into county_rollup (county_id, indicator_code, period_id, numerator, denominator, schools_reporting,
                  schools_expected, schools_meeting_target, version, as_of)
                values (?, 'PLATFORM_REGISTRATION', ?, 30, 50, 1, 1, 0, 1, now()) on conflict do nothing""")
            .params(c, period).update();
      }
    }
    String scheme = "/api/city/assessments/ZS-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
    assertThat(as(HttpMethod.POST, scheme + "/versions", """
        {"titleZh":"县区考核","titleEn":"County assessment","totalPoints":10,"items":[
          {"code":"K1","nameZh":"注册率","nameEn":"Registration","indicatorCode":"PLATFORM_REGISTRATION",
           "points":10,"rule":{"type":"LINEAR","floor":0.4,"target":0.6}}]}""").getStatusCode().value()).isEqualTo(201);
    ResponseEntity<JsonNode> run = as(HttpMethod.POST, scheme + "/runs", "{\"periodId\":\"" + YEAR + "\"}");
    assertThat(run.getStatusCode().value()).as("%s", run.getBody()).isEqualTo(201);
    List<String> assessed = new ArrayList<>();
    run.getBody().get("units").forEach(u -> assessed.add(u.get("unitId").asString()));
    assertThat(assessed).contains(C2).doesNotContain(directId);
    long runId = run.getBody().get("runId").asLong();
    assertThat(as(HttpMethod.GET, scheme + "/runs/" + runId + "/counties/" + directId, null).getStatusCode().value())
        .as("the unit has no row of a county assessment").isEqualTo(404);
  }

  private ResponseEntity<JsonNode> as(HttpMethod method, String path, String json) {
    var spec = http.method(method).uri(path).headers(h -> h.setBearerAuth(Keycloak.tokenAs("city-staff", Keycloak.CITY)));
    if (json != null) {
      spec = spec.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return spec.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }
}
