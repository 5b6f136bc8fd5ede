package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.testing.TopicRecords.readAll;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.stream.LongStream;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.district.TestEvents.Snapshot;
import org.gongyu.testing.MutableClock;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.AccessMatrix.Endpoint;
import org.gongyu.testing.AccessMatrix.Level;
import org.gongyu.testing.AccessMatrix.Target;
import org.gongyu.testing.ConsumerGroups;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.annotation.Import;

/**
 * The running service against a real PostgreSQL, Kafka and Keycloak, shared by every integration
 * test class of the module (one Spring context, one consumer group): the counties and the
 * catalogue entry the tests assume, and the Kafka, database and HTTP helpers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(DistrictITSupport.InputTopics.class)
abstract class DistrictITSupport {

  static final String PLATFORM = "PLATFORM_REGISTRATION";
  static final String SNAPSHOT_LISTENER = "district-service-school-snapshots";
  static final String GROUP = "district-service";
  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final JsonMapper JSON = JsonMapper.builder().build();
  /**
   * One county per concern, so that no test counts another's schools: 990101 (own), 990102
   * (sibling) and 990103 (other county) are the access matrix's, and only the matrix writes to
   * 990101; 990102 also serves the refusals, 990103 the changed target, 990104 the idempotent PUTs,
   * 990105 the unregistered snapshot, 990106 the main rollup, 990107 the dead letters, 990108 the
   * school of another county the refusals need and the mass-assignment check, 990109 the rounds of
   * the rollup refresher. 990111 to 990118
   * are EffectiveDatedRollupIT's, 990121 to 990124 DemonstrationProgrammeIT's, 990131 to 990134
   * DemonstrationAssessmentIT's, 990141 to 990144 DemonstrationTitleIT's, 990151 DemonstrationPastCycleIT's, 990161
   * AssessorPanelIT's, 996001 NotificationsIT's, 996002 and 996003 ApprovalNoticesIT's, 996201 to 996205 PeriodApprovalIT's,
   * 990631 to 990635 XuequRollupIT's, 990641 and 990642 XuequAssessmentIT's, 990668 and 990669-ZS (made
   * the city-direct unit at version 2) CityDirectUnitIT's, 990692 DemonstrationProgrammeIT's 学区 arrangement,
   * 990684 and 990685 XuequAssessmentAdjustmentIT's, 990171 TraceAcrossKafkaIT's.
   */
  static final List<String> COUNTIES = List.of(
      "990101", "990102", "990103", "990104", "990105", "990106", "990107", "990108", "990109",
      "990111", "990112", "990113", "990114", "990115", "990116", "990117", "990118",
      "990121", "990122", "990123", "990124", "990131", "990132", "990133", "990134",
      "990141", "990142", "990143", "990144", "990151", "990161",
      "996001", "996002", "996003", "996201", "996202", "996203", "996204", "996205",
      "990631", "990632", "990633", "990634", "990635", "990641", "990642", "990668", "990669-ZS", "990692",
      "990684", "990685", "990171");
  /** The catalogue entry the city will send for the titles count: a unit count per programme cycle, 3 per county. */
  static final String DEMONSTRATION = org.gongyu.contracts.indicator.IndicatorCodes.DEMONSTRATION_SCHOOLS;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry r) {
    RealInfrastructure.register(r, "district");
    Keycloak.register(r);
    r.add("gongyu.messaging.poll-interval", () -> "200ms");
    // the title sweep runs when a test calls it, never by the clock
    r.add("gongyu.district.demonstration.sweep-cron", () -> "-");
    // and the nightly unit-count run too (tests call CountyRollups.publishTodaysUnitCounts)
    r.add("gongyu.district.unit-count-cron", () -> "-");
    // and the hourly deadline notices (ApprovalNoticesIT calls ApprovalNotices.scan)
    r.add("gongyu.district.deadline-notice-cron", () -> "-");
    // tests move the clock by months: the outbox purge (30 days of the moved clock) must not
    // delete the rows a test counts while it runs
    r.add("gongyu.messaging.retention", () -> "3650d");
  }

  /**
   * The topics this service consumes are created by their producers; here the test is the producer.
   * And the one clock of the context, which deadline tests move.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class InputTopics {
    @Bean
    NewTopic snapshots() {
      return TopicBuilder.name(Topics.SCHOOL_INDICATOR_SNAPSHOTS).partitions(6).replicas(1).build();
    }

    @Bean
    NewTopic counties() {
      return TopicBuilder.name(Topics.CITY_COUNTIES).partitions(6).replicas(1).build();
    }

    @Bean
    NewTopic catalogue() {
      return TopicBuilder.name(Topics.CITY_CATALOGUE).partitions(6).replicas(1).build();
    }

    @Bean
    NewTopic demonstrationStandards() {
      return TopicBuilder.name(Topics.CITY_DEMONSTRATION_STANDARDS).partitions(6).replicas(1).build();
    }

    @Bean
    NewTopic schoolDemonstration() {
      return TopicBuilder.name(Topics.SCHOOL_DEMONSTRATION).partitions(6).replicas(1).build();
    }

    @Bean
    NewTopic schoolSignOffs() {
      return TopicBuilder.name(Topics.SCHOOL_SIGN_OFFS).partitions(6).replicas(1).build();
    }

    @Bean
    NewTopic cityPeriodDecisions() {
      return TopicBuilder.name(Topics.CITY_PERIOD_DECISIONS).partitions(6).replicas(1).build();
    }

    /** The service's only clock: tests move it for deadlines and validity; reset after each test. */
    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock();
    }
  }

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  RestClient http;
  AccessMatrix.Client matrix;

  @BeforeAll
  void cityAndCatalogue() {
    http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(Keycloak.actingByPath()).build();
    matrix = AccessMatrix.overHttp("http://localhost:" + port);
    send(Topics.CITY_CATALOGUE, PLATFORM, TestEvents.indicator(PLATFORM, "0.60", 1));
    send(Topics.CITY_CATALOGUE, DEMONSTRATION, TestEvents.indicator(TestEvents.Indicator.ratio(DEMONSTRATION)
        .counting(org.gongyu.contracts.indicator.IndicatorKind.UNIT_COUNT)
        .per(org.gongyu.contracts.period.PeriodType.PROGRAMME_CYCLE).from("2024-2027", "3"), 1));
    for (String county : COUNTIES) {
      send(Topics.CITY_COUNTIES, TestEvents.CITY, TestEvents.county(county, 1));
    }
    // these counties, not "every county": a class that registers counties of its own (RegistryImportIT,
    // SchoolClosureIT) leaves them in the database for the classes after it
    String ours = String.join("', '", COUNTIES);
    await().atMost(PATIENCE).until(() -> count("select count(*) from county where id in ('" + ours + "')") == COUNTIES.size()
        && count("select count(*) from indicator_definition where code in ('" + PLATFORM + "', '" + DEMONSTRATION + "')") == 2);
  }

  @AfterEach
  void systemTimeAgain() {
    clock.reset();
  }

  /** Sends with exactly the token given (none for null), bypassing the acting-by-path interceptor. */
  int statusOf(String method, String path, String body, String token) {
    return matrix.call(method, path, body, token);
  }

  static List<String> lineage(JsonNode rollup) {
    List<String> out = new ArrayList<>();
    rollup.get("lineage").forEach(l -> out.add(l.get("schoolId").asString() + "@" + l.get("version").asLong()));
    return out;
  }

  // ---- Kafka

  void send(String topic, String key, String json) {
    kafka.send(topic, key, json).join();
  }

  void sendSnapshots(List<Snapshot> snapshots) {
    List<CompletableFuture<?>> acks = new ArrayList<>();
    for (Snapshot s : snapshots) {
      acks.add(kafka.send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, s.schoolId(), s.json()));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
  }

  /** Stops every listener of the group (the group must be empty), rewinds the snapshot topic, restarts. */
  void replaySnapshotTopicFromOffsetZero() {
    listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
    ConsumerGroups.rewindToZero(GROUP, List.of(Topics.SCHOOL_INDICATOR_SNAPSHOTS), PATIENCE);
    listeners.getListenerContainers().forEach(MessageListenerContainer::start);
    ConsumerGroups.awaitCaughtUp(GROUP, List.of(Topics.SCHOOL_INDICATOR_SNAPSHOTS), PATIENCE);
  }

  List<CountyRollupPublished> rollupEvents(String county, String indicator) {
    return rollupEvents(county, indicator, TestEvents.PERIOD);
  }

  List<CountyRollupPublished> rollupEvents(String county, String indicator, String period) {
    return readAll(Topics.DISTRICT_INDICATOR_ROLLUPS).stream()
        .filter(r -> r.key().equals(county))
        .map(r -> EventCodec.decode(r.value(), CountyRollupPublished.class).payload())
        .filter(e -> e.indicatorCode().equals(indicator) && e.periodId().equals(period))
        .toList();
  }

  List<SchoolRegistered> schoolEvents(String school) {
    return readAll(Topics.DISTRICT_SCHOOL_REGISTRY).stream()
        .map(r -> EventCodec.decode(r.value(), SchoolRegistered.class).payload())
        .filter(e -> e.schoolId().equals(school))
        .toList();
  }

  void awaitOutboxDrained() {
    await().atMost(PATIENCE).until(() -> count("select count(*) from outbox_event where published_at is null") == 0);
  }

  // ---- database

  long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  /** id:county:xuequ:name:type:version of one stored school, null when there is none. */
  String schoolRow(String id) {
    return jdbc.sql("select id || ':' || county_id || ':' || coalesce(xuequ_id, '-') || ':' || name || ':' || school_type || ':' || version"
            + " from school where id = ?")
        .param(id).query(String.class).optional().orElse(null);
  }

  /** id:county:name:version of one stored 学区, null when there is none. */
  String xuequRow(String id) {
    return jdbc.sql("select id || ':' || county_id || ':' || name || ':' || version from xuequ where id = ?")
        .param(id).query(String.class).optional().orElse(null);
  }

  /** SchoolRegistered events of one school written to the outbox. */
  long registryEventsOf(String school) {
    return jdbc.sql("select count(*) from outbox_event where topic = ? and payload like ?")
        .params(Topics.DISTRICT_SCHOOL_REGISTRY, "%\"schoolId\":\"" + school + "\"%")
        .query(Long.class).single();
  }

  String registryState() {
    return jdbc.sql("select string_agg(id || ':' || county_id || ':' || coalesce(xuequ_id, '-') || ':' || name || ':' || version, ',' order by id) from school")
            .query(String.class).single()
        + "|" + jdbc.sql("select string_agg(id || ':' || county_id || ':' || name || ':' || version, ',' order by id) from xuequ")
            .query(String.class).single()
        + "|" + count("select count(*) from outbox_event where topic = '" + Topics.DISTRICT_SCHOOL_REGISTRY + "'");
  }

  // ---- HTTP

  ResponseEntity<JsonNode> rollup(String county, String indicator) {
    return rollup(county, indicator, TestEvents.PERIOD);
  }

  ResponseEntity<JsonNode> rollup(String county, String indicator, String period) {
    return get("/api/district/counties/" + county + "/rollups/" + indicator + "/" + period);
  }

  JsonNode awaitRollup(String county, String indicator, Predicate<JsonNode> condition) {
    return awaitRollup(county, indicator, TestEvents.PERIOD, condition);
  }

  JsonNode awaitRollup(String county, String indicator, String period, Predicate<JsonNode> condition) {
    return await().atMost(PATIENCE).until(() -> {
      ResponseEntity<JsonNode> r = rollup(county, indicator, period);
      return r.getStatusCode().is2xxSuccessful() ? r.getBody() : null;
    }, r -> r != null && condition.test(r));
  }

  ResponseEntity<JsonNode> putSchool(String county, String school, String name, String type, String xuequ) {
    ResponseEntity<JsonNode> r = putSchoolRaw(county, school, body(name, type, xuequ));
    assertThat(r.getStatusCode().is2xxSuccessful()).as("PUT school %s: %s", school, r.getBody()).isTrue();
    return r;
  }

  ResponseEntity<JsonNode> putXuequ(String county, String xuequ, String name) {
    ResponseEntity<JsonNode> r = putXuequRaw(county, xuequ, JSON.writeValueAsString(Map.of("name", name)));
    assertThat(r.getStatusCode().is2xxSuccessful()).as("PUT xuequ %s: %s", xuequ, r.getBody()).isTrue();
    return r;
  }

  static String body(String name, String type, String xuequ) {
    Map<String, String> body = new HashMap<>();
    body.put("name", name);
    body.put("schoolType", type);
    if (xuequ != null) {
      body.put("xuequId", xuequ);
    }
    return JSON.writeValueAsString(body);
  }

  ResponseEntity<JsonNode> putSchoolRaw(String county, String school, String json) {
    return put("/api/district/counties/" + county + "/schools/" + school, json);
  }

  ResponseEntity<JsonNode> putXuequRaw(String county, String xuequ, String json) {
    return put("/api/district/counties/" + county + "/xuequ/" + xuequ, json);
  }

  ResponseEntity<JsonNode> put(String path, String json) {
    return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> get(String path) {
    return http.get().uri(path).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  static void assertProblem(ResponseEntity<JsonNode> response, int status, String detailContains) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(response.getBody().get("detail").asString()).contains(detailContains);
  }
}

