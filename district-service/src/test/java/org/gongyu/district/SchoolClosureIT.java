package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongyu.testing.TopicRecords.readAll;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.contracts.district.v1.SchoolRegistered.Membership;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.district.TestEvents.Snapshot;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.AccessMatrix.Endpoint;
import org.gongyu.testing.AccessMatrix.Level;
import org.gongyu.testing.AccessMatrix.Target;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Closing and merging schools (issue 17 item 6, ADR 0027) against real PostgreSQL and Kafka: a
 * closure is effective-dated like a move, so a period starting on or after it no longer expects the
 * school while a period that started before keeps it and its figure; the lists, the republished
 * event and every refusal. Counties 990671 to 990674 are this class's; periods are taken from the
 * city calendar's today (moved with the test clock where a past day is needed).
 */
class SchoolClosureIT extends DistrictITSupport {

  private static final String C = "990671";
  private static final String REFUSALS = "990673";
  private static final String NEIGHBOUR = "990674";

  @Autowired CityCalendar calendar;

  @BeforeAll
  void closureCounties() {
    List<String> ours = List.of(C, "990672", REFUSALS, NEIGHBOUR);
    ours.forEach(c -> send(Topics.CITY_COUNTIES, TestEvents.CITY, TestEvents.county(c, 1)));
    await().atMost(PATIENCE).until(() -> count("select count(*) from county where id in ('" + String.join("','", ours) + "')") == 4);
  }

