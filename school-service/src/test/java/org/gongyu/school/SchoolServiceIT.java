package org.gongyu.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * school-service against a real PostgreSQL and a real Kafka broker: records in, snapshots out
 * through the outbox, bad input refused with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolServiceIT {

  /** 2026-11-23 noon in Beijing: semester 2026-2027-1 has started, 2026-2027-2 has not. */
  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
  static final String YEAR = "2026-2027";
  static final String PERIOD = "2026-2027-1";

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school");
    Keycloak.register(registry);
  }

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired JdbcClient jdbc;
  @Autowired org.gongyu.school.indicators.PeriodRollover rollover;
  @Autowired java.util.List<org.gongyu.school.indicators.IndicatorDerivation> derivations;
  RestClient http;
  AccessMatrix.Client matrix;

  @BeforeAll
  void connect() {
    http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(Keycloak.actingByPath()).build();
    matrix = AccessMatrix.overHttp("http://localhost:" + port);
  }

  // ---------------------------------------------------------------- fixtures

  void registerSchool(String schoolId) {
    registerSchool(schoolId, "990101");
  }

  void registerSchool(String schoolId, String countyId) {
    var event = EventEnvelope.wrap("district-service", NOW,
        new SchoolRegistered(schoolId, countyId, null, "测试学校 " + schoolId, "PRIMARY", 1));
    kafka.send(Topics.DISTRICT_SCHOOL_REGISTRY, countyId, EventCodec.encode(event));
    await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/school/schools/" + schoolId + "/classes").status() == 200);
  }

  Response putClass(String schoolId, String classId, String year, int enrolment) {
    return send("PUT", "/api/school/schools/" + schoolId + "/classes/" + classId,
        Map.of("schoolYear", year, "grade", 3, "name", "三年级" + classId + "班", "enrolment", enrolment, "reason", "更正"));
  }

  static Map<String, Object> registration(String externalId, String classId, String student, String guardian, String at) {
    return Map.of("externalId", externalId, "classId", classId, "studentRef", student, "guardianRef", guardian, "registeredAt", at);
  }

  Response postBatch(String schoolId, String period, List<Map<String, Object>> records) {
    return send("POST", "/api/school/schools/" + schoolId + "/platform-registrations",
        Map.of("period", period, "registrations", records));
  }

  record Response(int status, String contentType, String body) {}

  Response get(String path) {
    return http.get().uri(path).exchange((req, res) -> new Response(res.getStatusCode().value(),
        String.valueOf(res.getHeaders().getContentType()), new String(res.getBody().readAllBytes())), true);
  }

  Response send(String method, String path, Object body) {
    return http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
        .contentType(MediaType.APPLICATION_JSON).body(body)
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            String.valueOf(res.getHeaders().getContentType()), new String(res.getBody().readAllBytes())), true);
  }

  Response sendRaw(String path, String json) {
    return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            String.valueOf(res.getHeaders().getContentType()), new String(res.getBody().readAllBytes())), true);
  }

  /** Every snapshot event of one indicator for a school on the topic, read from the beginning with a fresh group. */
  List<EventEnvelope<IndicatorSnapshotPublished>> snapshotEvents(String schoolId, String indicatorCode) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<EventEnvelope<IndicatorSnapshotPublished>> events = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.SCHOOL_INDICATOR_SNAPSHOTS));
      long quietSince = System.currentTimeMillis();
      while (System.currentTimeMillis() - quietSince < 2500) {
        var records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, String> r : records) {
          quietSince = System.currentTimeMillis();
          if (r.key().equals(schoolId)) {
            assertThat(r.value()).as("events carry no student or guardian reference").doesNotContain("STU-").doesNotContain("GRD-");
            var event = EventCodec.decode(r.value(), IndicatorSnapshotPublished.class);
            if (event.payload().indicatorCode().equals(indicatorCode)) {
              events.add(event);
            }
          }
        }
      }
    }
    return events;
  }

  long storedRegistrations(String schoolId) {
    return jdbc.sql("select count(*) from platform_registration where school_id = ?").param(schoolId).query(Long.class).single();
  }

  long latestVersion(String schoolId) {
    return jdbc.sql("select coalesce(max(version), 0) from indicator_snapshot where school_id = ?").param(schoolId).query(Long.class).single();
  }

  // ---------------------------------------------------------------- behaviour

  @Test
  void theDailyRollOverDerivesEveryIndicatorOfAnActiveSchoolOnceAndThenNothing() {
    String school = "9901010951";
    registerSchool(school);
    // A school whose figures for today's periods nothing has derived yet (as on the first day of a
    // new semester, before any write): its class row is there, its snapshots are not.
    jdbc.sql("""
            insert into school_class (school_id, class_id, school_year, grade, name, enrolment, updated_at)
            values (?, 'R1', ?, 1, '一年级1班', 30, now())
            """).params(school, YEAR).update();
    assertThat(jdbc.sql("select count(*) from indicator_snapshot where school_id = ?").param(school).query(Long.class).single()).isZero();

    assertThat(rollover.rollOver()).isGreaterThanOrEqualTo(derivations.size());
    assertThat(jdbc.sql("select count(distinct indicator_code) from indicator_snapshot where school_id = ?")
            .param(school).query(Long.class).single())
        .as("every derived indicator has a figure for its period containing today").isEqualTo(derivations.size());
    assertThat(jdbc.sql("select denominator from indicator_snapshot where school_id = ? and indicator_code = 'PARENT_CONTACT'")
            .param(school).query(Long.class).single()).isEqualTo(30);

    long versions = jdbc.sql("select count(*) from indicator_snapshot").query(Long.class).single();
    assertThat(rollover.rollOver()).as("a second roll-over changes nothing").isZero();
    assertThat(jdbc.sql("select count(*) from indicator_snapshot").query(Long.class).single()).isEqualTo(versions);
  }

  @Test
  void derivesTheSnapshotFromRecordsAndPublishesEachNewVersionOnce() {
    String school = "9901010101";
    registerSchool(school);
    assertThat(putClass(school, "C1", YEAR, 40).status()).isEqualTo(201);
    assertThat(putClass(school, "C2", YEAR, 45).status()).isEqualTo(201);
    assertThat(putClass(school, "C2", YEAR, 45).status()).as("same class again").isEqualTo(200);

    // 30 students in C1, 10 of them with a second guardian; 20 students in C2
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      batch.add(registration("p-c1-" + i, "C1", "STU-1-" + i, "GRD-1-" + i, "2026-09-1" + (i % 9) + "T08:00:00Z"));
      if (i <= 10) {
        batch.add(registration("p-c1-" + i + "-b", "C1", "STU-1-" + i, "GRD-1-" + i + "-b", "2026-10-01T08:00:00Z"));
      }
    }
    for (int i = 1; i <= 20; i++) {
      batch.add(registration("p-c2-" + i, "C2", "STU-2-" + i, "GRD-2-" + i, "2026-10-02T08:00:00Z"));
    }
    Response first = postBatch(school, PERIOD, batch);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).contains("\"accepted\":60").contains("\"figuresPending\":true");
    // the figures follow within the coalesce interval (ADR 0021)
    assertThat(CoalescedFigures.latest(jdbc, school)).contains("\"indicatorCode\":\"PLATFORM_REGISTRATION\",\"periodId\":\"" + PERIOD
        + "\",\"numerator\":50,\"denominator\":85");

    Response again = postBatch(school, PERIOD, batch);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("\"accepted\":0").contains("\"alreadyRecorded\":60").contains("\"version\":3");

    // enrolment change re-derives the denominator
    assertThat(putClass(school, "C2", YEAR, 50).status()).isEqualTo(200);

    // versions: 1 (C1 40/40), 2 (C2 added: 0/85), 3 (batch: 50/85), 4 (C2 enrolment: 50/90)
    var events = snapshotEvents(school, "PLATFORM_REGISTRATION");
    assertThat(events).extracting(e -> e.payload().version()).containsExactly(1L, 2L, 3L, 4L);
    IndicatorSnapshotPublished last = events.getLast().payload();
    assertThat(last.periodId()).isEqualTo(PERIOD);
    long distinctStudents = jdbc.sql("select count(distinct student_key) from platform_registration where school_id = ?")
        .param(school).query(Long.class).single();
    long enrolled = jdbc.sql("select sum(enrolment) from school_class where school_id = ?").param(school).query(Long.class).single();
    assertThat(last.numerator()).isEqualTo(distinctStudents).isEqualTo(50);
    assertThat(last.denominator()).isEqualTo(enrolled).isEqualTo(90);
    assertThat(events).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();

    Response own = get("/api/school/schools/" + school + "/indicators/" + PERIOD);
    assertThat(own.body()).contains("\"numerator\":50").contains("\"denominator\":90").contains("\"rate\":0.5556");
  }

  @Test
  void storesNoReadableReferenceToAStudentOrGuardian() {
    String school = "9901010102";
    registerSchool(school);
    putClass(school, "C1", YEAR, 10);
    assertThat(postBatch(school, PERIOD, List.of(registration("x-1", "C1", "STU-secret-7", "GRD-secret-7", "2026-09-10T00:00:00Z"))).status())
        .isEqualTo(200);
    String row = jdbc.sql("select student_key || guardian_key from platform_registration where school_id = ?")
        .param(school).query(String.class).single();
    assertThat(row).doesNotContain("secret").matches("[0-9a-f]{128}");
  }

  @Test
  void concurrentBatchesForOneSchoolGetGaplessVersionsAndTheExactFigure() throws Exception {
    // 16 batches at once: their figures are coalesced (ADR 0021), so at most one version each, gapless, and the last exact
    String school = "9901010103";
    registerSchool(school);
    putClass(school, "C1", YEAR, 500);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Response>> results = new ArrayList<>();
    for (int b = 0; b < 16; b++) {
      int batchNo = b;
      Callable<Response> call = () -> {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          records.add(registration("cc-" + batchNo + "-" + i, "C1", "STU-" + batchNo + "-" + i, "GRD-" + batchNo + "-" + i, "2026-09-20T00:00:00Z"));
        }
        return postBatch(school, PERIOD, records);
      };
      results.add(pool.submit(call));
    }
    for (Future<Response> f : results) {
      assertThat(f.get().status()).isEqualTo(200);
    }
    pool.shutdown();
    CoalescedFigures.awaitCounted(jdbc, school);
    List<Long> versions = jdbc.sql("select version from indicator_snapshot where school_id = ? and indicator_code = 'PLATFORM_REGISTRATION' order by version")
        .param(school).query(Long.class).list();
    assertThat(versions).hasSizeBetween(2, 17)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, versions.size()).boxed().toList());
    var last = snapshotEvents(school, "PLATFORM_REGISTRATION").getLast().payload();
    assertThat(last.numerator()).isEqualTo(320);
    assertThat(last.version()).isEqualTo(versions.size());
  }

  @Test
  void refusesBadInputWithProblemDetailsAndStoresNothing() {
    String school = "9901010104";
    registerSchool(school);
    putClass(school, "SMALL", YEAR, 2);
    putClass(school, "OLD", "2025-2026", 30);
    postBatch(school, PERIOD, List.of(registration("ok-1", "SMALL", "STU-a", "GRD-a", "2026-09-10T00:00:00Z")));
    CoalescedFigures.awaitCounted(jdbc, school);
    long rowsBefore = storedRegistrations(school);
    long versionBefore = latestVersion(school);
    String path = "/api/school/schools/" + school + "/platform-registrations";

    Map<String, Response> cases = new java.util.LinkedHashMap<>();
    cases.put("400 enrolment: must not be negative", putClass(school, "NEG", YEAR, -1));
    cases.put("400 schoolYear", putClass(school, "BADYEAR", "2026-2028", 10));
    cases.put("422 3 students with a registered guardian but only 2 enrolled", postBatch(school, PERIOD, List.of(
        registration("ok-2", "SMALL", "STU-b", "GRD-b", "2026-09-10T00:00:00Z"),
        registration("ok-3", "SMALL", "STU-c", "GRD-c", "2026-09-10T00:00:00Z"))));
    cases.put("404 school 9909999999 is not registered", postBatch("9909999999", PERIOD,
        List.of(registration("u-1", "SMALL", "STU-x", "GRD-x", "2026-09-10T00:00:00Z"))));
    cases.put("422 class NOPE is not recorded", postBatch(school, PERIOD,
        List.of(registration("u-2", "NOPE", "STU-x", "GRD-x", "2026-09-10T00:00:00Z"))));
    cases.put("400 not valid JSON", sendRaw(path, "{\"period\":\"2026-2027-1\",\"registrations\":[{\"externalId\":"));
    cases.put("400 registrations[0].registeredAt", sendRaw(path,
        "{\"period\":\"2026-2027-1\",\"registrations\":[{\"externalId\":\"z\",\"classId\":\"SMALL\",\"studentRef\":\"s\",\"guardianRef\":\"g\"}]}"));
    cases.put("400 registrations: must not be empty", postBatch(school, PERIOD, List.of()));
    cases.put("400 'autumn-2026' is not a semester", postBatch(school, "autumn-2026",
        List.of(registration("u-3", "SMALL", "STU-x", "GRD-x", "2026-09-10T00:00:00Z"))));
    cases.put("422 period 2026-2027-2 has not started", postBatch(school, "2026-2027-2",
        List.of(registration("u-4", "SMALL", "STU-x", "GRD-x", "2026-09-10T00:00:00Z"))));
    cases.put("422 belongs to school year 2025-2026", postBatch(school, PERIOD,
        List.of(registration("u-5", "OLD", "STU-x", "GRD-x", "2026-09-10T00:00:00Z"))));
    cases.put("422 is in the future", postBatch(school, PERIOD,
        List.of(registration("u-6", "SMALL", "STU-x", "GRD-x", "2026-12-24T00:00:00Z"))));
    cases.put("409 recorded earlier with different content", postBatch(school, PERIOD,
        List.of(registration("ok-1", "SMALL", "STU-other", "GRD-a", "2026-09-10T00:00:00Z"))));
    cases.put("422 cannot be 0", putClass(school, "SMALL", YEAR, 0));
    cases.put("409 belongs to school year 2026-2027", putClass(school, "SMALL", "2025-2026", 5));

    cases.forEach((expected, response) -> {
      int status = Integer.parseInt(expected.substring(0, 3));
      assertThat(response.status()).as(expected + " -> " + response.body()).isEqualTo(status);
      assertThat(response.contentType()).as(expected).startsWith("application/problem+json");
      assertThat(response.body()).as(expected).contains(expected.substring(4)).doesNotContain("Exception").doesNotContain("org.gongyu");
    });
    assertThat(storedRegistrations(school)).isEqualTo(rowsBefore);
    assertThat(latestVersion(school)).isEqualTo(versionBefore);
    assertThat(get("/api/school/schools/" + school + "/classes/SMALL").body()).contains("\"enrolment\":2");
    assertThat(HttpStatusCode.valueOf(get("/api/school/schools/" + school + "/classes/NEG").status()).value()).isEqualTo(404);
  }

  @Test
  void aRegistryEventOlderThanTheStoredOneChangesNothing() {
    String school = "9901010105";
    registerSchool(school);
    var newer = EventEnvelope.wrap("district-service", NOW, new SchoolRegistered(school, "990101", null, "新名字", "PRIMARY", 3));
    var older = EventEnvelope.wrap("district-service", NOW, new SchoolRegistered(school, "990101", null, "旧名字", "PRIMARY", 2));
    kafka.send(Topics.DISTRICT_SCHOOL_REGISTRY, "990101", EventCodec.encode(newer));
    kafka.send(Topics.DISTRICT_SCHOOL_REGISTRY, "990101", EventCodec.encode(older));
    kafka.send(Topics.DISTRICT_SCHOOL_REGISTRY, "990101", EventCodec.encode(newer));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
        jdbc.sql("select registry_version from school where id = ?").param(school).query(Long.class).single()).isEqualTo(3));
    Set<String> names = new HashSet<>(jdbc.sql("select name from school where id = ?").param(school).query(String.class).list());
    assertThat(names).containsExactly("新名字");
  }

  @Test
  void aClosedSchoolRecordsNothingDatedOnOrAfterItsClosureAndKeepsWhatCameBefore() {
    // Issue 17 item 6 (ADR 0027): the county closed the school from 2026-11-20 (the registry copy learns it from the event).
    String school = "9901010171";
    registerSchool(school);
    putClass(school, "C1", YEAR, 30);
    assertThat(sixOnes(school, "so-1", "STU-c1", "2026-11-19").status()).isEqualTo(200);
    var closed = EventEnvelope.wrap("district-service", NOW, new SchoolRegistered(school, "990101", null, "测试学校 " + school, "PRIMARY", 2,
        List.of(new SchoolRegistered.Membership("990101", null, SchoolRegistered.Membership.ALWAYS)),
        java.time.LocalDate.parse("2026-11-20"), null));
    kafka.send(Topics.DISTRICT_SCHOOL_REGISTRY, "990101", EventCodec.encode(closed));
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select registry_version from school where id = ?")
        .param(school).query(Long.class).single() == 2);

    Response refused = sixOnes(school, "so-2", "STU-c2", "2026-11-21");
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.contentType()).contains("application/problem+json");
    assertThat(refused.body()).contains("closed since 2026-11-20").contains("2026-11-21");
    assertThat(jdbc.sql("select count(*) from six_ones_participation where school_id = ?").param(school).query(Long.class).single())
        .as("nothing of the refused batch is stored").isEqualTo(1);
    assertThat(sixOnes(school, "so-3", "STU-c3", "2026-11-18").status())
        .as("a record dated before the closure is still written").isEqualTo(200);
    // a registration batch is dated on its semester's first day: the semester began before the closure and still expects the school
    assertThat(postBatch(school, PERIOD, List.of(registration("c-1", "C1", "STU-c1", "GRD-c1", "2026-11-21T02:00:00Z"))).status())
        .isEqualTo(200);
  }

  Response sixOnes(String school, String externalId, String student, String date) {
    return send("POST", "/api/school/schools/" + school + "/six-ones", Map.of("participations", List.of(Map.of(
        "externalId", externalId, "classId", "C1", "studentRef", student, "activity", "SONG", "date", date))));
  }

  // ---------------------------------------------------------------- access

  /** Sends with exactly the token given (none for null), bypassing the acting-by-path interceptor. */
  int statusOf(String method, String path, String body, String token) {
    return matrix.call(method, path, body, token);
  }

  @Test
  void accessMatrixEveryEndpointEveryRoleOwnSiblingAndOtherCountySchool() {
    var own = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OWN);
    var sibling = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.SIBLING);
    var other = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OTHER_COUNTY);
    registerSchool(own, "990101");
    registerSchool(sibling, "990101");
    registerSchool(other, "990102");
    for (String school : List.of(own, sibling, other)) {
      // set up by each school's own admin (a demo user of the realm)
      assertThat(statusOf("PUT", "/api/school/schools/" + school + "/classes/MX-1",
          "{\"schoolYear\":\"" + YEAR + "\",\"grade\":3,\"name\":\"三年级一班\",\"enrolment\":30}",
          Keycloak.token("admin-" + school))).isEqualTo(201);
    }
    long deniedBefore = jdbc.sql("select count(*) from audit_log where outcome = 'DENIED'").query(Long.class).single();
    String classBody = "{\"schoolYear\":\"" + YEAR + "\",\"grade\":3,\"name\":\"矩阵班\",\"enrolment\":40,\"reason\":\"更正\"}";
    String batch = "{\"period\":\"" + PERIOD + "\",\"registrations\":[{\"externalId\":\"mx-1\",\"classId\":\"MX-1\","
        + "\"studentRef\":\"STU-mx-1\",\"guardianRef\":\"GRD-mx-1\",\"registeredAt\":\"2026-10-10T08:00:00Z\"}]}";
    Set<String> schoolUsers = Set.of("school-staff", "school-admin");
    Set<String> everyone = AccessMatrix.CALLERS.keySet();
    var endpoints = List.of(
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/classes", schoolUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/classes/MX-1", schoolUsers),
        AccessMatrix.Endpoint.send("PUT", AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/classes/MX-1", classBody,
            Set.of("school-admin")),
        AccessMatrix.Endpoint.send("POST", AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/platform-registrations",
            batch, schoolUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/indicators/" + PERIOD, everyone));

    AccessMatrix.Result result = AccessMatrix.run(endpoints, this::statusOf);
    System.out.println(result.summary("school-service"));
    assertThat(result.failures()).as(result.summary("school-service")).isEmpty();

    // the refused writes left the other schools exactly as their admins left them
    for (String school : List.of(sibling, other)) {
      assertThat(get("/api/school/schools/" + school + "/classes/MX-1").body()).contains("\"enrolment\":30");
      assertThat(storedRegistrations(school)).isZero();
    }
    assertThat(get("/api/school/schools/" + own + "/classes/MX-1").body()).contains("\"enrolment\":40");
    assertThat(storedRegistrations(own)).isEqualTo(1);
    long expectedDenials = result.cells().stream().filter(c -> !c.expected().equals("2xx")).count();
    assertThat(jdbc.sql("select count(*) from audit_log where outcome = 'DENIED'").query(Long.class).single() - deniedBefore)
        .as("every refused cell is audited").isEqualTo(expectedDenials);
  }

  @Test
  void fieldsARequestDoesNotTakeAreRefusedAndChangeNothing() {
    String school = "9901010106";
    String elsewhere = "9901010107";
    registerSchool(school);
    registerSchool(elsewhere);
    assertThat(putClass(school, "MA-1", YEAR, 30).status()).isEqualTo(201);
    long versionBefore = latestVersion(school);

    Response classWithSchoolId = send("PUT", "/api/school/schools/" + school + "/classes/MA-1",
        Map.of("schoolYear", YEAR, "grade", 3, "name", "改名", "enrolment", 99, "schoolId", elsewhere));
    assertThat(classWithSchoolId.status()).isEqualTo(400);
    assertThat(classWithSchoolId.contentType()).startsWith("application/problem+json");
    assertThat(classWithSchoolId.body()).contains("'schoolId'");

    Response batchWithSchoolId = send("POST", "/api/school/schools/" + school + "/platform-registrations",
        Map.of("period", PERIOD, "schoolId", elsewhere,
            "registrations", List.of(registration("ma-1", "MA-1", "STU-ma", "GRD-ma", "2026-10-10T08:00:00Z"))));
    assertThat(batchWithSchoolId.status()).isEqualTo(400);
    Response recordWithVersion = send("POST", "/api/school/schools/" + school + "/platform-registrations",
        Map.of("period", PERIOD, "registrations", List.of(Map.of("externalId", "ma-2", "classId", "MA-1", "studentRef", "STU-ma",
            "guardianRef", "GRD-ma", "registeredAt", "2026-10-10T08:00:00Z", "schoolKey", "forged"))));
    assertThat(recordWithVersion.status()).isEqualTo(400);

    assertThat(get("/api/school/schools/" + school + "/classes/MA-1").body()).contains("\"enrolment\":30").doesNotContain("改名");
    assertThat(get("/api/school/schools/" + elsewhere + "/classes").body()).isEqualTo("[]");
    assertThat(storedRegistrations(school)).isZero();
    assertThat(storedRegistrations(elsewhere)).isZero();
    assertThat(latestVersion(school)).isEqualTo(versionBefore);
  }

  // ---------------------------------------------------------------- traces (ADR 0030)

  @Test
  void aRegistrationBatchsTraceGoesOnInTheHeaderOfTheSnapshotItCauses() {
    String school = "9901010181";
    registerSchool(school);
    assertThat(putClass(school, "T1", YEAR, 20).status()).isEqualTo(201);
    String traceId = randomHex(32);
    String traceparent = "00-" + traceId + "-" + randomHex(16) + "-01";

    Response batch = http.post().uri("/api/school/schools/" + school + "/platform-registrations")
        .header("traceparent", traceparent).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("period", PERIOD, "registrations", List.of(registration("tr-1", "T1", "STU-tr-1", "GRD-tr-1", "2026-09-15T08:00:00Z"))))
        .exchange((req, res) -> new Response(res.getStatusCode().value(), null, new String(res.getBody().readAllBytes())), true);
    assertThat(batch.status()).as(batch.body()).isEqualTo(200);
    assertThat(CoalescedFigures.latest(jdbc, school)).contains("\"indicatorCode\":\"PLATFORM_REGISTRATION\",\"periodId\":\"" + PERIOD
        + "\",\"numerator\":1,\"denominator\":20");

    // the coalesced recount published version 2 in the batch's trace, and the relay sent the trace on
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from outbox_event where published_at is null")
        .query(Long.class).single() == 0);
    List<String> traces = new ArrayList<>();
    for (ConsumerRecord<String, String> r : org.gongyu.testing.TopicRecords.readAll(Topics.SCHOOL_INDICATOR_SNAPSHOTS)) {
      if (r.key().equals(school)) {
        var event = EventCodec.decode(r.value(), IndicatorSnapshotPublished.class).payload();
        if (event.indicatorCode().equals("PLATFORM_REGISTRATION") && event.version() == 2) {
          var header = r.headers().lastHeader("traceparent");
          traces.add(header == null ? "none" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(traces).hasSize(1);
    assertThat(traces.getFirst()).as("W3C traceparent of the batch's trace, a span of its own")
        .matches("00-" + traceId + "-[0-9a-f]{16}-01").isNotEqualTo(traceparent);
  }

  @Test
  void theRequestTimerCarriesATraceExemplarInOpenMetrics() {
    String traceId = randomHex(32);
    int status = http.get().uri("/api/school/schools/9901010182/classes").header("traceparent", "00-" + traceId + "-" + randomHex(16) + "-01")
        .exchange((req, res) -> res.getStatusCode().value(), true);
    assertThat(status).isPositive();
    String scrape = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus")
        .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
        .retrieve().body(String.class);
    assertThat(scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds"))
            .filter(l -> l.matches(".*# \\{[^}]*trace_id=\"[0-9a-f]{32}\".*")))
        .as("an exemplar with a trace id on http.server.requests").isNotEmpty();
  }

  static String randomHex(int length) {
    String hex = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    return hex.substring(0, length);
  }
}
