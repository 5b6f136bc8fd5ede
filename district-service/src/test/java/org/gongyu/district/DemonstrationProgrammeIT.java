package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongyu.district.DemonstrationFixtures.RUBRIC;
import static org.gongyu.testing.TopicRecords.readAll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.StandardPublished;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.contracts.district.v1.DemonstrationProgrammePublished;
import org.gongyu.contracts.district.v1.DemonstrationStatusChanged;
import org.gongyu.contracts.school.v1.DemonstrationApplied;
import org.gongyu.contracts.school.v1.DemonstrationApplied.AreaBaseline;
import org.gongyu.contracts.school.v1.SelfEvaluationSubmitted;
import org.gongyu.contracts.school.v1.SelfEvaluationSubmitted.Evidence;
import org.gongyu.contracts.school.v1.SelfEvaluationSubmitted.Item;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.AccessMatrix.Endpoint;
import org.gongyu.testing.AccessMatrix.Level;
import org.gongyu.testing.AccessMatrix.Target;
import org.gongyu.testing.ConsumerGroups;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The county's side of the demonstration-school programme up to the self-evaluation, against real
 * PostgreSQL, Kafka and Keycloak: the city's standards as received, a programme with its quotas and
 * arrangement (every refusal writes and publishes nothing; every change is a new version on the
 * topic with the rubric copy), applications inside and outside the window (city zone), duplicate
 * deliveries, accept and decline with the creation end from the service clock, self-evaluation
 * rounds refused before the creation end or incomplete and accepted at it, the history, and the
 * access matrix. Counties 990121 to 990124 (990101 to 990103 for the matrix); standards
 * {@code DINTAKE-*} so no other test's standard is touched.
 */
class DemonstrationProgrammeIT extends DistrictITSupport {

  private static final String BASE = "/api/district/counties/";
  private static final String STANDARD = "DINTAKE-DEMO";
  /** Version 2 of the test standard: the same criteria, a higher pass mark. */
  private static final Rubric RUBRIC_V2 = new Rubric(RUBRIC.titleZh(), RUBRIC.titleEn(), new BigDecimal("32"), RUBRIC.areas());
  /** 2024-03-10 10:00 in the city (Asia/Shanghai). */
  private static final Instant ACCEPT_DAY = Instant.parse("2024-03-10T02:00:00Z");

  @AfterEach
  void systemTimeAgain() {
    clock.reset();
  }

  @Test
  void everyVersionOfAStandardIsStoredOnceAndWhatCanNeverBeStoredGoesToTheDeadLetterTopic() {
    String id = "DINTAKE-STD";
    String v1 = standardEvent(id, 1, RUBRIC);
    String conflicting = standardEvent(id, 1, RUBRIC_V2);
    String passMarkAboveFullMark = standardEvent(id, 3, RUBRIC).replace("\"passMark\":30", "\"passMark\":99");
    assertThat(passMarkAboveFullMark).contains("\"passMark\":99");
    send(Topics.CITY_DEMONSTRATION_STANDARDS, id, v1);
    send(Topics.CITY_DEMONSTRATION_STANDARDS, id, v1);
    send(Topics.CITY_DEMONSTRATION_STANDARDS, id, standardEvent(id, 1, RUBRIC));
    send(Topics.CITY_DEMONSTRATION_STANDARDS, id, conflicting);
    send(Topics.CITY_DEMONSTRATION_STANDARDS, id, passMarkAboveFullMark);
    send(Topics.CITY_DEMONSTRATION_STANDARDS, id, "{\"not\": \"an envelope\"}");
    send(Topics.CITY_DEMONSTRATION_STANDARDS, id, standardEvent(id, 2, RUBRIC_V2));

    await().atMost(PATIENCE).until(() -> count("select count(*) from demonstration_standard where standard_id = '" + id + "'") == 2);
    await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(readAll(Topics.CITY_DEMONSTRATION_STANDARDS + "-dlt"))
        .extracting(ConsumerRecord::value)
        .contains(conflicting, passMarkAboveFullMark, "{\"not\": \"an envelope\"}"));
    String stored = jdbc.sql("select rubric::text from demonstration_standard where standard_id = ? and version = 1")
        .param(id).query(String.class).single();
    assertThat(DemonstrationFixtures.JSON.readValue(stored, Rubric.class)).as("the first rubric of version 1 stays").isEqualTo(RUBRIC);

    JsonNode list = get(BASE + "990121/demonstration/standards").getBody();
    List<String> versions = new ArrayList<>();
    list.forEach(s -> {
      if (s.get("standardId").asString().equals(id)) {
        versions.add(s.get("version").asLong() + ":" + s.get("passMark").decimalValue().toPlainString() + "/"
            + s.get("fullMark").decimalValue().toPlainString() + ":" + s.get("criteria").asInt());
      }
    });
    assertThat(versions).containsExactly("1:30/40:3", "2:32/40:3");

