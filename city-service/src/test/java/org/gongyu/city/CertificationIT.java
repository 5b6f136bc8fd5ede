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
import org.gongyu.contracts.city.v1.InstructorCertificateChanged;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Training cohorts and instructor certificates (ADR 0025) against the real PostgreSQL, Kafka and
 * Keycloak: the cohort's and the certificate's state rules (409 with the current status), bad input
 * (422 naming each field), a county reading only its own participants (404 for another), and every
 * certificate change published once on {@code gongyu.city.instructor-certificates.v1}.
 * Counties 990611 and 990612.
 */
class CertificationIT extends CityApiItSupport {

  private static final String C1 = "990611";
  private static final String C2 = "990612";

  @BeforeAll
  void counties() {
    for (String county : List.of(C1, C2)) {
      assertThat(put("/api/city/counties/" + county, "{\"name\":\"培训县" + county + "\"}").getStatusCode().is2xxSuccessful()).isTrue();
    }
  }

  @Test
  void aCohortRunsToCompletionAndItsPassedParticipantIsCertifiedRenewedAndRevokedEachChangePublishedOnce() {
    String cohort = cohort("INSTRUCTOR", 4);
    String passes = enrol(cohort, "陈静", "TEACHER", C1, C1 + "0001");
    String fails = enrol(cohort, "刘洋", "HEAD", C1, C1 + "0002");
    ok(as(staff(), "PUT", participant(cohort, passes) + "/attendance", "{\"sessionsAttended\":4}"));
    ok(as(staff(), "PUT", participant(cohort, fails) + "/attendance", "{\"sessionsAttended\":2}"));
    JsonNode passed = ok(as(staff(), "PUT", participant(cohort, passes) + "/assessment", "{\"score\":86.5}"));
    assertThat(passed.get("result").asString()).isEqualTo("PASSED");
    // the cohort cannot complete while someone is not assessed
    assertConflict(as(staff(), "POST", "/api/city/training-cohorts/" + cohort + "/completion", null), "PLANNED");
    // nor certify before it completes
    assertConflict(as(staff(), "POST", participant(cohort, passes) + "/certificate", "{\"number\":\"JZ-990611-01\"}"), "PLANNED");
    assertThat(ok(as(staff(), "PUT", participant(cohort, fails) + "/assessment", "{\"score\":59.5}")).get("result").asString())
        .isEqualTo("FAILED");
    JsonNode completed = ok(as(staff(), "POST", "/api/city/training-cohorts/" + cohort + "/completion", null));
    assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.get("passedCount").asInt()).isEqualTo(1);

    // failed: no certificate
    assertConflict(as(staff(), "POST", participant(cohort, fails) + "/certificate", "{\"number\":\"JZ-990611-02\"}"), "FAILED");
    JsonNode issued = created(as(staff(), "POST", participant(cohort, passes) + "/certificate",
        "{\"number\":\"JZ-990611-01\",\"issuedOn\":\"2026-07-10\"}"));
    assertThat(issued.get("status").asString()).isEqualTo("VALID");
    assertThat(issued.get("expiresOn").asString()).as("three years by default").isEqualTo("2029-07-10");
    assertThat(issued.get("holderName").asString()).isEqualTo("陈静");
    // one per participant
    assertConflict(as(staff(), "POST", participant(cohort, passes) + "/certificate", "{\"number\":\"JZ-990611-03\"}"), "VALID");

    assertProblem(as(staff(), "POST", "/api/city/instructor-certificates/JZ-990611-01/renewal", "{\"expiresOn\":\"2029-07-01\"}"),
        422, "expiresOn");
    JsonNode renewed = ok(as(staff(), "POST", "/api/city/instructor-certificates/JZ-990611-01/renewal",
        "{\"expiresOn\":\"2032-07-10\"}"));
    assertThat(renewed.get("expiresOn").asString()).isEqualTo("2032-07-10");
    assertProblem(as(staff(), "POST", "/api/city/instructor-certificates/JZ-990611-01/revocation", "{\"reason\":\" \"}"),
        422, "reason");
    JsonNode revoked = ok(as(staff(), "POST", "/api/city/instructor-certificates/JZ-990611-01/revocation",
        "{\"reason\":\"离开家庭教育工作岗位\"}"));
    assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
    assertThat(revoked.get("revokedOn").isNull()).isFalse();
    assertConflict(as(staff(), "POST", "/api/city/instructor-certificates/JZ-990611-01/revocation", "{\"reason\":\"再次\"}"),
        "REVOKED");
    assertConflict(as(staff(), "POST", "/api/city/instructor-certificates/JZ-990611-01/renewal", "{\"expiresOn\":\"2040-01-01\"}"),
        "REVOKED");

