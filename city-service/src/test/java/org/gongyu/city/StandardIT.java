package org.gongyu.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.testing.TopicRecords.readAll;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.gongyu.city.standard.StandardPublisher;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.StandardPublished;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.testing.AccessMatrix;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demonstration-school standard against a real PostgreSQL and Kafka: the default {@code
 * DEMO-SCHOOL} rubric (4 task areas × 3 criteria, 100 points, pass at 80) published once on {@code
 * gongyu.city.demonstration-standards.v1} and never again, a version a migration leaves
 * unpublished published by the next start, a city admin's new version published as latest + 1 while
 * the old one stays readable, every invalid rubric refused naming its field with nothing stored or
 * published, and the access matrix of the four endpoints. Shares the context of {@link
 * CityApiItSupport}; reads only the standard events its own outbox holds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandardIT extends CityApiItSupport {

  private static final String DEFAULT = "DEMO-SCHOOL";
  private static final String BASE = "/api/city/standards";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired StandardPublisher publisher;

  @Test
  @Order(1)
  void publishesTheDefaultStandardOnceWithTwelveCriteriaWorth100PointsAndNotAgainOnRestart() {
    awaitOutboxDrained();
    List<StandardPublished> events = ownEvents(DEFAULT);
    assertThat(events).hasSize(1);
    StandardPublished v1 = events.getFirst();
    assertThat(v1.version()).isEqualTo(1);
    Rubric rubric = v1.rubric();
    assertThat(rubric.titleZh()).isEqualTo("协同育人示范学校建设标准");
    assertThat(rubric.titleEn()).isEqualTo("Home-school-society co-education demonstration-school standard");
    assertThat(rubric.fullMark()).isEqualByComparingTo("100");
    assertThat(rubric.passMark()).isEqualByComparingTo("80");
    assertThat(rubric.areas()).extracting(Rubric.Area::code).containsExactly("A1", "A2", "A3", "A4");
    assertThat(rubric.areas()).extracting(Rubric.Area::nameZh).containsExactly("家庭教育指导", "家长委员会建设", "全员家访", "开放办学");
    assertThat(rubric.areas()).extracting(a -> a.criteria().stream().map(Rubric.Criterion::points)
        .reduce(BigDecimal.ZERO, BigDecimal::add).intValueExact()).containsExactly(30, 25, 25, 20);
    assertThat(rubric.criteria()).extracting(Rubric.Criterion::code)
        .containsExactly("A1.1", "A1.2", "A1.3", "A2.1", "A2.2", "A2.3", "A3.1", "A3.2", "A3.3", "A4.1", "A4.2", "A4.3");
    assertThat(rubric.criteria()).extracting(Rubric.Criterion::nameZh).containsExactly(
        "家长学校", "数字家长学校", "个案咨询", "组建", "职能", "管理", "家访前", "家访中", "家访后", "社会资源", "开放活动", "家长志愿者");
    for (Rubric.Criterion c : rubric.criteria()) {
      assertThat(c.evidenceRequired()).as(c.code()).hasSizeGreaterThan(30);
      assertThat(c.nameEn()).as(c.code()).isNotBlank();
      assertThat(IndicatorCodes.ALL).as(c.code()).containsAll(c.indicatorCodes());
    }
    assertThat(rubric.criterion("A1.1").orElseThrow().indicatorCodes()).containsExactly(
        "PARENT_SCHOOL_ESTABLISHED", "COLLECTIVE_SESSIONS", "CLASS_SESSIONS", "HEAD_TRAINING", "INSTRUCTOR_COVERAGE");
    assertThat(rubric.criterion("A1.2").orElseThrow().indicatorCodes())
        .containsExactly("PLATFORM_REGISTRATION", "PARENT_LEARNING_PER_CAPITA", "RESOURCES_RECOMMENDED");
    assertThat(rubric.criterion("A2.3").orElseThrow().evidenceRequired()).as("the fee ban").contains("收取费用");
    assertThat(rubric.criterion("A3.3").orElseThrow().indicatorCodes()).containsExactly("VISIT_FILES");
    assertThat(rubric.criterion("A4.2").orElseThrow().indicatorCodes()).containsExactly("SIX_ONES_PARTICIPATION");

    // restarts publish nothing already published
    assertThat(publisher.publishPending()).isZero();
    assertThat(publisher.publishPending()).isZero();
    awaitOutboxDrained();
    assertThat(ownEvents(DEFAULT)).hasSize(1);
    assertThat(count("select count(*) from demonstration_standard where id = 'DEMO-SCHOOL' and version = 1 and published_version = 1"))
        .isEqualTo(1);

    // the API shows what the event carries
    JsonNode list = get(BASE).getBody();
    JsonNode summary = byField(list, "standardId", DEFAULT);
    assertThat(summary.get("version").asLong()).isEqualTo(1);
    assertThat(summary.get("fullMark").decimalValue()).isEqualByComparingTo("100");
    assertThat(summary.get("passMark").decimalValue()).isEqualByComparingTo("80");
    assertThat(summary.get("areas").asInt()).isEqualTo(4);
    assertThat(summary.get("criteria").asInt()).isEqualTo(12);
    JsonNode versions = get(BASE + "/" + DEFAULT).getBody();
    assertThat(versions.get("latestVersion").asLong()).isEqualTo(1);
    assertThat(versions.get("versions")).hasSize(1);
    JsonNode full = get(BASE + "/" + DEFAULT + "/versions/1").getBody();
    assertSameRubric(full, v1);
    assertThat(full.get("issuedBy").asString()).isEqualTo("default standard");
    assertThat(full.get("areas").get(0).get("points").decimalValue()).isEqualByComparingTo("30");
  }

  @Test
  @Order(2)
  void aVersionAMigrationLeftUnpublishedGoesOutAtTheNextStartOnce() {
    // what a later migration would do: a standard of two versions, neither published
    jdbc.sql("insert into demonstration_standard (id, version) values ('MIGRATED', 2)").update();
    for (int v = 1; v <= 2; v++) {
      jdbc.sql("insert into demonstration_standard_version (standard_id, version, title_zh, title_en, pass_mark, created_at,"
          + " created_by) values ('MIGRATED', ?, '迁移标准', 'Migrated standard', 5, now(), 'migration')").param(v).update();
      jdbc.sql("insert into demonstration_standard_area (standard_id, version, code, position, name_zh, name_en)"
          + " values ('MIGRATED', ?, 'B1', 1, '领域', 'Area')").param(v).update();
      jdbc.sql("insert into demonstration_standard_criterion (standard_id, version, area_code, code, position, name_zh, name_en,"
          + " points, evidence_required) values ('MIGRATED', ?, 'B1', 'B1.1', 1, '条目', 'Criterion', ?, '证明材料')")
          .params(v, 5 + v).update();
    }
    assertThat(get(BASE + "/MIGRATED").getStatusCode().value()).as("not served before it is published").isEqualTo(404);

    assertThat(publisher.publishPending()).isEqualTo(2);
    assertThat(publisher.publishPending()).isZero();
    awaitOutboxDrained();
    List<StandardPublished> events = ownEvents("MIGRATED");
    assertThat(events).extracting(StandardPublished::version).containsExactly(1L, 2L);
    assertThat(events.get(1).rubric().fullMark()).isEqualByComparingTo("7");
    assertThat(get(BASE + "/MIGRATED").getBody().get("latestVersion").asLong()).isEqualTo(2);
  }

  @Test
  @Order(3)
  void aCityAdminIssuesTheNextVersionPublishedAtOnceWhileTheOldOneStaysReadable() {
    awaitOutboxDrained();
    Map<String, Object> rubric = defaultRubric();
    rubric.put("titleZh", "协同育人示范学校建设标准(2026年修订)");
    rubric.put("passMark", 85);
    criterion(rubric, 0, 0).put("points", new BigDecimal("12.5"));
    criterion(rubric, 3, 2).put("points", new BigDecimal("5.5"));
    criterion(rubric, 3, 2).put("indicatorCodes", List.of("SIX_ONES_PARTICIPATION"));

    ResponseEntity<JsonNode> issued = post(BASE + "/" + DEFAULT + "/versions", json(rubric));

    assertThat(issued.getStatusCode().value()).as("%s", issued.getBody()).isEqualTo(201);
    assertThat(issued.getHeaders().getLocation()).hasToString(BASE + "/" + DEFAULT + "/versions/2");
    JsonNode v2 = issued.getBody();
    assertThat(v2.get("version").asLong()).isEqualTo(2);
    assertThat(v2.get("fullMark").decimalValue()).isEqualByComparingTo("100");
    assertThat(v2.get("passMark").decimalValue()).isEqualByComparingTo("85");
    assertThat(v2.get("issuedBy").asString()).isEqualTo("city-admin");
    assertThat(v2.get("areas").get(0).get("points").decimalValue()).isEqualByComparingTo("30.5");
    assertThat(v2.get("areas").get(0).get("criteria").get(0).get("points").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(get(BASE + "/" + DEFAULT + "/versions/2").getBody()).as("GET shows what POST answered").isEqualTo(v2);

    awaitOutboxDrained();
    List<StandardPublished> events = ownEvents(DEFAULT);
    assertThat(events).extracting(StandardPublished::version).containsExactly(1L, 2L);
    assertSameRubric(v2, events.get(1));
    assertThat(publisher.publishPending()).as("published with its issue").isZero();

    // version 1 is unchanged and still readable
    JsonNode v1 = get(BASE + "/" + DEFAULT + "/versions/1").getBody();
    assertSameRubric(v1, events.getFirst());
    assertThat(v1.get("passMark").decimalValue()).isEqualByComparingTo("80");
    JsonNode versions = get(BASE + "/" + DEFAULT).getBody();
    assertThat(versions.get("latestVersion").asLong()).isEqualTo(2);
    assertThat(versions.get("versions").findValuesAsString("titleZh"))
        .containsExactly("协同育人示范学校建设标准", "协同育人示范学校建设标准(2026年修订)");
    assertThat(byField(get(BASE).getBody(), "standardId", DEFAULT).get("version").asLong()).isEqualTo(2);

    // a new standard id starts at version 1
    Map<String, Object> other = defaultRubric();
    other.put("titleZh", "家长学校工作评估标准");
    ResponseEntity<JsonNode> first = post(BASE + "/PARENT-SCHOOL-EVAL/versions", json(other));
    assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(201);
    assertThat(first.getBody().get("version").asLong()).isEqualTo(1);
    awaitOutboxDrained();
    assertThat(ownEvents("PARENT-SCHOOL-EVAL")).extracting(StandardPublished::version).containsExactly(1L);
    List<String> ids = new ArrayList<>();
    get(BASE).getBody().forEach(s -> ids.add(s.get("standardId").asString()));
    assertThat(ids).contains(DEFAULT, "MIGRATED", "PARENT-SCHOOL-EVAL");

    // a version is immutable in the database too: the service's role may not change it (ADR 0013),
    // and the triggers stop even the owner (DatabaseRolesIT)
    assertThat(count("select count(*) from demonstration_standard_version where standard_id = 'DEMO-SCHOOL'")).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            jdbc.sql("update demonstration_standard_criterion set points = 1 where standard_id = 'DEMO-SCHOOL'").update())
        .rootCause().hasMessageContaining("permission denied");
  }

  @Test
  @Order(4)
  void refusesAnInvalidRubricNamingTheFieldAndStoresAndPublishesNothing() {
    awaitOutboxDrained();
    String before = standardsState();
    String path = BASE + "/" + DEFAULT + "/versions";

    assertRefused(path, r -> r.put("titleZh", "  "), 422, "titleZh");
    assertRefused(path, r -> r.remove("titleEn"), 422, "titleEn");
    assertRefused(path, r -> r.put("areas", List.of()), 422, "areas: a standard needs at least one task area");
    assertRefused(path, r -> area(r, 1).put("criteria", List.of()), 422, "areas[1].criteria");
    assertRefused(path, r -> area(r, 2).put("nameZh", null), 422, "areas[2].nameZh");
    assertRefused(path, r -> criterion(r, 0, 1).remove("nameEn"), 422, "areas[0].criteria[1].nameEn");
    assertRefused(path, r -> criterion(r, 0, 1).put("evidenceRequired", ""), 422, "areas[0].criteria[1].evidenceRequired");
    assertRefused(path, r -> area(r, 1).put("code", "A1"), 422, "areas[1].code: A1 is used twice");
    assertRefused(path, r -> criterion(r, 0, 2).put("code", "A1.1"), 422, "areas[0].criteria[2].code: A1.1 is used twice");
    assertRefused(path, r -> criterion(r, 1, 0).put("code", "A1.9"), 422, "must start with its area's code A2");
    assertRefused(path, r -> criterion(r, 1, 0).put("code", "a2-1"), 422, "areas[1].criteria[0].code: 'a2-1' is not a code");
    assertRefused(path, r -> area(r, 3).put("code", "Area 4"), 422, "areas[3].code");
    assertRefused(path, r -> criterion(r, 2, 1).put("points", 0), 422, "areas[2].criteria[1].points: must be above 0");
    assertRefused(path, r -> criterion(r, 2, 1).put("points", -3), 422, "areas[2].criteria[1].points");
    assertRefused(path, r -> criterion(r, 2, 1).remove("points"), 422, "areas[2].criteria[1].points: required");
    assertRefused(path, r -> criterion(r, 2, 1).put("points", new BigDecimal("2.125")), 422, "at most 2 decimal places");
    assertRefused(path, r -> r.put("passMark", 0), 422, "passMark: must be above 0");
    assertRefused(path, r -> r.put("passMark", new BigDecimal("100.5")), 422, "passMark: 100.5 is above the full mark 100");
    assertRefused(path, r -> r.put("passMark", new BigDecimal("79.999")), 422, "passMark");
    assertRefused(path, r -> criterion(r, 0, 0).put("indicatorCodes", List.of("PARENT_CONTACT", "NOT_AN_INDICATOR")), 422,
        "areas[0].criteria[0].indicatorCodes[1]: NOT_AN_INDICATOR is not an indicator of the city catalogue");
    assertRefused(path, r -> criterion(r, 0, 0).put("indicatorCodes", List.of("VISIT_FILES", "VISIT_FILES")), 422, "listed twice");
    // every broken rule at once
    ResponseEntity<JsonNode> many = post(path, json(mutated(r -> {
      r.put("passMark", -1);
      criterion(r, 0, 0).put("points", 0);
      criterion(r, 3, 2).put("code", "X");
    })));
    assertProblem(many, 422, "3 problem(s)");
    assertThat(many.getBody().get("errors")).hasSize(3);

    // not JSON of the shape, or a bad path: 400
    assertProblem(post(path, "{\"titleZh\": "), 400, "not valid JSON");
    assertProblem(post(path, json(mutated(r -> r.put("fullMark", 100)))), 400, "'fullMark'");
    assertProblem(post(path, json(mutated(r -> criterion(r, 0, 0).put("points", "ten")))), 400, "points");
    assertProblem(post(BASE + "/demo-school/versions", json(defaultRubric())), 400, "standardId");
    assertProblem(get(BASE + "/demo school"), 400, "standardId");
    assertProblem(get(BASE + "/" + DEFAULT + "/versions/0"), 400, "version");
    assertThat(get(BASE + "/" + DEFAULT + "/versions/two").getStatusCode().value()).isEqualTo(400);
    // unknown: 404
    assertProblem(get(BASE + "/NO-SUCH-STANDARD"), 404, "NO-SUCH-STANDARD");
    assertProblem(get(BASE + "/" + DEFAULT + "/versions/99"), 404, "version 99");
    // there is no PUT: versions never change
    assertThat(put(BASE + "/" + DEFAULT + "/versions/1", json(defaultRubric())).getStatusCode().value()).isEqualTo(405);

    awaitOutboxDrained();
    assertThat(standardsState()).isEqualTo(before);
  }

  @Test
  @Order(10)
  void accessMatrixOfTheStandards() {
    // The permitted POST issues version 1 of a standard of its own; reads are for county and city users.
    Set<String> readers = Set.of("county-assessor", "county-admin", "city-staff", "city-admin");
    var endpoints = List.of(
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> BASE, readers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> BASE + "/" + DEFAULT, readers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> BASE + "/" + DEFAULT + "/versions/1", readers),
        AccessMatrix.Endpoint.send("POST", AccessMatrix.Level.CITY, c -> BASE + "/MATRIX/versions", json(defaultRubric()),
            Set.of("city-admin")));
    awaitOutboxDrained();
    long deniedBefore = count("select count(*) from audit_log where outcome = 'DENIED'");

    AccessMatrix.Result result = AccessMatrix.run(endpoints, matrix);
    System.out.println(result.summary("city-service standards"));
    assertThat(result.failures()).as(result.summary("city-service standards")).isEmpty();
    assertThat(result.cells()).hasSize(4 * 7);

    long expectedDenials = result.cells().stream().filter(c -> !c.expected().equals("2xx")).count();
    assertThat(count("select count(*) from audit_log where outcome = 'DENIED'") - deniedBefore)
        .as("every refused cell is audited").isEqualTo(expectedDenials);
    awaitOutboxDrained();
    assertThat(count("select count(*) from demonstration_standard_version where standard_id = 'MATRIX'"))
        .as("only the city admin's call issued a version").isEqualTo(1);
    assertThat(ownEvents("MATRIX")).hasSize(1);
  }

  // ---- rubric bodies: the default standard as JSON maps, changed per case

  /** The default standard as a request body (what a city admin would send to reissue it). */
  private Map<String, Object> defaultRubric() {
    JsonNode v1 = get(BASE + "/" + DEFAULT + "/versions/1").getBody();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("titleZh", v1.get("titleZh").asString());
    body.put("titleEn", v1.get("titleEn").asString());
    body.put("passMark", v1.get("passMark").decimalValue());
    List<Object> areas = new ArrayList<>();
    for (JsonNode a : v1.get("areas")) {
      Map<String, Object> area = new LinkedHashMap<>();
      area.put("code", a.get("code").asString());
      area.put("nameZh", a.get("nameZh").asString());
      area.put("nameEn", a.get("nameEn").asString());
      List<Object> criteria = new ArrayList<>();
      for (JsonNode c : a.get("criteria")) {
        Map<String, Object> criterion = new LinkedHashMap<>();
        criterion.put("code", c.get("code").asString());
        criterion.put("nameZh", c.get("nameZh").asString());
        criterion.put("nameEn", c.get("nameEn").asString());
        criterion.put("points", c.get("points").decimalValue());
        criterion.put("evidenceRequired", c.get("evidenceRequired").asString());
        criterion.put("indicatorCodes", c.get("indicatorCodes").valueStream().map(JsonNode::asString).toList());
        criteria.add(criterion);
      }
      area.put("criteria", criteria);
      areas.add(area);
    }
    body.put("areas", areas);
    return body;
  }

  private Map<String, Object> mutated(Consumer<Map<String, Object>> change) {
    Map<String, Object> body = defaultRubric();
    change.accept(body);
    return body;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> area(Map<String, Object> rubric, int i) {
    return (Map<String, Object>) ((List<Object>) rubric.get("areas")).get(i);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> criterion(Map<String, Object> rubric, int area, int i) {
    return (Map<String, Object>) ((List<Object>) area(rubric, area).get("criteria")).get(i);
  }

  private static String json(Object body) {
    return JSON.writeValueAsString(body);
  }

  private void assertRefused(String path, Consumer<Map<String, Object>> change, int status, String detailContains) {
    ResponseEntity<JsonNode> response = post(path, json(mutated(change)));
    assertProblem(response, status, detailContains);
    assertThat(response.getBody().get("errors")).as("the rule broken is listed").isNotNull();
  }

  // ---- Kafka and database

  /** This context's events of one standard (the broker is shared with other ITs of the JVM), in topic order. */
  private List<StandardPublished> ownEvents(String standardId) {
    Set<String> own = new HashSet<>(jdbc.sql("select event_id::text from outbox_event where topic = ?")
        .param(Topics.CITY_DEMONSTRATION_STANDARDS).query(String.class).list());
    List<StandardPublished> out = new ArrayList<>();
    readAll(Topics.CITY_DEMONSTRATION_STANDARDS).forEach(r -> {
      EventEnvelope<StandardPublished> env = EventCodec.decode(r.value(), StandardPublished.class);
      if (own.contains(env.eventId().toString()) && env.payload().standardId().equals(standardId)) {
        assertThat(r.key()).isEqualTo(standardId);
        out.add(env.payload());
      }
    });
    return out;
  }

  private String standardsState() {
    return jdbc.sql("select string_agg(id || ':' || version || ':' || published_version, ',' order by id) from demonstration_standard")
        .query(String.class).single()
        + "|" + count("select count(*) from demonstration_standard_version")
        + "|" + count("select count(*) from demonstration_standard_criterion")
        + "|" + count("select count(*) from outbox_event where topic = '" + Topics.CITY_DEMONSTRATION_STANDARDS + "'");
  }

  /** The API's version view carries exactly the event's rubric and publication time. */
  private static void assertSameRubric(JsonNode view, StandardPublished event) {
    Rubric r = event.rubric();
    assertThat(view.get("standardId").asString()).isEqualTo(event.standardId());
    assertThat(view.get("version").asLong()).isEqualTo(event.version());
    assertThat(Instant.parse(view.get("publishedAt").asString())).isEqualTo(event.publishedAt());
    assertThat(view.get("titleZh").asString()).isEqualTo(r.titleZh());
    assertThat(view.get("titleEn").asString()).isEqualTo(r.titleEn());
    assertThat(view.get("passMark").decimalValue()).isEqualByComparingTo(r.passMark());
    assertThat(view.get("fullMark").decimalValue()).isEqualByComparingTo(r.fullMark());
    assertThat(view.get("areas")).hasSize(r.areas().size());
    for (int i = 0; i < r.areas().size(); i++) {
      Rubric.Area a = r.areas().get(i);
      JsonNode va = view.get("areas").get(i);
      assertThat(va.get("code").asString()).isEqualTo(a.code());
      assertThat(va.get("nameEn").asString()).isEqualTo(a.nameEn());
      assertThat(va.get("criteria")).hasSize(a.criteria().size());
      for (int j = 0; j < a.criteria().size(); j++) {
        Rubric.Criterion c = a.criteria().get(j);
        JsonNode vc = va.get("criteria").get(j);
        assertThat(vc.get("code").asString()).isEqualTo(c.code());
        assertThat(vc.get("nameZh").asString()).isEqualTo(c.nameZh());
        assertThat(vc.get("points").decimalValue()).as(c.code()).isEqualByComparingTo(c.points());
        assertThat(vc.get("evidenceRequired").asString()).isEqualTo(c.evidenceRequired());
        assertThat(vc.get("indicatorCodes").valueStream().map(JsonNode::asString).toList()).isEqualTo(c.indicatorCodes());
      }
    }
  }

  private static JsonNode byField(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (n.get(field).asString().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no element with " + field + " = " + value + " in " + array);
  }
}
