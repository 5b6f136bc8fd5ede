package org.gongyu.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongyu.testing.TopicRecords.readAll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.LecturerRegistryChanged;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The lecturer registry (ADR 0024) against the real PostgreSQL, Kafka and Keycloak: counties
 * nominate, the city reviews each transition, refusals (409, 422, another county's 404) write
 * nothing, and every change of a registered lecturer goes out once on {@code gongyu.city.lecturers.v1}.
 * Counties 996311 and 996312.
 */
class LecturerRegistryIT extends CityApiItSupport {

  private static final String C1 = "996311";
  private static final String C2 = "996312";

  @BeforeAll
  void counties() {
    for (String county : List.of(C1, C2)) {
      assertThat(put("/api/city/counties/" + county, "{\"name\":\"讲师县" + county + "\"}").getStatusCode().is2xxSuccessful()).isTrue();
    }
  }

  @Test
  void aCountyNominatesAndTheCityRegistersTrainsSuspendsReinstatesAndRevokesEachChangePublishedOnce() {
    JsonNode nominated = created(as(county(C1), "POST", "/api/city/counties/" + C1 + "/lecturer-nominations",
        "{\"name\":\"王丽华\",\"affiliation\":\"长治学院教育系\",\"expertise\":\"青春期亲子沟通\","
            + "\"ageGroups\":[\"JUNIOR_SECONDARY\",\"SENIOR_SECONDARY\"],\"comment\":\"县中心推荐\"}"));
    String id = nominated.get("id").asString();
    assertThat(nominated.get("status").asString()).isEqualTo("NOMINATED");
    assertThat(nominated.get("nominatedByCounty").asString()).isEqualTo(C1);
    assertThat(nominated.get("nominatedByCountyName").asString()).isEqualTo("讲师县" + C1);
    assertThat(nominated.get("registeredAndTrained").asBoolean()).isFalse();
    awaitOutboxDrained();
    assertThat(published(id)).as("a nomination stays at the city").isEmpty();

    JsonNode registered = ok(as(staff(), "POST", "/api/city/lecturers/" + id + "/registration",
        "{\"teams\":[{\"team\":\"CITY_TEAM\"},{\"team\":\"COUNTY_TEAM\",\"countyId\":\"" + C1 + "\"}]}"));
    assertThat(registered.get("status").asString()).isEqualTo("REGISTERED");
    assertThat(registered.get("registeredAndTrained").asBoolean()).isFalse();
    assertThat(registered.get("teams").size()).isEqualTo(2);
    JsonNode trained = ok(as(staff(), "POST", "/api/city/lecturers/" + id + "/training", "{\"trainedOn\":\"2025-09-20\"}"));
    assertThat(trained.get("registeredAndTrained").asBoolean()).isTrue();
    // the same training day again changes nothing
    assertThat(ok(as(staff(), "POST", "/api/city/lecturers/" + id + "/training", "{\"trainedOn\":\"2025-09-20\"}"))
        .get("version").asLong()).isEqualTo(trained.get("version").asLong());
    ok(as(staff(), "POST", "/api/city/lecturers/" + id + "/suspension", "{\"reason\":\"授课内容待核实\"}"));
    ok(as(staff(), "POST", "/api/city/lecturers/" + id + "/reinstatement", null));
    JsonNode revoked = ok(as(staff(), "POST", "/api/city/lecturers/" + id + "/revocation", "{\"reason\":\"不再承担公益授课\"}"));
    assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
    assertThat(revoked.get("statusReason").asString()).isEqualTo("不再承担公益授课");
    List<String> steps = new ArrayList<>();
    revoked.get("trail").forEach(s -> steps.add(s.get("action").asString() + "@" + s.get("version").asLong()));
    assertThat(steps).containsExactly("NOMINATED@1", "REGISTERED@2", "TRAINED@3", "SUSPENDED@4", "REINSTATED@5", "REVOKED@6");

    awaitOutboxDrained();
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(published(id)).hasSize(5));
    List<LecturerRegistryChanged> events = published(id);
    assertThat(events).extracting(LecturerRegistryChanged::version).containsExactly(2L, 3L, 4L, 5L, 6L);
    assertThat(events).extracting(LecturerRegistryChanged::status).containsExactly(
        LecturerRegistryChanged.Status.REGISTERED, LecturerRegistryChanged.Status.REGISTERED,
        LecturerRegistryChanged.Status.SUSPENDED, LecturerRegistryChanged.Status.REGISTERED,
        LecturerRegistryChanged.Status.REVOKED);
    assertThat(events.get(1).trainedOn()).isEqualTo(LocalDate.parse("2025-09-20"));
    assertThat(events.get(1).registeredAndTrained()).isTrue();
    assertThat(events.get(0).displayName()).isEqualTo("王丽华");
    assertThat(events.get(0).affiliation()).isEqualTo("长治学院教育系");
  }

  @Test
  void aNominationIsRejectedWithAReasonAndNothingIsPublished() {
    String id = nominate(C1, "李明");
    assertProblem(as(staff(), "POST", "/api/city/lecturers/" + id + "/rejection", "{\"reason\":\"  \"}"), 422, "reason");
    JsonNode rejected = ok(as(staff(), "POST", "/api/city/lecturers/" + id + "/rejection", "{\"reason\":\"无家庭教育相关经历\"}"));
    assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
    assertThat(rejected.get("statusReason").asString()).isEqualTo("无家庭教育相关经历");
    // the county sees its nomination's status and the reason
    JsonNode own = ok(as(county(C1), "GET", "/api/city/counties/" + C1 + "/lecturer-nominations", null));
    JsonNode line = find(own, id);
    assertThat(line.get("status").asString()).isEqualTo("REJECTED");
    assertThat(line.get("statusReason").asString()).isEqualTo("无家庭教育相关经历");
    awaitOutboxDrained();
    assertThat(published(id)).isEmpty();
  }

  @Test
  void theCountyCorrectsItsNominationBeforeTheDecisionAndSendsARejectedOneAgain() {
    String id = nominate(C1, "孙芳");
    String body = "{\"name\":\"孙芳\",\"affiliation\":\"县妇联\",\"ageGroups\":[\"PRIMARY\"],\"comment\":\"补充单位\"}";
    JsonNode edited = ok(as(county(C1), "PUT", "/api/city/counties/" + C1 + "/lecturer-nominations/" + id, body));
    assertThat(edited.get("status").asString()).isEqualTo("NOMINATED");
    assertThat(edited.get("affiliation").asString()).isEqualTo("县妇联");
    assertThat(edited.get("version").asLong()).isEqualTo(2);
    // another county's nomination is not found, a bad field is 422 and changes nothing
    assertProblem(as(county(C2), "PUT", "/api/city/counties/" + C2 + "/lecturer-nominations/" + id, body), 404, id);
    assertProblem(as(county(C1), "PUT", "/api/city/counties/" + C1 + "/lecturer-nominations/" + id,
        "{\"name\":\" \",\"ageGroups\":[\"NURSERY\"]}"), 422, "name");
    ok(as(staff(), "POST", "/api/city/lecturers/" + id + "/rejection", "{\"reason\":\"缺少授课经历说明\"}"));
    JsonNode resent = ok(as(county(C1), "PUT", "/api/city/counties/" + C1 + "/lecturer-nominations/" + id,
        body.replace("补充单位", "已补充授课经历：家长学校授课 12 次")));
    assertThat(resent.get("status").asString()).isEqualTo("NOMINATED");
    assertThat(resent.get("statusReason").isNull()).as("the rejection's reason is cleared").isTrue();
    List<String> steps = new ArrayList<>();
    resent.get("trail").forEach(s -> steps.add(s.get("action").asString() + "@" + s.get("version").asLong()));
    assertThat(steps).containsExactly("NOMINATED@1", "EDITED@2", "REJECTED@3", "RESUBMITTED@4");
    // once registered it is the city's: 409, and nothing went out for the edits
    ok(as(staff(), "POST", "/api/city/lecturers/" + id + "/registration", "{}"));
    assertConflict(as(county(C1), "PUT", "/api/city/counties/" + C1 + "/lecturer-nominations/" + id, body), "REGISTERED");
    awaitOutboxDrained();
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(published(id)).hasSize(1));
    assertThat(published(id).getFirst().affiliation()).isEqualTo("县妇联");
  }

  @Test
  void illegalTransitionsAre409AndWriteNothing() {
    String id = nominate(C1, "赵强");
    long trailBefore = trail(id);
    assertConflict(as(staff(), "POST", "/api/city/lecturers/" + id + "/training", "{\"trainedOn\":\"2025-09-01\"}"), "NOMINATED");
    assertConflict(as(staff(), "POST", "/api/city/lecturers/" + id + "/suspension", "{\"reason\":\"x\"}"), "NOMINATED");
    assertConflict(as(staff(), "POST", "/api/city/lecturers/" + id + "/revocation", "{\"reason\":\"x\"}"), "NOMINATED");
    assertConflict(as(staff(), "POST", "/api/city/lecturers/" + id + "/reinstatement", null), "NOMINATED");
    assertConflict(as(staff(), "PUT", "/api/city/lecturers/" + id + "/teams", "{\"teams\":[{\"team\":\"ADVISORY\"}]}"), "NOMINATED");
    ok(as(staff(), "POST", "/api/city/lecturers/" + id + "/registration", "{}"));
    assertConflict(as(staff(), "POST", "/api/city/lecturers/" + id + "/registration", "{}"), "REGISTERED");
    assertConflict(as(staff(), "POST", "/api/city/lecturers/" + id + "/rejection", "{\"reason\":\"x\"}"), "REGISTERED");
    assertConflict(as(staff(), "POST", "/api/city/lecturers/" + id + "/reinstatement", null), "REGISTERED");
    ok(as(staff(), "POST", "/api/city/lecturers/" + id + "/revocation", "{\"reason\":\"离职\"}"));
    assertConflict(as(staff(), "POST", "/api/city/lecturers/" + id + "/suspension", "{\"reason\":\"x\"}"), "REVOKED");
    assertConflict(as(staff(), "POST", "/api/city/lecturers/" + id + "/training", "{\"trainedOn\":\"2025-09-01\"}"), "REVOKED");
    assertThat(trail(id)).isEqualTo(trailBefore + 2);
    String rejected = nominate(C2, "钱芳");
    ok(as(staff(), "POST", "/api/city/lecturers/" + rejected + "/rejection", "{\"reason\":\"材料不全\"}"));
    assertConflict(as(staff(), "POST", "/api/city/lecturers/" + rejected + "/registration", "{}"), "REJECTED");
    assertProblem(as(staff(), "POST", "/api/city/lecturers/Lnobody/registration", "{}"), 404, "Lnobody");
  }

  @Test
  void badInputIs422NamingTheField() {
    ResponseEntity<JsonNode> noName = as(county(C1), "POST", "/api/city/counties/" + C1 + "/lecturer-nominations",
        "{\"name\":\" \",\"ageGroups\":[\"PRIMARY\",\"ADULT\"]}");
    assertProblem(noName, 422, "2");
    assertThat(errors(noName)).anySatisfy(e -> assertThat(e).startsWith("name:"))
        .anySatisfy(e -> assertThat(e).startsWith("ageGroups[1]:"));
    assertProblem(as(county(C1), "POST", "/api/city/counties/" + C1 + "/lecturer-nominations",
        "{\"name\":\"" + "长".repeat(101) + "\"}"), 422, "1");
    String id = nominate(C1, "孙燕");
    ResponseEntity<JsonNode> badTeams = as(staff(), "POST", "/api/city/lecturers/" + id + "/registration",
        "{\"trainedOn\":\"2999-01-01\",\"teams\":[{\"team\":\"COUNTY_TEAM\"},{\"team\":\"CITY_TEAM\",\"countyId\":\"" + C1
            + "\"},{\"team\":\"PARENT_TEAM\"}]}");
    assertProblem(badTeams, 422, "4");
    assertThat(errors(badTeams)).anySatisfy(e -> assertThat(e).startsWith("trainedOn:"))
        .anySatisfy(e -> assertThat(e).startsWith("teams[0].countyId:"))
        .anySatisfy(e -> assertThat(e).startsWith("teams[1].countyId:"))
        .anySatisfy(e -> assertThat(e).startsWith("teams[2].team:"));
    assertThat(ok(as(staff(), "GET", "/api/city/lecturers/" + id, null)).get("status").asString()).isEqualTo("NOMINATED");
    ok(as(staff(), "POST", "/api/city/lecturers/" + id + "/registration", "{}"));
    assertProblem(as(staff(), "POST", "/api/city/lecturers/" + id + "/training", "{}"), 422, "1");
    assertThat(errors(as(staff(), "POST", "/api/city/lecturers/" + id + "/training", "{}")))
        .singleElement().satisfies(e -> assertThat(e).startsWith("trainedOn"));
  }

  @Test
  void aCountyNominatesAndReadsOnlyForItselfAndSeesOnlyRegisteredLecturersOfOthers() {
    String own = nominate(C1, "周敏");
    String other = nominate(C2, "吴刚");
    // another county's nominations: not found, like an unknown county; nothing written
    long before = count("select count(*) from lecturer");
    assertThat(as(county(C1), "POST", "/api/city/counties/" + C2 + "/lecturer-nominations", "{\"name\":\"冒名\"}")
        .getStatusCode().value()).isEqualTo(404);
    assertThat(count("select count(*) from lecturer")).isEqualTo(before);
    assertThat(as(county(C1), "GET", "/api/city/counties/" + C2 + "/lecturer-nominations", null).getStatusCode().value())
        .isEqualTo(404);
    JsonNode mine = ok(as(county(C1), "GET", "/api/city/counties/" + C1 + "/lecturer-nominations", null));
    assertThat(ids(mine)).contains(own).doesNotContain(other);
    // the review is the city's: a county admin cannot register, not even its own nomination
    assertThat(as(county(C1), "POST", "/api/city/lecturers/" + own + "/registration", "{}").getStatusCode().value())
        .isIn(403, 404);
    assertThat(as(county(C1), "GET", "/api/city/lecturers", null).getStatusCode().value()).isIn(403, 404);
    // a school cannot nominate
    assertThat(as(Keycloak.tokenAs("school-admin", C1 + "0001"), "POST", "/api/city/counties/" + C1 + "/lecturer-nominations",
        "{\"name\":\"某人\"}").getStatusCode().value()).isIn(403, 404);

    ok(as(staff(), "POST", "/api/city/lecturers/" + other + "/registration", "{\"teams\":[{\"team\":\"ADVISORY\"}]}"));
    JsonNode registry = ok(as(county(C1), "GET", "/api/city/counties/" + C1 + "/lecturers", null));
    assertThat(ids(registry)).contains(other).doesNotContain(own);
    assertThat(ids(ok(as(county(C1), "GET", "/api/city/counties/" + C1 + "/lecturers?team=ADVISORY", null)))).contains(other);
    assertThat(ids(ok(as(county(C1), "GET", "/api/city/counties/" + C1 + "/lecturers?team=CITY_TEAM", null))))
        .doesNotContain(other);

    // the city sees everything and filters
    JsonNode all = ok(as(staff(), "GET", "/api/city/lecturers?nominatedBy=" + C2, null));
    assertThat(ids(all)).contains(other).doesNotContain(own);
    assertThat(ids(ok(as(staff(), "GET", "/api/city/lecturers?status=NOMINATED", null)))).contains(own).doesNotContain(other);
    assertProblem(as(staff(), "GET", "/api/city/lecturers?status=MAYBE", null), 400, "MAYBE");
  }

  @Test
  void theCityNominatesForCityDirectSchools() {
    JsonNode n = created(as(staff(), "POST", "/api/city/lecturers", "{\"name\":\"郑洁\",\"ageGroups\":[\"PRESCHOOL\"]}"));
    assertThat(n.get("nominatedByCounty").isNull()).isTrue();
    assertThat(ids(ok(as(staff(), "GET", "/api/city/lecturers?nominatedBy=CITY", null)))).contains(n.get("id").asString());
  }

  private String nominate(String county, String name) {
    return created(as(county(county), "POST", "/api/city/counties/" + county + "/lecturer-nominations",
        "{\"name\":\"" + name + "\"}")).get("id").asString();
  }

  private static String county(String countyId) {
    return Keycloak.tokenAs("county-admin", countyId);
  }

  private static String staff() {
    return Keycloak.tokenAs("city-staff", Keycloak.CITY);
  }

  private ResponseEntity<JsonNode> as(String token, String method, String path, String json) {
    var spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
        .headers(h -> h.setBearerAuth(token));
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

  private static void assertConflict(ResponseEntity<JsonNode> r, String status) {
    assertProblem(r, 409, "");
    assertThat(r.getBody().get("currentStatus").asString()).isEqualTo(status);
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

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode l : list) {
      if (l.get("id").asString().equals(id)) {
        return l;
      }
    }
    throw new AssertionError(id + " not in " + list);
  }

  private long trail(String id) {
    return jdbc.sql("select count(*) from lecturer_trail where lecturer_id = ?").param(id).query(Long.class).single();
  }

  /** The events of one lecturer this database's outbox sent, in order. */
  private List<LecturerRegistryChanged> published(String id) {
    Set<String> own = new HashSet<>(jdbc.sql("select event_id::text from outbox_event where topic = ?")
        .param(Topics.CITY_LECTURERS).query(String.class).list());
    List<LecturerRegistryChanged> out = new ArrayList<>();
    readAll(Topics.CITY_LECTURERS).forEach(r -> {
      EventEnvelope<LecturerRegistryChanged> env = EventCodec.decode(r.value(), LecturerRegistryChanged.class);
      if (own.contains(env.eventId().toString()) && env.payload().lecturerId().equals(id)) {
        assertThat(r.key()).isEqualTo(id);
        out.add(env.payload());
      }
    });
    return out;
  }
}
