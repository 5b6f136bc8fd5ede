package org.gongyu.school.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.gongyu.school.CoalescedFigures;
import org.gongyu.school.HttpItSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The digital parent school's learning and recommendation batches against a real PostgreSQL and
 * Kafka: a batch (its figures following within the coalesce interval, ADR 0021) to at most one new
 * snapshot version per indicator and period, period edges, re-sent
 * batches publishing nothing, a batch with one bad or conflicting item storing nothing, volume,
 * and the access matrix.
 */
class PlatformIT extends HttpItSupport {

  /** 2026-11-23 noon in Beijing: semester 2026-2027-1 has started, 2026-2027-2 has not. */
  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
  static final String YEAR = "2026-2027";
  static final String SEMESTER = "2026-2027-1";

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_platform");
    // its own consumer group, so another test context of this JVM does not take its registry events
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-it-platform");
    Keycloak.register(registry);
  }

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Override
  protected Instant now() {
    return NOW;
  }

  static String base(String school) {
    return "/api/school/schools/" + school;
  }

  Response putClass(String school, String classId, String year, int enrolment) {
    return send("PUT", base(school) + "/classes/" + classId, Map.of("schoolYear", year, "grade", 2, "name", "班" + classId, "enrolment", enrolment, "reason", "更正"));
  }

  /** Every snapshot event of a school on the topic (only the given indicator), from the beginning. */
  List<IndicatorSnapshotPublished> events(String schoolId, String code) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<IndicatorSnapshotPublished> events = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.SCHOOL_INDICATOR_SNAPSHOTS));
      long quietSince = System.currentTimeMillis();
      while (System.currentTimeMillis() - quietSince < 2500) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          quietSince = System.currentTimeMillis();
          if (r.key().equals(schoolId)) {
            assertThat(r.value()).as("events carry aggregates only").doesNotContain("GRD-").doesNotContain("RES-").doesNotContain("家庭");
            var e = EventCodec.decode(r.value(), IndicatorSnapshotPublished.class).payload();
            if (e.indicatorCode().equals(code)) {
              events.add(e);
            }
          }
        }
      }
    }
    return events;
  }

  long rows(String table, String schoolId) {
    return jdbc.sql("select count(*) from " + table + " where school_id = ?").param(schoolId).query(Long.class).single();
  }

  long snapshotRows(String schoolId) {
    return rows("indicator_snapshot", schoolId);
  }

  static String line(IndicatorSnapshotPublished e) {
    return e.periodId() + " " + e.numerator() + "/" + e.denominator() + " v" + e.version();
  }

  static Map<String, Object> activity(String externalId, String guardian, String resource, String at, int minutes) {
    return Map.of("externalId", externalId, "guardianRef", guardian, "resourceId", resource, "occurredAt", at, "minutes", minutes);
  }

  static Map<String, Object> recommendation(String externalId, String resource, String title, String at) {
    return Map.of("externalId", externalId, "resourceId", resource, "title", title, "resourceType", "VIDEO", "authoringTier", "CITY",
        "recommendedAt", at);
  }

  Response learning(String school, List<Map<String, Object>> activities) {
    return send("POST", base(school) + "/platform-learning", Map.of("activities", activities));
  }

  Response recommendations(String school, List<Map<String, Object>> recommendations) {
    return send("POST", base(school) + "/platform-recommendations", Map.of("recommendations", recommendations));
  }

  Response registrations(String school, List<Map<String, Object>> registrations) {
    return send("POST", base(school) + "/platform-registrations", Map.of("period", SEMESTER, "registrations", registrations));
  }

  static Map<String, Object> registration(String externalId, String student, String guardian) {
    return Map.of("externalId", externalId, "classId", "C1", "studentRef", student, "guardianRef", guardian, "registeredAt", "2026-09-10T00:00:00Z");
  }

  /** The school's latest figures once its batches are counted (they follow within the coalesce interval). */
  String figures(String school) {
    return CoalescedFigures.latest(jdbc, school);
  }

  // ---------------------------------------------------------------- behaviour

  @Test
  void learningPerCapitaIsActivitiesInTheSchoolYearOverGuardiansRegisteredAndEachBatchMakesOneVersion() {
    String school = "9901017701";
    registerSchool(school, "990101");
    putClass(school, "C1", YEAR, 30);
    assertThat(registrations(school, List.of(registration("g-1", "STU-1", "GRD-1"), registration("g-2", "STU-2", "GRD-2"),
        registration("g-3", "STU-3", "GRD-3"), registration("g-1b", "STU-1", "GRD-1"))).status()).isEqualTo(200);
    CoalescedFigures.awaitCounted(jdbc, school);

    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(activity("a-" + i, "GRD-" + (i % 3 + 1), "RES-" + i, "2026-09-" + (10 + i) + "T02:00:00Z", 15));
    }
    // the school year 2025-2026 ends at 2026-09-01 00:00 in Beijing = 2026-08-31T16:00Z
    batch.add(activity("edge-last", "GRD-1", "RES-x", "2026-08-31T15:59:59.999999Z", 5));
    batch.add(activity("edge-next", "GRD-1", "RES-x", "2026-08-31T16:00:00Z", 5));
    Response first = learning(school, batch);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"received\":12").contains("\"accepted\":12").contains("\"alreadyRecorded\":0")
        .contains("\"figuresPending\":true");
    assertThat(figures(school)).contains("{\"indicatorCode\":\"PARENT_LEARNING_PER_CAPITA\",\"periodId\":\"2026-2027\",\"numerator\":11,\"denominator\":3,\"rate\":3.6667,\"version\":3}");

    long versions = snapshotRows(school);
    Response again = learning(school, batch);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("\"accepted\":0").contains("\"alreadyRecorded\":12").contains("\"version\":3")
        .contains("\"figuresPending\":false");
    CoalescedFigures.awaitCounted(jdbc, school);
    assertThat(snapshotRows(school)).as("a re-sent batch derives nothing").isEqualTo(versions);

    // volume: 5,000 activities in one batch are one new version
    List<Map<String, Object>> big = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      big.add(activity("v-" + i, "GRD-" + (i % 3 + 1), "RES-" + (i % 40), "2026-10-" + (10 + i % 20) + "T0" + (i % 10) + ":00:00Z", i % 60));
    }
    Response bulk = learning(school, big);
    assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
    assertThat(bulk.body()).contains("\"accepted\":5000");
    assertThat(figures(school)).contains("\"numerator\":5011").contains("\"version\":4");
    assertThat(snapshotRows(school)).isEqualTo(versions + 1);

    // a fourth guardian registers: the denominator follows (re-derived by the registration feature)
    assertThat(registrations(school, List.of(registration("g-4", "STU-4", "GRD-4"))).status()).isEqualTo(200);
    CoalescedFigures.awaitCounted(jdbc, school);

    assertThat(events(school, "PARENT_LEARNING_PER_CAPITA")).extracting(PlatformIT::line).containsExactly(
        "2026-2027 0/0 v1",      // class recorded
        "2026-2027 0/3 v2",      // 3 guardians registered
        "2025-2026 1/0 v1",      // the batch: its last moment of 2025-2026 ...
        "2026-2027 11/3 v3",     // ... and the rest, one version each
        "2026-2027 5011/3 v4",   // 5,000 more
        "2026-2027 5011/4 v5");  // a fourth guardian

    String keys = String.join("", jdbc.sql("select guardian_key from platform_learning where school_id = ?").param(school).query(String.class).list());
    assertThat(keys).doesNotContain("GRD").matches("([0-9a-f]{64})+");
    assertThat(rows("platform_learning", school)).isEqualTo(5012);
  }

  @Test
  void aBatchMixingStoredAndNewActivitiesStoresAndCountsOnlyTheNewOnes() {
    String school = "9901017703";
    registerSchool(school, "990101");
    List<Map<String, Object>> first = List.of(activity("m-1", "GRD-1", "RES-1", "2026-10-01T02:00:00Z", 10),
        activity("m-2", "GRD-2", "RES-1", "2026-10-02T02:00:00Z", 10));
    assertThat(learning(school, first).body()).contains("\"accepted\":2");

    // the stored two again (one of them twice), between two new ones on the same days
    Response mixed = learning(school, List.of(activity("m-3", "GRD-1", "RES-2", "2026-10-01T03:00:00Z", 5), first.get(1), first.get(0),
        first.get(1), activity("m-4", "GRD-3", "RES-2", "2026-10-02T03:00:00Z", 5)));
    assertThat(mixed.status()).as(mixed.body()).isEqualTo(200);
    assertThat(mixed.body()).contains("\"received\":5").contains("\"accepted\":2").contains("\"alreadyRecorded\":3");
    assertThat(rows("platform_learning", school)).isEqualTo(4);
    assertThat(jdbc.sql("select string_agg(day || '=' || activities, ',' order by day) from learning_daily where school_id = ?")
        .param(school).query(String.class).single()).isEqualTo("2026-10-01=2,2026-10-02=2");
    // the same guardian reference is one key, within a batch and across batches
    assertThat(jdbc.sql("select count(distinct guardian_key) from platform_learning where school_id = ?").param(school)
        .query(Long.class).single()).isEqualTo(3);
  }

  @Test
  void aLearningBatchWithOneBadOrConflictingItemStoresNothing() {
    String school = "9901017702";
    registerSchool(school, "990101");
    assertThat(learning(school, List.of(activity("a-1", "GRD-1", "RES-1", "2026-10-01T00:00:00Z", 10))).status()).isEqualTo(200);
    CoalescedFigures.awaitCounted(jdbc, school);
    long stored = rows("platform_learning", school);
    long versions = snapshotRows(school);

    Map<String, Response> cases = new LinkedHashMap<>();
    cases.put("409 a-1", learning(school, List.of(activity("n-1", "GRD-1", "RES-1", "2026-10-02T00:00:00Z", 10),
        activity("a-1", "GRD-1", "RES-1", "2026-10-01T00:00:00Z", 11))));
    cases.put("409 recorded earlier with different content", learning(school, List.of(activity("a-1", "GRD-2", "RES-1", "2026-10-01T00:00:00Z", 10))));
    cases.put("422 activities[1].occurredAt: 2026-11-24T00:00:00Z is in the future", learning(school, List.of(
        activity("n-2", "GRD-1", "RES-1", "2026-10-02T00:00:00Z", 10), activity("n-3", "GRD-1", "RES-1", "2026-11-24T00:00:00Z", 10))));
    cases.put("422 activities[1].externalId: n-4 appears twice in the batch with different content", learning(school, List.of(
        activity("n-4", "GRD-1", "RES-1", "2026-10-02T00:00:00Z", 10), activity("n-4", "GRD-1", "RES-2", "2026-10-02T00:00:00Z", 10))));
    cases.put("400 activities[0].minutes: must not be negative", learning(school, List.of(activity("n-5", "GRD-1", "RES-1", "2026-10-02T00:00:00Z", -1))));
    cases.put("400 activities[0].guardianRef", learning(school, List.of(Map.of("externalId", "n-6", "resourceId", "RES-1",
        "occurredAt", "2026-10-02T00:00:00Z", "minutes", 3))));
    cases.put("400 activities[0].occurredAt", learning(school, List.of(Map.of("externalId", "n-7", "guardianRef", "GRD-1", "resourceId", "RES-1",
        "occurredAt", "yesterday", "minutes", 3))));
    cases.put("400 activities: must not be empty", learning(school, List.of()));
    cases.put("400 'schoolKey'", learning(school, List.of(Map.of("externalId", "n-8", "guardianRef", "GRD-1", "resourceId", "RES-1",
        "occurredAt", "2026-10-02T00:00:00Z", "minutes", 3, "schoolKey", "forged"))));
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 5001; i++) {
      tooMany.add(activity("t-" + i, "GRD-1", "RES-1", "2026-10-02T00:00:00Z", 1));
    }
    cases.put("400 activities: at most 5000 records per batch", learning(school, tooMany));
    cases.put("404 school 9909999999 is not registered", learning("9909999999", List.of(activity("n-9", "GRD-1", "RES-1", "2026-10-02T00:00:00Z", 1))));

    cases.forEach((expected, response) -> {
      int status = Integer.parseInt(expected.substring(0, 3));
      assertThat(response.status()).as(expected + " -> " + response.body()).isEqualTo(status);
      assertThat(response.contentType()).as(expected).startsWith("application/problem+json");
      assertThat(response.body()).as(expected).contains(expected.substring(4)).doesNotContain("Exception").doesNotContain("org.gongyu");
    });
    assertThat(rows("platform_learning", school)).isEqualTo(stored).isEqualTo(1);
    CoalescedFigures.awaitCounted(jdbc, school);
    assertThat(snapshotRows(school)).isEqualTo(versions);
  }

  @Test
  void resourcesRecommendedCountsDistinctResourcesPerCalendarYearInTheCitysZone() {
    String school = "9901017703";
    registerSchool(school, "990101");
    List<Map<String, Object>> batch = List.of(
        recommendation("r-1", "RES-1", "家庭教育公开课", "2026-03-01T02:00:00Z"),
        recommendation("r-2", "RES-1", "家庭教育公开课", "2026-04-01T02:00:00Z"),
        recommendation("r-3", "RES-2", "亲子沟通", "2026-05-01T02:00:00Z"),
        // 2026 starts at 2025-12-31T16:00Z in Beijing
        recommendation("r-4", "RES-3", "新年第一课", "2025-12-31T16:00:00Z"),
        recommendation("r-5", "RES-4", "年末总结", "2025-12-31T15:59:59Z"));
    Response first = recommendations(school, batch);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"accepted\":5").contains("\"figuresPending\":true");
    assertThat(figures(school))
        .contains("{\"indicatorCode\":\"RESOURCES_RECOMMENDED\",\"periodId\":\"2026\",\"numerator\":3,\"denominator\":1,\"rate\":3.0000,\"version\":1}")
        .contains("\"periodId\":\"2025\",\"numerator\":1,\"denominator\":1");

    long versions = snapshotRows(school);
    assertThat(recommendations(school, batch).body()).contains("\"alreadyRecorded\":5");
    // the same resource recommended again: a new record, but the figure stays, so no new version
    Response sameResource = recommendations(school, List.of(recommendation("r-6", "RES-2", "亲子沟通", "2026-06-01T02:00:00Z")));
    assertThat(sameResource.body()).contains("\"accepted\":1");
    assertThat(figures(school)).contains("\"periodId\":\"2026\",\"numerator\":3,\"denominator\":1,\"rate\":3.0000,\"version\":1");
    assertThat(snapshotRows(school)).isEqualTo(versions);

    Response conflict = recommendations(school, List.of(recommendation("r-7", "RES-5", "新资源", "2026-06-01T02:00:00Z"),
        recommendation("r-3", "RES-2", "亲子沟通（修订）", "2026-05-01T02:00:00Z")));
    assertThat(conflict.status()).isEqualTo(409);
    Response future = recommendations(school, List.of(recommendation("r-8", "RES-6", "新资源", "2026-06-01T02:00:00Z"),
        recommendation("r-9", "RES-7", "未来", "2027-01-01T00:00:00Z")));
    assertThat(future.status()).isEqualTo(422);
    assertThat(future.body()).contains("recommendations[1].recommendedAt");
    Response missing = send("POST", base(school) + "/platform-recommendations",
        "{\"recommendations\":[{\"externalId\":\"r-10\",\"resourceId\":\"RES-8\",\"resourceType\":\"VIDEO\",\"authoringTier\":\"CITY\","
            + "\"recommendedAt\":\"2026-06-01T02:00:00Z\"}]}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("recommendations[0].title");
    assertThat(rows("platform_recommendation", school)).isEqualTo(6);

    assertThat(recommendations(school, List.of(recommendation("r-7", "RES-5", "新资源", "2026-06-01T02:00:00Z"))).body())
        .contains("\"accepted\":1");
    assertThat(figures(school)).contains("\"periodId\":\"2026\",\"numerator\":4,\"denominator\":1,\"rate\":4.0000,\"version\":2");
    assertThat(events(school, "RESOURCES_RECOMMENDED")).extracting(PlatformIT::line)
        .containsExactly("2025 1/1 v1", "2026 3/1 v1", "2026 4/1 v2");
  }

  // ---------------------------------------------------------------- access

  @Test
  void accessMatrixEveryEndpointEveryRoleOwnSiblingAndOtherCountySchool() {
    var own = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OWN);
    var sibling = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.SIBLING);
    var other = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OTHER_COUNTY);
    registerSchool(own, "990101");
    registerSchool(sibling, "990101");
    registerSchool(other, "990102");
    String learningBody = "{\"activities\":[{\"externalId\":\"mx-1\",\"guardianRef\":\"GRD-mx\",\"resourceId\":\"RES-mx\","
        + "\"occurredAt\":\"2026-10-10T08:00:00Z\",\"minutes\":12}]}";
    String recommendationBody = "{\"recommendations\":[{\"externalId\":\"mx-1\",\"resourceId\":\"RES-mx\",\"title\":\"t\","
        + "\"resourceType\":\"ARTICLE\",\"authoringTier\":\"COUNTY\",\"recommendedAt\":\"2026-10-10T08:00:00Z\"}]}";
    Set<String> schoolUsers = Set.of("school-staff", "school-admin");
    var endpoints = List.of(
        AccessMatrix.Endpoint.send("POST", AccessMatrix.Level.SCHOOL, s -> base(s) + "/platform-learning", learningBody, schoolUsers),
        AccessMatrix.Endpoint.send("POST", AccessMatrix.Level.SCHOOL, s -> base(s) + "/platform-recommendations", recommendationBody,
            schoolUsers));
    AccessMatrix.Result result = AccessMatrix.run(endpoints, matrix);
    System.out.println(result.summary("school-service digital parent school"));
    assertThat(result.failures()).as(result.summary("school-service digital parent school")).isEmpty();
    for (String school : List.of(sibling, other)) {
      assertThat(rows("platform_learning", school)).isZero();
      assertThat(rows("platform_recommendation", school)).isZero();
    }
    assertThat(rows("platform_learning", own)).isEqualTo(1);
    assertThat(rows("platform_recommendation", own)).isEqualTo(1);
  }
}