  @Test
  void aMergedSchoolLeavesThePeriodsStartingOnItsClosureKeepsThoseStartedBeforeAndLeavesTheListsLater() {
    Period current = calendar.current(PeriodType.SEMESTER);
    Period previous = current.previous();
    LocalDate closure = current.start(calendar.calendar());
    putSchool(C, "9906710001", "撤并小学", "PRIMARY", null);
    putSchool(C, "9906710002", "接收小学", "PRIMARY", null);
    Instant asOf = calendar.startOf(current);
    sendSnapshots(List.of(
        Snapshot.of("9906710001", PLATFORM, previous.id(), 60, 100, 1, asOf),
        Snapshot.of("9906710002", PLATFORM, previous.id(), 40, 100, 1, asOf),
        Snapshot.of("9906710001", PLATFORM, current.id(), 70, 100, 1, asOf),
        Snapshot.of("9906710002", PLATFORM, current.id(), 50, 100, 1, asOf)));
    long pastVersion = awaitRollup(C, PLATFORM, previous.id(), n -> n.get("schoolsReporting").asInt() == 2).get("version").asLong();
    long currentVersion = awaitRollup(C, PLATFORM, current.id(), n -> n.get("schoolsReporting").asInt() == 2).get("version").asLong();

    // Back in the previous semester, the county admin merges 0001 into 0002 from the current semester's first day.
    clock.set(calendar.startOf(previous).plus(Duration.ofDays(1)));
    ResponseEntity<JsonNode> closed = close(C, "9906710001", "{\"effectiveFrom\":\"" + closure + "\",\"successorId\":\"9906710002\"}");
    clock.reset();
    assertThat(closed.getStatusCode().value()).as("%s", closed.getBody()).isEqualTo(200);
    assertThat(closed.getBody().get("closedFrom").asString()).isEqualTo(closure.toString());
    assertThat(closed.getBody().get("successorId").asString()).isEqualTo("9906710002");
    assertThat(closed.getBody().get("successorName").asString()).isEqualTo("接收小学");
    assertThat(closed.getBody().get("countyId").asString()).as("a closed school stays in its last county").isEqualTo(C);
    assertThat(closed.getBody().get("version").asLong()).isEqualTo(2);

    // The current semester started on the closure's first day: it no longer expects the school.
    JsonNode after = awaitRollup(C, PLATFORM, current.id(), n -> n.get("version").asLong() == currentVersion + 1);
    assertThat(after.get("schoolsExpected").asInt()).isEqualTo(1);
    assertThat(lineage(after)).containsExactly("9906710002@1");
    assertThat(after.get("numerator").asLong()).isEqualTo(50);
    // The previous semester had ended: it keeps the school, its figure and its version.
    awaitOutboxDrained();
    JsonNode past = rollup(C, PLATFORM, previous.id()).getBody();
    assertThat(past.get("version").asLong()).isEqualTo(pastVersion);
    assertThat(past.get("schoolsExpected").asInt()).isEqualTo(2);
    assertThat(lineage(past)).containsExactly("9906710001@1", "9906710002@1");
    assertThat(past.get("numerator").asLong()).isEqualTo(100);
    // A later correction of the ended period still counts; a new report for the current one does not.
    send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, "9906710001", Snapshot.of("9906710001", PLATFORM, previous.id(), 65, 100, 2, asOf).json());
    assertThat(lineage(awaitRollup(C, PLATFORM, previous.id(), n -> n.get("version").asLong() == pastVersion + 1)))
        .containsExactly("9906710001@2", "9906710002@1");
    send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, "9906710001", Snapshot.of("9906710001", PLATFORM, current.id(), 75, 100, 2, asOf).json());
    awaitOutboxDrained();
    JsonNode stillOne = rollup(C, PLATFORM, current.id()).getBody();
    assertThat(lineage(stillOne)).containsExactly("9906710002@1");

    // Listed until its last period (the latest-ending one containing the day before the closure) has ended ...
    JsonNode listed = get("/api/district/counties/" + C + "/schools").getBody();
    assertThat(ids(listed)).containsExactly("9906710001", "9906710002");
    JsonNode successor = listed.get(1);
    assertThat(successor.get("closedFrom").isNull()).isTrue();
    assertThat(successor.get("mergedFrom")).hasSize(1);
    assertThat(successor.get("mergedFrom").get(0).get("id").asString()).isEqualTo("9906710001");
    assertThat(successor.get("mergedFrom").get(0).get("name").asString()).isEqualTo("撤并小学");
    // ... then only with ?closed=true; it can still be read on its own.
    clock.set(calendar.startOf(current.next().next()).plus(Duration.ofDays(1)));
    assertThat(ids(get("/api/district/counties/" + C + "/schools").getBody())).containsExactly("9906710002");
    assertThat(get("/api/district/counties/" + C + "/schools").getBody().get(0).get("mergedFrom")).hasSize(1);
    assertThat(ids(get("/api/district/counties/" + C + "/schools?closed=true").getBody())).containsExactly("9906710001", "9906710002");
    assertThat(get("/api/district/counties/" + C + "/schools/9906710001").getBody().get("successorName").asString()).isEqualTo("接收小学");
    clock.reset();

    // The event carries the history and the closure; a consumer that knows only the old fields still reads it.
    awaitOutboxDrained();
    List<Map.Entry<String, SchoolRegistered>> events = readAll(Topics.DISTRICT_SCHOOL_REGISTRY).stream()
        .filter(r -> r.value().contains("\"9906710001\""))
        .map(r -> Map.entry(r.key(), EventCodec.decode(r.value(), SchoolRegistered.class).payload()))
        .toList();
    assertThat(events).extracting(e -> e.getValue().version()).containsExactly(1L, 2L);
    assertThat(events.getLast().getKey()).isEqualTo(C);
    SchoolRegistered last = events.getLast().getValue();
    assertThat(last.closedFrom()).isEqualTo(closure);
    assertThat(last.successorId()).isEqualTo("9906710002");
    assertThat(last.countyId()).isEqualTo(C);
    assertThat(last.memberships()).containsExactly(new Membership(C, null, Membership.ALWAYS));
    assertThat(last.closedOn(closure)).isTrue();
    assertThat(last.closedOn(closure.minusDays(1))).isFalse();
    assertThat(events.getFirst().getValue().closedFrom()).isNull();
    assertThat(count("select count(*) from school_membership where school_id = '9906710001' and county_id is null")).isEqualTo(1);
  }

  @Test
  void refusesToCloseTwiceToMergeIntoAClosedSchoolOrItselfAndADayNotAfterTheLatestMembership() {
    Period current = calendar.current(PeriodType.SEMESTER);
    Period previous = current.previous();
    putSchool(REFUSALS, "9906730001", "一号小学", "PRIMARY", null);
    putSchool(REFUSALS, "9906730002", "二号小学", "PRIMARY", null);
    putSchool(NEIGHBOUR, "9906740001", "迁入小学", "PRIMARY", null);
    putSchool(NEIGHBOUR, "9906740002", "邻县小学", "PRIMARY", null);
    // 9906740001 moves in from the current semester (decided while the previous one ran).
    clock.set(calendar.startOf(previous).plus(Duration.ofDays(1)));
    ResponseEntity<JsonNode> moved = http.post().uri("/api/district/counties/" + NEIGHBOUR + "/schools/9906740001/move")
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"toCountyId\":\"" + REFUSALS + "\",\"effectiveFrom\":\"" + current.id() + "\"}")
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
    assertThat(moved.getStatusCode().value()).as("%s", moved.getBody()).isEqualTo(200);
    clock.reset();
    String tomorrow = calendar.today().plusDays(1).toString();
    String before = stateOf();

    assertProblem(close(REFUSALS, "9906740001", "{\"effectiveFrom\":\"" + current.start(calendar.calendar()) + "\"}"),
        409, "already has a membership from " + current.start(calendar.calendar()));
    assertProblem(close(REFUSALS, "9906730001", "{\"effectiveFrom\":\"" + previous.start(calendar.calendar()) + "\"}"),
        409, "semester " + previous.id());
    assertProblem(close(REFUSALS, "9906730001", "{\"effectiveFrom\":\"" + tomorrow + "\",\"successorId\":\"9906730001\"}"),
        409, "cannot be merged into itself");
    ResponseEntity<JsonNode> malformed = close(REFUSALS, "9906730001", "{\"effectiveFrom\":\"2027-02-30\"}");
    assertProblem(malformed, 422, "'2027-02-30' is not a day");
    assertThat(malformed.getBody().get("errors").toString()).contains("effectiveFrom");
    ResponseEntity<JsonNode> unknown = close(REFUSALS, "9906730001", "{\"effectiveFrom\":\"" + tomorrow + "\",\"successorId\":\"9906739999\"}");
    assertProblem(unknown, 422, "9906739999");
    assertThat(unknown.getBody().get("errors").toString()).contains("successorId");
    ResponseEntity<JsonNode> elsewhere = close(REFUSALS, "9906730001", "{\"effectiveFrom\":\"" + tomorrow + "\",\"successorId\":\"9906740002\"}");
    assertProblem(elsewhere, 422, "9906740002 is not registered in county " + REFUSALS);
    assertProblem(close(REFUSALS, "9906730001", "{}"), 400, "effectiveFrom");
    assertProblem(close(REFUSALS, "9906739999", "{\"effectiveFrom\":\"" + tomorrow + "\"}"), 404, "9906739999");
    assertProblem(close(NEIGHBOUR, "9906730001", "{\"effectiveFrom\":\"" + tomorrow + "\"}"), 404, "9906730001");
    awaitOutboxDrained();
    assertThat(stateOf()).as("a refused closure writes nothing").isEqualTo(before);

    ResponseEntity<JsonNode> closed = close(REFUSALS, "9906730001", "{\"effectiveFrom\":\"" + tomorrow + "\"}");
    assertThat(closed.getStatusCode().value()).as("%s", closed.getBody()).isEqualTo(200);
    assertThat(closed.getBody().get("successorId").isNull()).isTrue();
    String afterClosure = stateOf();
    assertProblem(close(REFUSALS, "9906730001", "{\"effectiveFrom\":\"" + tomorrow + "\"}"), 409, "9906730001 has been closed since " + tomorrow);
    assertProblem(close(REFUSALS, "9906730002", "{\"effectiveFrom\":\"" + tomorrow + "\",\"successorId\":\"9906730001\"}"),
        409, "cannot merge into a closed school");
    assertProblem(putSchoolRaw(REFUSALS, "9906730001", body("改名小学", "PRIMARY", null)), 409, "has been closed since");
    assertThat(putSchoolRaw(REFUSALS, "9906730001", body("一号小学", "PRIMARY", null)).getStatusCode().value())
        .as("the same content again is no change").isEqualTo(200);
    assertProblem(http.post().uri("/api/district/counties/" + REFUSALS + "/schools/9906730001/move")
        .contentType(MediaType.APPLICATION_JSON).body("{\"toCountyId\":\"" + NEIGHBOUR + "\",\"effectiveFrom\":\"" + current.next().id() + "\"}")
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class), 409, "has been closed since");
    awaitOutboxDrained();
    assertThat(stateOf()).isEqualTo(afterClosure);

    // Merging 0002 into the (open) school that moved in works; its history is the move's.
    ResponseEntity<JsonNode> merged = close(REFUSALS, "9906730002", "{\"effectiveFrom\":\"" + tomorrow + "\",\"successorId\":\"9906740001\"}");
    assertThat(merged.getStatusCode().value()).as("%s", merged.getBody()).isEqualTo(200);
    assertThat(merged.getBody().get("successorName").asString()).isEqualTo("迁入小学");
  }

  @Test
  void accessMatrixOfTheClosure() {
    String own = Level.COUNTY.id(Target.OWN);
    String sibling = Level.COUNTY.id(Target.SIBLING);
    String other = Level.COUNTY.id(Target.OTHER_COUNTY);
    String base = "/api/district/counties/";
    String tomorrow = calendar.today().plusDays(1).toString();
    for (String c : List.of(own, sibling, other)) {
      assertThat(statusOf("PUT", base + c + "/schools/" + c + "9903", "{\"name\":\"待关学校\",\"schoolType\":\"PRIMARY\"}",
          Keycloak.token("county-admin-" + c))).isIn(200, 201);
    }
    var endpoints = List.of(
        Endpoint.send("POST", Level.COUNTY, c -> base + c + "/schools/" + c + "9903/close",
            "{\"effectiveFrom\":\"" + tomorrow + "\"}", Set.of("county-admin")),
        Endpoint.get(Level.COUNTY, c -> base + c + "/schools?closed=true", Set.of("county-assessor", "county-admin", "city-staff", "city-admin")));
    AccessMatrix.Result result = AccessMatrix.run(endpoints, this::statusOf);
    System.out.println(result.summary("district-service (closure)"));
    assertThat(result.failures()).as(result.summary("district-service")).isEmpty();
    // only the own county's admin closed its own school
    assertThat(count("select count(*) from school where id = '" + own + "9903' and closed_from is not null")).isEqualTo(1);
    for (String c : List.of(sibling, other)) {
      assertThat(count("select count(*) from school where id = '" + c + "9903' and closed_from is null")).isEqualTo(1);
      assertThat(count("select count(*) from school_membership where school_id = '" + c + "9903'")).isEqualTo(1);
    }
  }

  // ---- helpers

  private ResponseEntity<JsonNode> close(String county, String school, String json) {
    return http.post().uri("/api/district/counties/" + county + "/schools/" + school + "/close")
        .contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  private static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(s -> out.add(s.get("id").asString()));
    return out;
  }

  /** The refusals' schools, their memberships and the registry events, as text. */
  private String stateOf() {
    return jdbc.sql("""
            select string_agg(concat_ws(':', id, county_id, name, version, closed_from, successor_id), ',' order by id)
            from school where county_id in ('990673', '990674')""").query(String.class).single()
        + "|" + jdbc.sql("""
            select string_agg(concat_ws(':', school_id, county_id, from_day), ',' order by school_id, from_day)
            from school_membership where school_id like '99067%'""").query(String.class).single()
        + "|" + count("select count(*) from outbox_event where topic = '" + Topics.DISTRICT_SCHOOL_REGISTRY + "'");
  }
}