    JsonNode v2 = get(BASE + "990121/demonstration/standards/" + id + "/versions/2").getBody();
    assertThat(v2.get("rubric").get("passMark").decimalValue()).isEqualByComparingTo("32");
    assertThat(v2.get("rubric").get("fullMark").decimalValue()).isEqualByComparingTo("40");
    assertThat(v2.get("rubric").get("areas")).hasSize(2);
    JsonNode criterion = v2.get("rubric").get("areas").get(0).get("criteria").get(1);
    assertThat(criterion.get("code").asString()).isEqualTo("A1.2");
    assertThat(criterion.get("points").decimalValue()).isEqualByComparingTo("20");
    assertThat(criterion.get("indicatorCodes").get(0).asString()).isEqualTo("PLATFORM_REGISTRATION");
    assertProblem(get(BASE + "990121/demonstration/standards/" + id + "/versions/9"), 404, "version 9");
    assertProblem(get(BASE + "990121/demonstration/standards/" + id + "/versions/0"), 400, "version");
    assertProblem(get(BASE + "990199/demonstration/standards"), 404, "990199");
  }

  @Test
  void aProgrammeItsQuotasAndItsArrangementAreValidatedAndEveryChangeIsANewVersionWithTheRubric() {
    String county = "990121";
    String id = "dintake-p1";
    String path = BASE + county + "/demonstration/programmes/" + id;
    standards();
    putXuequ(county, county + "-XQ1", "城东学区");
    putXuequ(county, county + "-XQ2", "城西学区");
    putXuequ("990122", "990122-XQ1", "他县学区");
    putSchool(county, "9901210001", "城东小学", "PRIMARY", county + "-XQ1");
    putSchool(county, "9901210002", "县直实验小学", "PRIMARY", null);
    putSchool(county, "9901210003", "城西小学", "PRIMARY", county + "-XQ2");

    // refusals: each names the field, and nothing is stored or published
    assertProblem(put(path, programme().with("name", " ").json()), 400, "name");
    assertProblem(put(path, programme().with("target", 0).json()), 400, "target");
    assertProblem(put(path, programme().with("creationMonths", 37).json()), 400, "creationMonths");
    assertProblem(put(path, programme().with("titleValidityYears", 11).json()), 400, "titleValidityYears");
    assertProblem(put(path, programme().with("consensusMargin", -0.5).json()), 400, "consensusMargin");
    assertProblem(put(path, programme().with("consensusMargin", 1.234).json()), 400, "consensusMargin");
    assertProblem(put(path, programme().without("startsOn").json()), 400, "startsOn");
    assertProblem(put(path, programme().with("startsOn", "next monday").json()), 400, "startsOn");
    assertProblem(put(path, programme().with("standardId", "bad id").json()), 400, "standardId");
    assertProblem(put(path, programme().with("owner", "990122").json()), 400, "owner");
    assertProblem(put(path, "{\"name\": \"创建\", \"target\": "), 400, "not valid JSON");
    assertProblem(put(BASE + county + "/demonstration/programmes/bad!id", programme().json()), 400, "programmeId");
    assertProblem(put(path, programme().with("endsOn", "2024-01-31").json()), 422, "endsOn: must be on or after startsOn");
    assertProblem(put(path, programme().with("applicationOpensOn", "2024-01-15").json()), 422, "applicationOpensOn");
    assertProblem(put(path, programme().with("applicationDeadline", "2027-02-01").json()), 422,
        "applicationDeadline: must be on or before endsOn");
    assertProblem(put(path, programme().with("applicationOpensOn", "2024-03-01").json()), 422,
        "applicationDeadline: must be on or after applicationOpensOn");
    assertProblem(put(path, programme().with("standardVersion", 9).json()), 422, "standardVersion");
    assertProblem(put(BASE + "990199/demonstration/programmes/" + id, programme().json()), 404, "990199");
    assertThat(count("select count(*) from demonstration_programme where id = '" + id + "'")).isZero();
    assertThat(programmeEventsInOutbox(id)).isZero();

    // create, the same again, a change, a standard change (no school has applied yet)
    ResponseEntity<JsonNode> created = put(path, programme().json());
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    assertThat(created.getBody().get("version").asLong()).isEqualTo(1);
    assertThat(created.getBody().get("applicationDeadline").asString()).isEqualTo("2024-02-29");
    assertThat(created.getBody().get("quotasMatchTarget").asBoolean()).as("no quotas yet").isFalse();
    ResponseEntity<JsonNode> same = put(path, programme().json());
    assertThat(same.getStatusCode().value()).isEqualTo(200);
    assertThat(same.getBody().get("version").asLong()).as("nothing changed").isEqualTo(1);
    assertThat(put(path, programme().with("name", "2024—2027 协同育人示范学校创建").json()).getBody().get("version").asLong()).isEqualTo(2);
    JsonNode v3 = put(path, programme().with("name", "2024—2027 协同育人示范学校创建").with("standardVersion", 2).json()).getBody();
    assertThat(v3.get("version").asLong()).isEqualTo(3);
    assertThat(v3.get("standardVersion").asLong()).isEqualTo(2);

    // quotas: refusals, then the breakdown table (直属 = null) adding up to the target
    String quotas = path + "/quotas";
    assertProblem(put(quotas, quotas(county + "-XQ1", 6, county + "-XQ2", 3)), 422, "they add up to 9, the programme's target is 10");
    assertProblem(put(quotas, quotas(county + "-XQ1", 6, "990122-XQ1", 3, null, 1)), 422, "990122-XQ1 is not a 学区 of county 990121");
    assertProblem(put(quotas, quotas(county + "-XQ1", 6, county + "-XQ1", 4)), 422, "appears more than once");
    assertProblem(put(quotas, quotas(county + "-XQ1", -1, county + "-XQ2", 11)), 400, "quotas[0].quota");
    assertProblem(put(quotas, "{}"), 400, "quotas");
    assertProblem(put(BASE + county + "/demonstration/programmes/dintake-nope/quotas", quotas(null, 10)), 404, "dintake-nope");
    JsonNode q = put(quotas, quotas(county + "-XQ1", 6, county + "-XQ2", 3, null, 1)).getBody();
    assertThat(q.get("version").asLong()).isEqualTo(4);
    assertThat(q.get("quotaTotal").asInt()).isEqualTo(10);
    assertThat(q.get("quotasMatchTarget").asBoolean()).isTrue();
    assertThat(put(quotas, quotas(null, 1, county + "-XQ2", 3, county + "-XQ1", 6)).getBody().get("version").asLong())
        .as("the same table in another order changes nothing").isEqualTo(4);

    // arrangement: refusals, then 学区 and county-direct parts
    String arrangement = path + "/arrangement/";
    assertProblem(put(arrangement + county + "-XQ1", schools("9901210003", 2024)), 422, "9901210003 is in 学区 990121-XQ2");
    assertProblem(put(arrangement + county + "-XQ1", schools("9901210001", 2030)), 422, "plannedYear 2030");
    assertProblem(put(arrangement + county + "-XQ1", schools("9901229999", 2024)), 422, "9901229999 is not registered in county 990121");
    assertProblem(put(arrangement + county + "-XQ1", schools("9901210001", 2024, "9901210001", 2025)), 422, "more than once");
    assertProblem(put(arrangement + "direct", schools("9901210001", 2024)), 422, "not directly under the county");
    assertProblem(put(arrangement + county + "-XQ9", schools("9901210001", 2024)), 404, "990121-XQ9");
    assertProblem(put(arrangement + "990122-XQ1", schools("9901210001", 2024)), 404, "990122-XQ1");
    assertProblem(put(arrangement + county + "-XQ1", "{\"schools\":[{\"schoolId\":\"9901210001\"}]}"), 400, "plannedYear");
    assertThat(put(arrangement + county + "-XQ1", schools("9901210001", 2024)).getBody().get("programmeVersion").asLong()).isEqualTo(5);
    assertThat(put(arrangement + "direct", schools("9901210002", 2025)).getBody().get("programmeVersion").asLong()).isEqualTo(6);
    assertThat(put(arrangement + "direct", schools("9901210002", 2025)).getBody().get("programmeVersion").asLong()).isEqualTo(6);
    JsonNode table = get(path + "/arrangement").getBody();
    assertThat(table.get("xuequ")).hasSize(2);
    assertThat(groups(table)).containsExactlyInAnyOrder("direct:null:9901210002@2025:县直实验小学", "990121-XQ1:990121-XQ1:9901210001@2024:城东小学");
    // the school moves to the other 学区: it must leave the first one's part before the second lists it
    putSchool(county, "9901210001", "城东小学", "PRIMARY", county + "-XQ2");
    assertProblem(put(arrangement + county + "-XQ2", schools("9901210001", 2024)), 409, "arranged under 990121-XQ1");
    // a shorter programme would leave a planned school outside its years
    assertProblem(put(path, programme().with("endsOn", "2024-12-31").with("standardVersion", 2).json()), 409, "9901210002 in 2025");
    JsonNode retargeted = put(path, programme().with("name", "2024—2027 协同育人示范学校创建").with("standardVersion", 2)
        .with("target", 12).json()).getBody();
    assertThat(retargeted.get("version").asLong()).isEqualTo(7);
    assertThat(retargeted.get("quotasMatchTarget").asBoolean()).as("the quotas must be put again").isFalse();
    assertThat(get(path).getBody().get("quotas")).hasSize(3);

    // the topic: one event per change, versions 1..7, the rubric of the version kept, all quotas
    awaitOutboxDrained();
    List<DemonstrationProgrammePublished> events = programmeEvents(county, id);
    assertThat(events).extracting(DemonstrationProgrammePublished::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(events.get(0).rubric()).isEqualTo(RUBRIC);
    assertThat(events.get(0).quotas()).isEmpty();
    assertThat(events.get(2).rubric()).isEqualTo(RUBRIC_V2);
    assertThat(events.get(3).quotas()).containsExactlyInAnyOrder(
        new DemonstrationProgrammePublished.Quota(county + "-XQ1", 6), new DemonstrationProgrammePublished.Quota(county + "-XQ2", 3),
        new DemonstrationProgrammePublished.Quota(null, 1));
    assertThat(events.get(6).target()).isEqualTo(12);
    assertThat(events.get(6).quotas()).hasSize(3);
    assertThat(events.getLast().applicationDeadline()).isEqualTo(LocalDate.parse("2024-02-29"));
  }

  @Test
  void a学区SelectsItsSchoolsAndSubmitsItsPartOfTheArrangementTableAndOnlyItsOwn() {
    String county = "990692";
    String id = "dintake-xq";
    String path = BASE + county + "/demonstration/programmes/" + id;
    standards();
    putXuequ(county, county + "-XQ1", "东学区");
    putXuequ(county, county + "-XQ2", "西学区");
    putSchool(county, "9906920001", "东学区一小", "PRIMARY", county + "-XQ1");
    putSchool(county, "9906920002", "东学区二小", "PRIMARY", county + "-XQ1");
    putSchool(county, "9906920003", "西学区一小", "PRIMARY", county + "-XQ2");
    assertThat(put(path, programme().json()).getStatusCode().value()).isEqualTo(201);
    put(path + "/quotas", quotas(county + "-XQ1", 6, county + "-XQ2", 4));
    String own = BASE + county + "/xuequ/" + county + "-XQ1/demonstration/programmes";
    String staff = Keycloak.tokenAsXuequStaff(county, county + "-XQ1");

    JsonNode seen = as(staff, "GET", own, null).getBody();
    assertThat(seen.get("schools")).extracting(s -> s.get("schoolId").asString()).containsExactly("9906920001", "9906920002");
    assertThat(seen.get("programmes").get(0).get("quota").asInt()).isEqualTo(6);
    assertThat(seen.get("programmes").get(0).get("arranged")).isEmpty();
    // its schools only, in the programme's years; another 学区's page, the county's own path and a reader's write are refused
    assertProblem(as(staff, "PUT", own + "/" + id + "/arrangement", schools("9906920003", 2024)), 422, "9906920003 is in 学区 990692-XQ2");
    assertProblem(as(staff, "PUT", own + "/" + id + "/arrangement", schools("9906920001", 2031)), 422, "plannedYear 2031");
    String sibling = BASE + county + "/xuequ/" + county + "-XQ2/demonstration/programmes";
    assertThat(as(staff, "GET", sibling, null).getStatusCode().value()).isEqualTo(404);
    assertThat(as(staff, "PUT", sibling + "/" + id + "/arrangement", schools("9906920003", 2024)).getStatusCode().value()).isEqualTo(404);
    assertThat(as(staff, "PUT", path + "/arrangement/" + county + "-XQ1", schools("9906920001", 2024)).getStatusCode().value())
        .as("the county admin's path is not the 学区's").isEqualTo(403);
    assertThat(as(Keycloak.tokenAs("county-assessor", county), "PUT", own + "/" + id + "/arrangement", schools("9906920001", 2024))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(programmeEventsInOutbox(id)).as("no refusal changed the programme: created, quotas").isEqualTo(2);

    JsonNode table = as(staff, "PUT", own + "/" + id + "/arrangement", schools("9906920001", 2024, "9906920002", 2025)).getBody();
    assertThat(groups(table)).containsExactlyInAnyOrder("990692-XQ1:990692-XQ1:9906920001@2024:东学区一小",
        "990692-XQ1:990692-XQ1:9906920002@2025:东学区二小");
    // the county sees the 学区's part in its table, and its admin may act for the 学区 through the same path
    assertThat(groups(get(path + "/arrangement").getBody())).hasSize(2);
    JsonNode byAdmin = as(Keycloak.tokenAs("county-admin", county), "PUT", own + "/" + id + "/arrangement", schools("9906920001", 2024))
        .getBody();
    assertThat(groups(byAdmin)).containsExactly("990692-XQ1:990692-XQ1:9906920001@2024:东学区一小");
    assertThat(as(staff, "GET", own, null).getBody().get("programmes").get(0).get("arranged")).hasSize(1);
  }

  @Test
  void anotherCountysProgrammeIdIsTakenButNeverShown() {
    String owner = "990124";
    String id = "dintake-p4";
    standards();
    assertThat(put(BASE + owner + "/demonstration/programmes/" + id, programme().json()).getStatusCode().value()).isEqualTo(201);
    String other = BASE + "990123/demonstration/programmes/" + id;
    ResponseEntity<JsonNode> taken = put(other, programme().with("name", "抢注").json());
    assertProblem(taken, 409, "programme id dintake-p4 is already used");
    assertThat(taken.getBody().toString()).doesNotContain(owner);
    assertProblem(get(other), 404, "no demonstration programme dintake-p4 in county 990123");
    assertProblem(put(other + "/quotas", quotas(null, 10)), 404, "dintake-p4");
    assertProblem(put(other + "/arrangement/direct", "{\"schools\":[]}"), 404, "dintake-p4");
    assertProblem(get(other + "/arrangement"), 404, "dintake-p4");
    assertProblem(get(BASE + "990123/demonstration/applications?programmeId=" + id), 404, "dintake-p4");
    assertThat(get(BASE + "990123/demonstration/programmes").getBody().toString()).doesNotContain(id);
    JsonNode own = get(BASE + owner + "/demonstration/programmes/" + id).getBody();
    assertThat(own.get("version").asLong()).isEqualTo(1);
    assertThat(own.get("name").asString()).isEqualTo("协同育人示范学校创建");
  }

  @Test
  void applicationsInsideTheWindowAreAppliedOutsideDeclinedDuplicatesChangeNothingAndTheCountyAcceptsOrDeclines() {
    String county = "990122";
    String id = "dintake-p2";
    standards();
    assertThat(put(BASE + county + "/demonstration/programmes/" + id, programme().json()).getStatusCode().value()).isEqualTo(201);
    putXuequ(county, county + "-XQ1", "他县学区");
    putSchool(county, "9901220001", "城南小学", "PRIMARY", county + "-XQ1");
    putSchool(county, "9901220002", "县直中学", "JUNIOR_SECONDARY", null);
    putSchool(county, "9901220003", "迟到小学", "PRIMARY", null);
    putSchool(county, "9901220004", "早到小学", "PRIMARY", null);
    putSchool("990121", "9901210009", "邻县小学", "PRIMARY", null);

    // the window is 2024-02-01..2024-02-29 in the city (UTC+8)
    Applied last = Applied.of("9901220001", county, id, "2024-02-29T15:59:59Z");
    Applied first = Applied.of("9901220002", county, id, "2024-01-31T16:00:00Z");
    Applied late = Applied.of("9901220003", county, id, "2024-02-29T16:00:00Z");
    Applied early = Applied.of("9901220004", county, id, "2024-01-31T15:59:59Z");
    String lastJson = last.json();
    for (String json : List.of(lastJson, first.json(), late.json(), early.json())) {
      send(Topics.SCHOOL_DEMONSTRATION, keyOf(json), json);
    }
    await().atMost(PATIENCE).until(() -> count("select count(*) from demonstration_application where programme_id = '" + id + "'") == 4);

    // redelivered, republished, a second application of the same school: nothing changes
    String unregistered = Applied.of("9901229999", county, id, "2024-02-10T02:00:00Z").json();
    String otherCountysSchool = Applied.of("9901210009", county, id, "2024-02-10T02:00:00Z").json();
    String unknownProgramme = Applied.of("9901220001", county, "dintake-nope", "2024-02-10T02:00:00Z").json();
    String unknownType = EventCodec.encode(EventEnvelope.wrap("school-service", Instant.parse("2024-02-10T02:00:00Z"),
        new ContactPersonChanged("9901220001")));
    send(Topics.SCHOOL_DEMONSTRATION, "9901220001", lastJson);
    send(Topics.SCHOOL_DEMONSTRATION, "9901220001", last.json());
    send(Topics.SCHOOL_DEMONSTRATION, "9901220001", Applied.of("9901220001", county, id, "2024-02-20T02:00:00Z").json());
    send(Topics.SCHOOL_DEMONSTRATION, "9901220001", unknownType);
    send(Topics.SCHOOL_DEMONSTRATION, "9901229999", unregistered);
    send(Topics.SCHOOL_DEMONSTRATION, "9901210009", otherCountysSchool);
    send(Topics.SCHOOL_DEMONSTRATION, "9901220001", unknownProgramme);
    ConsumerGroups.awaitCaughtUp(GROUP, List.of(Topics.SCHOOL_DEMONSTRATION), PATIENCE);
    await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(readAll(Topics.SCHOOL_DEMONSTRATION + "-dlt"))
        .extracting(ConsumerRecord::value)
        .contains(unregistered, otherCountysSchool, unknownProgramme)
        .doesNotContain(unknownType, lastJson));
    assertThat(count("select count(*) from demonstration_application where programme_id = '" + id + "'")).isEqualTo(4);
    assertThat(count("select count(*) from demonstration_application where school_id in ('9901229999', '9901210009')")).isZero();

    JsonNode lastOne = application(county, last.id);
    assertThat(lastOne.get("status").asString()).isEqualTo("APPLIED");
    assertThat(lastOne.get("version").asLong()).isEqualTo(1);
    assertThat(lastOne.get("xuequId").asString()).isEqualTo(county + "-XQ1");
    assertThat(lastOne.get("schoolName").asString()).isEqualTo("城南小学");
    assertThat(lastOne.get("plan").asString()).isEqualTo("一校一案：补齐家访短板");
    assertThat(lastOne.get("baseline").get(0).get("areaCode").asString()).isEqualTo("A1");
    assertThat(lastOne.get("baseline").get(0).get("level").asInt()).isEqualTo(3);
    assertThat(lastOne.get("selfEvaluation").isNull()).isTrue();
    JsonNode firstOne = application(county, first.id);
    assertThat(firstOne.get("status").asString()).isEqualTo("APPLIED");
    assertThat(firstOne.get("xuequId").isNull()).as("a county-direct school").isTrue();
    assertThat(application(county, late.id).get("status").asString()).isEqualTo("DECLINED");
    assertThat(history(county, late.id).get(0).get("detail").get("reason").asString())
        .isEqualTo("arrived after the application deadline 2024-02-29");
    assertThat(application(county, early.id).get("status").asString()).isEqualTo("DECLINED");
    assertThat(history(county, early.id).get(0).get("detail").get("reason").asString()).contains("before the window opened");
    assertThat(count("select count(*) from demonstration_trail where application_id = '" + last.id + "'")).as("one receipt").isEqualTo(1);

    // the programme keeps its standard once a school applied; other changes are still allowed
    assertProblem(put(BASE + county + "/demonstration/programmes/" + id, programme().with("standardVersion", 2).json()), 409,
        "the programme keeps the standard it started with");
    assertThat(put(BASE + county + "/demonstration/programmes/" + id, programme().with("name", "改名").json()).getBody()
        .get("standardVersion").asLong()).isEqualTo(1);

    // accept on 2024-03-10 (city): 12 creation months
    clock.set(ACCEPT_DAY);
    String apps = BASE + county + "/demonstration/applications/";
    ResponseEntity<JsonNode> accepted = post(apps + last.id + "/accept", "{\"note\":\"列入创建\"}");
    assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(200);
    assertThat(accepted.getBody().get("status").asString()).isEqualTo("CREATING");
    assertThat(accepted.getBody().get("version").asLong()).isEqualTo(2);
    assertThat(accepted.getBody().get("creationEndsOn").asString()).isEqualTo("2025-03-10");
    ResponseEntity<JsonNode> again = post(apps + last.id + "/accept", "{}");
    assertProblem(again, 409, "accepting it needs status APPLIED");
    assertThat(again.getBody().get("currentStatus").asString()).isEqualTo("CREATING");
    ResponseEntity<JsonNode> declineCreating = post(apps + last.id + "/decline", "{\"reason\":\"名额已满\"}");
    assertProblem(declineCreating, 409, "is CREATING");
    assertThat(declineCreating.getBody().get("currentStatus").asString()).isEqualTo("CREATING");
    assertProblem(post(apps + first.id + "/decline", "{\"reason\":\" \"}"), 400, "reason");
    assertProblem(post(apps + first.id + "/decline", "{}"), 400, "reason");
    assertProblem(post(apps + first.id + "/decline", "{\"reason\":\"" + "长".repeat(501) + "\"}"), 400, "reason");
    assertProblem(post(apps + first.id + "/accept", "{\"note\":\"" + "长".repeat(501) + "\"}"), 400, "note");
    assertProblem(post(apps + late.id + "/accept", "{}"), 409, "is DECLINED");
    assertProblem(post(apps + UUID.randomUUID() + "/accept", "{}"), 404, "no demonstration application");
    assertProblem(post(BASE + "990121/demonstration/applications/" + first.id + "/accept", "{}"), 404, "no demonstration application");
    assertThat(application(county, first.id).get("version").asLong()).as("refusals changed nothing").isEqualTo(1);
    JsonNode declined = post(apps + first.id + "/decline", "{\"reason\":\"名额已满\"}").getBody();
    assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
    assertThat(declined.get("version").asLong()).isEqualTo(2);

    // the status events: the receipt (version 1), then the decision (version 2) with the creation end
    awaitOutboxDrained();
    List<DemonstrationStatusChanged> lastEvents = statusEvents(county, last.id);
    assertThat(lastEvents).extracting(DemonstrationStatusChanged::version).containsExactly(1L, 2L);
    DemonstrationStatusChanged acceptedEvent = lastEvents.get(1);
    assertThat(acceptedEvent.status()).isEqualTo(DemonstrationStatus.CREATING);
    assertThat(acceptedEvent.previousStatus()).isEqualTo(DemonstrationStatus.APPLIED);
    assertThat(acceptedEvent.creationEndsOn()).isEqualTo(LocalDate.parse("2025-03-10"));
    assertThat(acceptedEvent.reason()).isEqualTo("列入创建");
    assertThat(acceptedEvent.at()).isEqualTo(ACCEPT_DAY);
    assertThat(statusEvents(county, late.id)).singleElement().satisfies(e -> {
      assertThat(e.status()).isEqualTo(DemonstrationStatus.DECLINED);
      assertThat(e.reason()).isEqualTo("arrived after the application deadline 2024-02-29");
    });
    assertThat(statusEvents(county, first.id)).extracting(DemonstrationStatusChanged::status)
        .containsExactly(DemonstrationStatus.APPLIED, DemonstrationStatus.DECLINED);

    // reads
    assertThat(ids(get(apps.replaceAll("/$", "") + "?programmeId=" + id).getBody()))
        .containsExactly(early.id.toString(), first.id.toString(), last.id.toString(), late.id.toString());
    assertThat(ids(get(apps.replaceAll("/$", "") + "?programmeId=" + id + "&status=CREATING").getBody())).containsExactly(last.id.toString());
    assertProblem(get(apps.replaceAll("/$", "") + "?status=BOGUS"), 400, "status");
    assertProblem(get(apps + "not-a-uuid"), 400, "applicationId");
    assertProblem(get(apps + UUID.randomUUID()), 404, "no demonstration application");
    assertProblem(get(BASE + "990121/demonstration/applications/" + last.id), 404, "no demonstration application");
    assertProblem(get(BASE + "990121/demonstration/applications/" + last.id + "/history"), 404, "no demonstration application");
    JsonNode trail = history(county, last.id);
    assertThat(trail).hasSize(2);
    assertThat(trail.get(0).get("seq").asLong()).isLessThan(trail.get(1).get("seq").asLong());
    assertThat(entry(trail.get(0))).isEqualTo("school-service:RECEIVE:null>APPLIED");
    assertThat(trail.get(0).get("detail").get("appliedAt").asString()).isEqualTo("2024-02-29T15:59:59Z");
    assertThat(entry(trail.get(1))).isEqualTo("it-county-admin-990122:ACCEPT:APPLIED>CREATING");
    assertThat(trail.get(1).get("detail").get("creationEndsOn").asString()).isEqualTo("2025-03-10");
    assertThat(trail.get(1).get("detail").get("reason").asString()).isEqualTo("列入创建");
    assertThat(Instant.parse(trail.get(1).get("at").asString())).isEqualTo(ACCEPT_DAY);
  }

  @Test
  void aSelfEvaluationIsRefusedBeforeTheCreationEndOrIncompleteAcceptedAtItAndARepeatedRoundIsIgnored() {
    String county = "990123";
    String id = "dintake-p3";
    standards();
    assertThat(put(BASE + county + "/demonstration/programmes/" + id, programme().json()).getStatusCode().value()).isEqualTo(201);
    putSchool(county, "9901230001", "自评小学", "PRIMARY", null);
    Applied applied = Applied.of("9901230001", county, id, "2024-02-10T02:00:00Z");
    send(Topics.SCHOOL_DEMONSTRATION, "9901230001", applied.json());
    await().atMost(PATIENCE).until(() -> count("select count(*) from demonstration_application where id = '" + applied.id + "'") == 1);
    clock.set(ACCEPT_DAY);
    assertThat(post(BASE + county + "/demonstration/applications/" + applied.id + "/accept", "{}").getBody()
        .get("creationEndsOn").asString()).isEqualTo("2025-03-10");
    clock.reset();
    UUID deferred = DemonstrationFixtures.application(jdbc, county, id, "9901230002", DemonstrationStatus.DEFERRED);
    jdbc.sql("update demonstration_application set round = 1 where id = ?").param(deferred).update();
    UUID stillApplied = DemonstrationFixtures.application(jdbc, county, id, "9901230003", DemonstrationStatus.APPLIED);

    // 2025-03-10 00:00 in the city is 2025-03-09T16:00Z
    String justBefore = "2025-03-09T15:59:59Z";
    String atTheEnd = "2025-03-09T16:00:00Z";
    List<Item> full = items("8", "15", "7");
    String tooEarly = selfEvaluation(applied.id, "9901230001", id, 1, 1, justBefore, full);
    String incomplete = selfEvaluation(applied.id, "9901230001", id, 1, 1, atTheEnd, full.subList(0, 2));
    String aboveThePoints = selfEvaluation(applied.id, "9901230001", id, 1, 1, atTheEnd, items("11", "15", "7"));
    String skipsARound = selfEvaluation(applied.id, "9901230001", id, 1, 2, atTheEnd, full);
    String otherStandard = selfEvaluation(applied.id, "9901230001", id, 2, 1, atTheEnd, full);
    String accepted = selfEvaluation(applied.id, "9901230001", id, 1, 1, atTheEnd, full);
    String repeated = selfEvaluation(applied.id, "9901230001", id, 1, 1, "2025-03-11T02:00:00Z", items("10", "20", "10"));
    for (String json : List.of(tooEarly, incomplete, aboveThePoints, skipsARound, otherStandard, accepted, repeated, accepted)) {
      send(Topics.SCHOOL_DEMONSTRATION, "9901230001", json);
    }
    String afterDeferral = selfEvaluation(deferred, "9901230002", id, 1, 2, atTheEnd, full);
    String notSelected = selfEvaluation(stillApplied, "9901230003", id, 1, 1, atTheEnd, full);
    String unknownApplication = selfEvaluation(UUID.randomUUID(), "9901230004", id, 1, 1, atTheEnd, full);
    send(Topics.SCHOOL_DEMONSTRATION, "9901230002", afterDeferral);
    send(Topics.SCHOOL_DEMONSTRATION, "9901230003", notSelected);
    send(Topics.SCHOOL_DEMONSTRATION, "9901230004", unknownApplication);
    ConsumerGroups.awaitCaughtUp(GROUP, List.of(Topics.SCHOOL_DEMONSTRATION), PATIENCE);
    await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(readAll(Topics.SCHOOL_DEMONSTRATION + "-dlt"))
        .extracting(ConsumerRecord::value).contains(unknownApplication));

    JsonNode evaluated = application(county, applied.id);
    assertThat(evaluated.get("status").asString()).isEqualTo("SELF_EVALUATED");
    assertThat(evaluated.get("version").asLong()).isEqualTo(3);
    assertThat(evaluated.get("round").asInt()).isEqualTo(1);
    assertThat(evaluated.get("selfEvaluation").get("round").asInt()).isEqualTo(1);
    assertThat(evaluated.get("selfEvaluation").get("submittedAt").asString()).isEqualTo(atTheEnd);
    assertThat(evaluated.get("selfEvaluation").get("selfTotal").decimalValue()).as("the first round 1, not the repeat").isEqualByComparingTo("30");
    assertThat(count("select count(*) from demonstration_self_evaluation where application_id = '" + applied.id + "'")).isEqualTo(1);

    JsonNode trail = history(county, applied.id);
    List<String> entries = new ArrayList<>();
    trail.forEach(t -> entries.add(entry(t)));
    assertThat(entries).containsExactly(
        "school-service:RECEIVE:null>APPLIED",
        "it-county-admin-990123:ACCEPT:APPLIED>CREATING",
        "school-service:SELF_EVALUATION_REFUSED:null>null",
        "school-service:SELF_EVALUATION_REFUSED:null>null",
        "school-service:SELF_EVALUATION_REFUSED:null>null",
        "school-service:SELF_EVALUATION_REFUSED:null>null",
        "school-service:SELF_EVALUATION_REFUSED:null>null",
        "school-service:SUBMIT_SELF_EVALUATION:CREATING>SELF_EVALUATED");
    assertThat(trail.get(2).get("detail").get("reason").asString()).isEqualTo(
        "submitted on 2025-03-09, before the creation period ends on 2025-03-10");
    assertThat(trail.get(3).get("detail").get("reason").asString()).isEqualTo("items: A3.1 is missing");
    assertThat(trail.get(4).get("detail").get("reason").asString()).isEqualTo("items: A1.1 self-score 11 is not within 0..10");
    assertThat(trail.get(5).get("detail").get("reason").asString()).isEqualTo("round 2 skips round 1");
    assertThat(trail.get(6).get("detail").get("reason").asString()).contains("scored against " + STANDARD + " version 2");
    assertThat(trail.get(7).get("detail").get("round").asInt()).isEqualTo(1);
    assertThat(trail.get(7).get("detail").get("selfTotal").decimalValue()).isEqualByComparingTo("30");

    JsonNode again = application(county, deferred);
    assertThat(again.get("status").asString()).as("a deferred school submits the next round").isEqualTo("SELF_EVALUATED");
    assertThat(again.get("round").asInt()).isEqualTo(2);
    JsonNode notYet = application(county, stillApplied);
    assertThat(notYet.get("status").asString()).isEqualTo("APPLIED");
    assertThat(notYet.get("round").asInt()).isZero();
    assertThat(history(county, stillApplied).get(0).get("detail").get("reason").asString()).contains("the application is APPLIED");

    awaitOutboxDrained();
    List<DemonstrationStatusChanged> events = statusEvents(county, applied.id);
    assertThat(events).extracting(DemonstrationStatusChanged::version).containsExactly(1L, 2L, 3L);
    assertThat(events.getLast().status()).isEqualTo(DemonstrationStatus.SELF_EVALUATED);
    assertThat(events.getLast().creationEndsOn()).isEqualTo(LocalDate.parse("2025-03-10"));
  }

  @Test
  void accessMatrixOfTheProgrammeAndApplicationEndpoints() {
    String own = Level.COUNTY.id(Target.OWN);
    String sibling = Level.COUNTY.id(Target.SIBLING);
    String other = Level.COUNTY.id(Target.OTHER_COUNTY);
    standards();
    Map<String, UUID> toAccept = new LinkedHashMap<>();
    Map<String, UUID> toDecline = new LinkedHashMap<>();
    Function<String, String> programme = c -> BASE + c + "/demonstration/programmes/dintake-am-" + c;
    for (String c : List.of(own, sibling, other)) {
      // set up by each county's own admin (a demo user of the realm); the applications as school-service left them
      assertThat(statusOf("PUT", programme.apply(c), programme().json(), Keycloak.token("county-admin-" + c))).isIn(200, 201);
      toAccept.put(c, DemonstrationFixtures.application(jdbc, c, "dintake-am-" + c, c + "9921", DemonstrationStatus.APPLIED));
      toDecline.put(c, DemonstrationFixtures.application(jdbc, c, "dintake-am-" + c, c + "9922", DemonstrationStatus.APPLIED));
    }
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String c : List.of(own, sibling, other)) {
      versions.put(c, jdbc.sql("select version from demonstration_programme where id = ?").param("dintake-am-" + c).query(Long.class).single());
    }

    Set<String> readers = Set.of("county-assessor", "county-admin", "city-staff", "city-admin");
    Set<String> countyAdmin = Set.of("county-admin");
    String apps = "/demonstration/applications/";
    var endpoints = List.of(
        Endpoint.get(Level.COUNTY, c -> BASE + c + "/demonstration/standards", readers),
        Endpoint.get(Level.COUNTY, c -> BASE + c + "/demonstration/standards/" + STANDARD + "/versions/1", readers),
        Endpoint.send("PUT", Level.COUNTY, programme, programme().with("name", "矩阵创建").json(), countyAdmin),
        Endpoint.get(Level.COUNTY, c -> BASE + c + "/demonstration/programmes", readers),
        Endpoint.get(Level.COUNTY, programme, readers),
        Endpoint.send("PUT", Level.COUNTY, c -> programme.apply(c) + "/quotas", quotas(null, 10), countyAdmin),
        Endpoint.send("PUT", Level.COUNTY, c -> programme.apply(c) + "/arrangement/direct", "{\"schools\":[]}", countyAdmin),
        Endpoint.get(Level.COUNTY, c -> programme.apply(c) + "/arrangement", readers),
        Endpoint.get(Level.COUNTY, c -> BASE + c + "/demonstration/applications", readers),
        Endpoint.get(Level.COUNTY, c -> BASE + c + apps + toAccept.get(c), readers),
        Endpoint.get(Level.COUNTY, c -> BASE + c + apps + toAccept.get(c) + "/history", readers),
        Endpoint.send("POST", Level.COUNTY, c -> BASE + c + apps + toAccept.get(c) + "/accept", "{\"note\":\"矩阵\"}", countyAdmin),
        Endpoint.send("POST", Level.COUNTY, c -> BASE + c + apps + toDecline.get(c) + "/decline", "{\"reason\":\"矩阵\"}", countyAdmin));

    AccessMatrix.Result result = AccessMatrix.run(endpoints, this::statusOf);
    System.out.println(result.summary("district-service (demonstration programme and applications)"));
    assertThat(result.failures()).as(result.summary("district-service")).isEmpty();

    // only the own county's admin changed the own county: name and quotas (the empty arrangement was no change)
    assertThat(programmeVersion("dintake-am-" + own)).isEqualTo(versions.get(own) + 2);
    assertThat(status(toAccept.get(own))).isEqualTo("CREATING");
    assertThat(status(toDecline.get(own))).isEqualTo("DECLINED");
    for (String c : List.of(sibling, other)) {
      assertThat(programmeVersion("dintake-am-" + c)).isEqualTo(versions.get(c));
      assertThat(count("select count(*) from demonstration_quota where programme_id = 'dintake-am-" + c + "'")).isZero();
      assertThat(status(toAccept.get(c))).isEqualTo("APPLIED");
      assertThat(status(toDecline.get(c))).isEqualTo("APPLIED");
      assertThat(count("select count(*) from demonstration_trail where application_id in ('" + toAccept.get(c) + "', '"
          + toDecline.get(c) + "')")).isZero();
    }
  }

  // ---- helpers

  /** The test standard's two versions, sent once as the city would and awaited. */
  private void standards() {
    if (count("select count(*) from demonstration_standard where standard_id = '" + STANDARD + "'") < 2) {
      send(Topics.CITY_DEMONSTRATION_STANDARDS, STANDARD, standardEvent(STANDARD, 1, RUBRIC));
      send(Topics.CITY_DEMONSTRATION_STANDARDS, STANDARD, standardEvent(STANDARD, 2, RUBRIC_V2));
      await().atMost(PATIENCE).until(() -> count("select count(*) from demonstration_standard where standard_id = '" + STANDARD + "'") == 2);
    }
  }

  private static String standardEvent(String id, long version, Rubric rubric) {
    Instant at = Instant.parse("2024-01-10T00:00:00Z").plusSeconds(version);
    return EventCodec.encode(EventEnvelope.wrap("city-service", at, new StandardPublished(id, version, at, rubric)));
  }

  /** A programme body under construction: 10 titles 2024-02-01..2027-01-31, applications in February 2024. */
  private static ProgrammeBody programme() {
    return new ProgrammeBody();
  }

  private static final class ProgrammeBody {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    ProgrammeBody() {
      fields.put("name", "协同育人示范学校创建");
      fields.put("target", 10);
      fields.put("startsOn", "2024-02-01");
      fields.put("endsOn", "2027-01-31");
      fields.put("applicationOpensOn", "2024-02-01");
      fields.put("applicationDeadline", "2024-02-29");
      fields.put("creationMonths", 12);
      fields.put("titleValidityYears", 3);
      fields.put("consensusMargin", 2);
      fields.put("standardId", STANDARD);
      fields.put("standardVersion", 1);
    }

    ProgrammeBody with(String field, Object value) {
      fields.put(field, value);
      return this;
    }

    ProgrammeBody without(String field) {
      fields.remove(field);
      return this;
    }

    String json() {
      return JSON.writeValueAsString(fields);
    }
  }

  private ResponseEntity<JsonNode> as(String token, String method, String path, String json) {
    var spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).headers(h -> h.setBearerAuth(token));
    if (json != null) {
      spec = spec.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return spec.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  /** {@code {"quotas":[...]}} from pairs of 学区 id (null for 直属) and quota. */
  private static String quotas(Object... pairs) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("xuequId", pairs[i]);
      line.put("quota", pairs[i + 1]);
      lines.add(line);
    }
    return JSON.writeValueAsString(Map.of("quotas", lines));
  }

  /** {@code {"schools":[...]}} from pairs of school id and planned year. */
  private static String schools(Object... pairs) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      lines.add(Map.of("schoolId", pairs[i], "plannedYear", pairs[i + 1]));
    }
    return JSON.writeValueAsString(Map.of("schools", lines));
  }

  private static List<String> groups(JsonNode arrangement) {
    List<String> out = new ArrayList<>();
    arrangement.get("xuequ").forEach(g -> g.get("schools").forEach(s -> out.add(g.get("xuequKey").asString() + ":"
        + (g.get("xuequId").isNull() ? "null" : g.get("xuequId").asString()) + ":" + s.get("schoolId").asString() + "@"
        + s.get("plannedYear").asInt() + ":" + s.get("name").asString())));
    return out;
  }

  /** An application as school-service sends it. */
  private record Applied(UUID id, String schoolId, String countyId, String programmeId, Instant appliedAt) {
    static Applied of(String schoolId, String countyId, String programmeId, String appliedAt) {
      return new Applied(UUID.randomUUID(), schoolId, countyId, programmeId, Instant.parse(appliedAt));
    }

    /** A new event (new event id) each call. */
    String json() {
      return EventCodec.encode(EventEnvelope.wrap("school-service", appliedAt, new DemonstrationApplied(id, schoolId, countyId,
          programmeId, appliedAt, List.of(new AreaBaseline("A1", 3, "家长学校已挂牌"), new AreaBaseline("A3", 2, null)),
          "一校一案：补齐家访短板")));
    }
  }

  /** A type this service does not apply, on the same topic. */
  private record ContactPersonChanged(String schoolId) {}

  private static List<Item> items(String a11, String a12, String a31) {
    return List.of(
        new Item("A1.1", new BigDecimal(a11), "家长学校按章程开课", List.of(new Evidence("家长学校章程", "档案 2024-01"))),
        new Item("A1.2", new BigDecimal(a12), "平台注册率逐月提升", List.of(new Evidence("平台统计", "https://example.org/stat"))),
        new Item("A3.1", new BigDecimal(a31), "家访计划覆盖各班", List.of()));
  }

  private static String selfEvaluation(UUID application, String school, String programmeId, long standardVersion, int round,
      String submittedAt, List<Item> items) {
    Instant at = Instant.parse(submittedAt);
    return EventCodec.encode(EventEnvelope.wrap("school-service", at, new SelfEvaluationSubmitted(
        application, school, programmeId, STANDARD, standardVersion, round, at, items)));
  }

  private static String keyOf(String appliedJson) {
    return EventCodec.decode(appliedJson, DemonstrationApplied.class).payload().schoolId();
  }

  private JsonNode application(String county, UUID id) {
    ResponseEntity<JsonNode> r = get(BASE + county + "/demonstration/applications/" + id);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    return r.getBody();
  }

  private JsonNode history(String county, UUID id) {
    ResponseEntity<JsonNode> r = get(BASE + county + "/demonstration/applications/" + id + "/history");
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    return r.getBody();
  }

  /** actor:action:from>to of a history entry. */
  private static String entry(JsonNode t) {
    return t.get("actor").asString() + ":" + t.get("action").asString() + ":"
        + (t.get("from").isNull() ? "null" : t.get("from").asString()) + ">" + (t.get("to").isNull() ? "null" : t.get("to").asString());
  }

  private static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(a -> out.add(a.get("id").asString()));
    return out;
  }

  private ResponseEntity<JsonNode> post(String path, String json) {
    return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  private long programmeEventsInOutbox(String programmeId) {
    return jdbc.sql("select count(*) from outbox_event where topic = ? and payload like ?")
        .params(Topics.DISTRICT_DEMONSTRATION, "%\"programmeId\":\"" + programmeId + "\"%").query(Long.class).single();
  }

  private long programmeVersion(String programmeId) {
    return jdbc.sql("select version from demonstration_programme where id = ?").param(programmeId).query(Long.class).single();
  }

  private String status(UUID application) {
    return jdbc.sql("select status from demonstration_application where id = ?").param(application).query(String.class).single();
  }

  private static List<DemonstrationProgrammePublished> programmeEvents(String county, String programmeId) {
    return readAll(Topics.DISTRICT_DEMONSTRATION).stream()
        .filter(r -> r.key().equals(county) && EventCodec.typeOf(r.value()).equals("DemonstrationProgrammePublished"))
        .map(r -> EventCodec.decode(r.value(), DemonstrationProgrammePublished.class).payload())
        .filter(e -> e.programmeId().equals(programmeId))
        .toList();
  }

  private static List<DemonstrationStatusChanged> statusEvents(String county, UUID application) {
    return readAll(Topics.DISTRICT_DEMONSTRATION).stream()
        .filter(r -> r.key().equals(county) && EventCodec.typeOf(r.value()).equals("DemonstrationStatusChanged"))
        .map(r -> EventCodec.decode(r.value(), DemonstrationStatusChanged.class).payload())
        .filter(e -> e.applicationId().equals(application))
        .toList();
  }
}