    awaitOutboxDrained();
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(published("JZ-990611-01")).hasSize(3));
    List<InstructorCertificateChanged> events = published("JZ-990611-01");
    assertThat(events).extracting(InstructorCertificateChanged::version).containsExactly(1L, 2L, 3L);
    assertThat(events).extracting(InstructorCertificateChanged::status).containsExactly(InstructorCertificateChanged.Status.VALID,
        InstructorCertificateChanged.Status.VALID, InstructorCertificateChanged.Status.REVOKED);
    assertThat(events.get(0).schoolId()).isEqualTo(C1 + "0001");
    assertThat(events.get(0).countyId()).isEqualTo(C1);
    assertThat(events.get(1).expiresOn()).isEqualTo(LocalDate.parse("2032-07-10"));
    assertThat(events.get(2).revokedOn()).isNotNull();
    assertThat(events.get(2).validOn(events.get(2).revokedOn())).isFalse();
  }

  @Test
  void aKeyStaffCohortTrainsButCertifiesNobodyAndACancelledCohortTakesNoMore() {
    String cohort = cohort("KEY_STAFF", 2);
    String p = enrol(cohort, "王芳", "HEAD_TEACHER", C2, C2 + "0001");
    // assessment before attendance
    assertConflict(as(staff(), "PUT", participant(cohort, p) + "/assessment", "{\"score\":90}"), "ENROLLED");
    ok(as(staff(), "PUT", participant(cohort, p) + "/attendance", "{\"sessionsAttended\":2}"));
    ok(as(staff(), "PUT", participant(cohort, p) + "/assessment", "{\"score\":90}"));
    ok(as(staff(), "POST", "/api/city/training-cohorts/" + cohort + "/completion", null));
    assertConflict(as(staff(), "POST", participant(cohort, p) + "/certificate", "{\"number\":\"JZ-990612-01\"}"), "COMPLETED");
    assertConflict(as(staff(), "POST", "/api/city/training-cohorts/" + cohort + "/participants",
        "{\"name\":\"迟到者\",\"role\":\"TEACHER\",\"schoolId\":\"" + C2 + "0002\"}"), "COMPLETED");
    assertConflict(as(staff(), "PUT", participant(cohort, p) + "/attendance", "{\"sessionsAttended\":1}"), "COMPLETED");

    String cancelled = cohort("INSTRUCTOR", 3);
    assertProblem(as(staff(), "POST", "/api/city/training-cohorts/" + cancelled + "/cancellation", "{}"), 422, "reason");
    JsonNode c = ok(as(staff(), "POST", "/api/city/training-cohorts/" + cancelled + "/cancellation", "{\"reason\":\"报名不足\"}"));
    assertThat(c.get("status").asString()).isEqualTo("CANCELLED");
    assertConflict(as(staff(), "POST", "/api/city/training-cohorts/" + cancelled + "/completion", null), "CANCELLED");
    assertConflict(as(staff(), "POST", "/api/city/training-cohorts/" + cancelled + "/participants",
        "{\"name\":\"某老师\",\"role\":\"TEACHER\",\"schoolId\":\"" + C2 + "0002\"}"), "CANCELLED");
    assertThat(ids(ok(as(staff(), "GET", "/api/city/training-cohorts?status=CANCELLED", null)))).contains(cancelled)
        .doesNotContain(cohort);
    assertProblem(as(staff(), "GET", "/api/city/training-cohorts?status=MAYBE", null), 400, "MAYBE");
  }

  @Test
  void badInputIs422NamingEachFieldAndWritesNothing() {
    long before = count("select count(*) from training_cohort");
    ResponseEntity<JsonNode> bad = as(staff(), "POST", "/api/city/training-cohorts",
        "{\"name\":\" \",\"kind\":\"WORKSHOP\",\"mode\":\"ONLINE\",\"startsOn\":\"2026-05-01\",\"endsOn\":\"2026-04-01\","
            + "\"organiser\":\"市家庭教育指导中心\",\"sessions\":0}");
    assertProblem(bad, 422, "4");
    assertThat(errors(bad)).anySatisfy(e -> assertThat(e).startsWith("name:"))
        .anySatisfy(e -> assertThat(e).startsWith("kind:"))
        .anySatisfy(e -> assertThat(e).startsWith("endsOn:"))
        .anySatisfy(e -> assertThat(e).startsWith("sessions:"));
    assertThat(count("select count(*) from training_cohort")).isEqualTo(before);

    String cohort = cohort("INSTRUCTOR", 3);
    ResponseEntity<JsonNode> badPerson = as(staff(), "POST", "/api/city/training-cohorts/" + cohort + "/participants",
        "{\"name\":\"\",\"role\":\"COUNTY_STAFF\",\"countyId\":\"000000\",\"schoolId\":\"12AB\"}");
    assertThat(errors(badPerson)).hasSize(4).anySatisfy(e -> assertThat(e).startsWith("name:"))
        .anySatisfy(e -> assertThat(e).startsWith("countyId:"))
        .anySatisfy(e -> assertThat(e).startsWith("schoolId:"));
    assertThat(errors(as(staff(), "POST", "/api/city/training-cohorts/" + cohort + "/participants",
        "{\"name\":\"某老师\",\"role\":\"TEACHER\",\"countyId\":\"" + C1 + "\"}"))).singleElement()
        .satisfies(e -> assertThat(e).startsWith("schoolId:"));
    String p = enrol(cohort, "孙丽", "TEACHER", C1, C1 + "0003");
    assertThat(errors(as(staff(), "PUT", participant(cohort, p) + "/attendance", "{\"sessionsAttended\":4}"))).singleElement()
        .satisfies(e -> assertThat(e).startsWith("sessionsAttended:"));
    ok(as(staff(), "PUT", participant(cohort, p) + "/attendance", "{\"sessionsAttended\":3}"));
    assertThat(errors(as(staff(), "PUT", participant(cohort, p) + "/assessment", "{\"score\":100.5}"))).singleElement()
        .satisfies(e -> assertThat(e).startsWith("score:"));
    ok(as(staff(), "PUT", participant(cohort, p) + "/assessment", "{\"score\":60}"));
    ok(as(staff(), "POST", "/api/city/training-cohorts/" + cohort + "/completion", null));
    created(as(staff(), "POST", enrolAndPass(C1) + "/certificate", "{\"number\":\"JZ-990611-90\",\"issuedOn\":\"2026-07-10\"}"));
    ResponseEntity<JsonNode> badIssue = as(staff(), "POST", participant(cohort, p) + "/certificate",
        "{\"number\":\"JZ-990611-90\",\"issuedOn\":\"2026-06-01\",\"expiresOn\":\"2026-05-01\"}");
    assertThat(errors(badIssue)).hasSize(3).anySatisfy(e -> assertThat(e).startsWith("number:"))
        .anySatisfy(e -> assertThat(e).startsWith("issuedOn:"))
        .anySatisfy(e -> assertThat(e).startsWith("expiresOn:"));
    assertThat(errors(as(staff(), "POST", participant(cohort, p) + "/certificate", "{\"number\":\"JZ 空格\"}"))).singleElement()
        .satisfies(e -> assertThat(e).startsWith("number:"));
    assertThat(ok(as(staff(), "GET", "/api/city/training-cohorts/" + cohort, null)).get("certificateCount").asInt()).isZero();
    // English via Accept-Language
    ResponseEntity<JsonNode> en = http.method(HttpMethod.POST).uri("/api/city/training-cohorts")
        .headers(h -> {
          h.setBearerAuth(staff());
          h.set("Accept-Language", "en");
        })
        .contentType(MediaType.APPLICATION_JSON).body("{}")
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
    assertProblem(en, 422, "required");
  }

  @Test
  void aCountyReadsOnlyItsOwnParticipantsAndManagesNothing() {
    String cohort = cohort("INSTRUCTOR", 1);
    String own = enrol(cohort, "周敏", "TEACHER", C1, C1 + "0004");
    String other = enrol(cohort, "吴刚", "COUNTY_STAFF", C2, null);
    JsonNode mine = ok(as(county(C1), "GET", "/api/city/counties/" + C1 + "/training-participants", null));
    assertThat(ids(mine)).contains(own).doesNotContain(other);
    assertThat(mine.get(0).get("countyName").asString()).isEqualTo("培训县" + C1);
    assertThat(as(county(C1), "GET", "/api/city/counties/" + C2 + "/training-participants", null).getStatusCode().value())
        .isEqualTo(404);
    assertThat(as(county(C1), "GET", "/api/city/training-cohorts", null).getStatusCode().value()).isIn(403, 404);
    assertThat(as(county(C1), "POST", "/api/city/training-cohorts/" + cohort + "/completion", null).getStatusCode().value())
        .isIn(403, 404);
    assertThat(as(Keycloak.tokenAs("school-admin", C1 + "0004"), "GET", "/api/city/counties/" + C1 + "/training-participants",
        null).getStatusCode().value()).isIn(403, 404);
    assertProblem(as(staff(), "GET", "/api/city/training-cohorts/TCnobody", null), 404, "TCnobody");
    assertProblem(as(staff(), "GET", "/api/city/instructor-certificates/JZ-none", null), 404, "JZ-none");
  }

  /** A participant of a new completed instructor cohort who passed; answers the participant's path. */
  private String enrolAndPass(String county) {
    String cohort = cohort("INSTRUCTOR", 1);
    String p = enrol(cohort, "赵强", "TEACHER", county, county + "0009");
    ok(as(staff(), "PUT", participant(cohort, p) + "/attendance", "{\"sessionsAttended\":1}"));
    ok(as(staff(), "PUT", participant(cohort, p) + "/assessment", "{\"score\":75}"));
    ok(as(staff(), "POST", "/api/city/training-cohorts/" + cohort + "/completion", null));
    return participant(cohort, p);
  }

  private String cohort(String kind, int sessions) {
    return created(as(staff(), "POST", "/api/city/training-cohorts",
        "{\"name\":\"2026年家庭教育指导师培训班\",\"kind\":\"" + kind + "\",\"mode\":\"MIXED\",\"startsOn\":\"2026-03-01\","
            + "\"endsOn\":\"2026-06-30\",\"organiser\":\"市家庭教育指导中心\",\"sessions\":" + sessions + "}")).get("id").asString();
  }

  private String enrol(String cohort, String name, String role, String county, String school) {
    return created(as(staff(), "POST", "/api/city/training-cohorts/" + cohort + "/participants",
        "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"countyId\":\"" + county + "\""
            + (school == null ? "" : ",\"schoolId\":\"" + school + "\"") + "}")).get("id").asString();
  }

  private static String participant(String cohort, String participant) {
    return "/api/city/training-cohorts/" + cohort + "/participants/" + participant;
  }

  private static String county(String countyId) {
    return Keycloak.tokenAs("county-admin", countyId);
  }

  private static String staff() {
    return Keycloak.tokenAs("city-staff", Keycloak.CITY);
  }

  private ResponseEntity<JsonNode> as(String token, String method, String path, String json) {
    var spec = http.method(HttpMethod.valueOf(method)).uri(path).headers(h -> h.setBearerAuth(token));
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
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
    List<String> out = new ArrayList<>();
    r.getBody().get("errors").forEach(e -> out.add(e.asString()));
    return out;
  }

  private static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(l -> out.add(l.get("id").asString()));
    return out;
  }

  /** The events of one certificate this database's outbox sent, in order. */
  private List<InstructorCertificateChanged> published(String number) {
    Set<String> own = new HashSet<>(jdbc.sql("select event_id::text from outbox_event where topic = ?")
        .param(Topics.CITY_INSTRUCTOR_CERTIFICATES).query(String.class).list());
    List<InstructorCertificateChanged> out = new ArrayList<>();
    readAll(Topics.CITY_INSTRUCTOR_CERTIFICATES).forEach(r -> {
      EventEnvelope<InstructorCertificateChanged> env = EventCodec.decode(r.value(), InstructorCertificateChanged.class);
      if (own.contains(env.eventId().toString()) && env.payload().number().equals(number)) {
        assertThat(r.key()).isEqualTo(number);
        out.add(env.payload());
      }
    });
    return out;
  }
}
