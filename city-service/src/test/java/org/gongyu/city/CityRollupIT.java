package org.gongyu.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.testing.TopicRecords.readAll;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongyu.city.TestEvents.CountyRollup;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CityRollupPublished;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.testing.ConsumerGroups;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * City rollups against a real PostgreSQL and Kafka: every rollup is compared with the figure
 * computed here directly from the county rollups sent, before and after duplicates, stale
 * versions, reordering, a consumer restart and a replay from offset 0, timeliness included (some
 * county versions carry a deadline and schools on time, some do not). Ordered because the number
 * of counties the city expects grows as the tests register counties. The catalogue has its own IT.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext // its listeners must leave the consumer group before another IT's context joins it
class CityRollupIT {

  private static final String CITY = "990100";
  private static final String PLATFORM = "PLATFORM_REGISTRATION";
  private static final String ROLLUP_LISTENER = "city-service-county-rollups";
  private static final String GROUP = "city-service";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry r) {
    RealInfrastructure.register(r, "city");
    Keycloak.register(r);
    r.add("gongyu.messaging.poll-interval", () -> "200ms");
  }

  /** The topic this service consumes is created by its producer; here the test is the producer. */
  @TestConfiguration
  static class InputTopics {
    @Bean
    NewTopic countyRollups() {
      return TopicBuilder.name(Topics.DISTRICT_INDICATOR_ROLLUPS).partitions(6).replicas(1).build();
    }
  }

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired JdbcClient jdbc;
  RestClient http;
  AccessMatrix.Client matrix;

  @BeforeAll
  void client() {
    http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(Keycloak.actingByPath()).build();
    matrix = AccessMatrix.overHttp("http://localhost:" + port);
  }

  @Test
  @Order(2)
  void cityRollupIsTheSumOfEachKnownCountysLatestRollupDespiteDuplicatesStaleVersionsRestartAndReplay() throws Exception {
    long seed = Long.getLong("gongyu.test.seed", 20251001L);
    org.slf4j.LoggerFactory.getLogger(getClass()).info("event stream seed {} (rerun with -Dgongyu.test.seed={})", seed, seed);
    Random random = new Random(seed);
    List<String> counties = List.of("990101", "990102", "990103", "990104");
    for (String county : counties) {
      putCounty(county, "县" + county);
    }

    // Every county publishes 1..6 versions; a county the city does not know (990199) too. The
    // stream is shuffled, some events are redelivered with the same id, some older versions are
    // published again after newer ones.
    List<CountyRollup> versions = new ArrayList<>();
    for (String county : List.of("990101", "990102", "990103", "990104", "990199")) {
      int count = 1 + random.nextInt(6);
      for (int v = 1; v <= count; v++) {
        int expected = 10 + random.nextInt(40);
        int reporting = 1 + random.nextInt(expected);
        long den = reporting * (30L + random.nextInt(300));
        CountyRollup r = CountyRollup.of(county, PLATFORM, random.nextLong(den + 1), den, reporting, expected,
            random.nextInt(reporting + 1), v);
        // The latest version of 990101 has a deadline, that of 990102 none; the rest at random.
        boolean deadline = v == count && county.equals("990101") || !(v == count && county.equals("990102")) && random.nextBoolean();
        CountyRollup sent = deadline ? r.withDeadline(random.nextInt(reporting + 1), TestEvents.T0.plusSeconds(86_400L * v)) : r;
        // The latest version of 990101 counts sign-offs, that of 990103 predates them; the rest at random.
        boolean signOffs = v == count && county.equals("990101") || !(v == count && county.equals("990103")) && random.nextBoolean();
        if (signOffs) {
          int signedOff = random.nextInt(expected + 1);
          sent = sent.withSignOffs(signedOff, random.nextInt(signedOff + 1), random.nextInt(signedOff + 1));
        }
        versions.add(sent);
      }
    }
    List<CountyRollup> stream = new ArrayList<>(versions);
    Collections.shuffle(stream, random);
    for (int i = 0; i < 8; i++) {
      stream.add(random.nextInt(stream.size()), versions.get(random.nextInt(versions.size())));
    }
    versions.stream().filter(r -> r.version() == 1).forEach(r -> stream.add(r.republished()));

    // First third: the rollup equals the sum of what was sent so far. Second third: the listener
    // is stopped while it works through it; the rest is sent while it is down.
    int third = stream.size() / 3;
    sendRollups(stream.subList(0, third));
    Expected sofar = Expected.from(stream.subList(0, third), Set.copyOf(counties), counties.size());
    if (sofar.countiesReporting() > 0) {
      assertThat(sofar.matches(awaitRollup(sofar::matches))).isTrue();
    }
    sendRollups(stream.subList(third, 2 * third));
    MessageListenerContainer container = listeners.getListenerContainer(ROLLUP_LISTENER);
    container.stop();
    assertThat(container.isRunning()).isFalse();
    sendRollups(stream.subList(2 * third, stream.size()));
    container.start();

    Expected expected = Expected.from(versions, Set.copyOf(counties), counties.size());
    JsonNode rollup = awaitRollup(expected::matches);
    long version = rollup.get("version").asLong();
    assertThat(rollup.get("cityId").asString()).isEqualTo(CITY);
    assertThat(rollup.get("rate").decimalValue()).isEqualByComparingTo(expected.rate());
    assertThat(rollup.get("completeness").decimalValue()).isEqualByComparingTo(expected.completeness());
    assertThat(rollup.get("suppressed").asBoolean()).isFalse();
    assertThat(rollup.get("target").decimalValue()).as("the catalogue's target of the semester").isEqualByComparingTo("0.60");
    assertThat(rollup.get("met").asBoolean()).isEqualTo(
        BigDecimal.valueOf(expected.numerator()).compareTo(new BigDecimal("0.60").multiply(BigDecimal.valueOf(expected.denominator()))) >= 0);
    assertThat(expected.schoolsOnTime()).as("a county with a deadline is among the latest").isNotNull();
    assertThat(expected.schoolsUnderDeadline()).as("and one without").isLessThan(expected.schoolsExpected());
    assertThat(rollup.get("timeliness").decimalValue()).isEqualByComparingTo(expected.timeliness());
    assertThat(expected.schoolsSignedOff()).as("a county counting sign-offs is among the latest").isNotNull();
    assertThat(rollup.get("signOffCompleteness").decimalValue()).isEqualByComparingTo(
        BigDecimal.valueOf(expected.schoolsSignedOff()).divide(BigDecimal.valueOf(expected.schoolsExpected()), 4, RoundingMode.HALF_EVEN));
    await().atMost(PATIENCE).until(() -> count("select count(*) from county_rollup where county_id = '990199'") == 1);
    awaitOutboxDrained();
    List<CityRollupPublished> published = rollupEvents(PLATFORM);
    assertThat(published.getLast().version()).isEqualTo(version);
    assertThat(expected.matches(published.getLast())).isTrue();
    assertThat(published.getLast().cityName()).as("the configured city name travels with the rollup").isEqualTo("演示市");
    assertThat(published).extracting(CityRollupPublished::version)
        .as("one event per version, in order").isEqualTo(LongStream.rangeClosed(1, version).boxed().toList());

    // Replay the whole county-rollup topic: nothing may change.
    long inboxRows = count("select count(*) from inbox_event");
    replayCountyRollupTopicFromOffsetZero();
    awaitOutboxDrained();
    JsonNode after = rollup(PLATFORM, TestEvents.PERIOD).getBody();
    assertThat(after.get("version").asLong()).isEqualTo(version);
    assertThat(expected.matches(after)).isTrue();
    assertThat(rollupEvents(PLATFORM)).hasSameSizeAs(published);
    assertThat(count("select count(*) from inbox_event")).isEqualTo(inboxRows);

    // A fifth county is expected from now on: one more version, the figures stay.
    putCounty("990105", "县990105");
    JsonNode grown = awaitRollup(r -> r.get("version").asLong() == version + 1);
    assertThat(grown.get("countiesExpected").asInt()).isEqualTo(5);
    assertThat(grown.get("countiesReporting").asInt()).isEqualTo(4);
    assertThat(grown.get("numerator").asLong()).isEqualTo(expected.numerator());

    // The county that reported before it was registered now counts with its stored rollup.
    putCounty("990199", "县990199");
    Expected withLateCounty = Expected.from(versions, Set.of("990101", "990102", "990103", "990104", "990199"), 6);
    JsonNode late = awaitRollup(r -> r.get("version").asLong() == version + 2);
    assertThat(withLateCounty.matches(late)).as("%s", late).isTrue();
    awaitOutboxDrained();
    assertThat(withLateCounty.matches(rollupEvents(PLATFORM).getLast())).isTrue();
  }

  @Test
  @Order(3)
  void puttingTheSameCountyTwiceRegistersItOnceAndARenameMakesVersionTwo() {
    ResponseEntity<JsonNode> first = putCounty("990151", "东城县");
    ResponseEntity<JsonNode> again = putCounty("990151", "东城县");

    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("version").asLong()).isEqualTo(1);
    assertThat(again.getBody().get("cityId").asString()).isEqualTo(CITY);
    awaitOutboxDrained();
    assertThat(countyEvents("990151")).extracting(CountyRegistered::version).containsExactly(1L);

    ResponseEntity<JsonNode> renamed = putCounty("990151", "东城区");
    assertThat(renamed.getStatusCode().value()).isEqualTo(200);
    assertThat(renamed.getBody().get("version").asLong()).isEqualTo(2);
    awaitOutboxDrained();
    List<CountyRegistered> events = countyEvents("990151");
    assertThat(events).extracting(CountyRegistered::version).containsExactly(1L, 2L);
    assertThat(events.getLast().name()).isEqualTo("东城区");
    assertThat(events.getLast().cityId()).isEqualTo(CITY);

    JsonNode one = get("/api/city/counties/990151").getBody();
    assertThat(one.get("name").asString()).isEqualTo("东城区");
    assertThat(one.get("id").asString()).isEqualTo("990151");
    List<String> ids = new ArrayList<>();
    get("/api/city/counties").getBody().forEach(c -> ids.add(c.get("id").asString()));
    assertThat(ids).containsSubsequence("990101", "990105", "990151", "990199").doesNotHaveDuplicates();
  }

  @Test
  @Order(4)
  void refusedRequestsAnswerProblemJsonAndWriteNothing() {
    awaitOutboxDrained();
    String before = countyState();

    assertProblem(get("/api/city/counties/990188"), 404, "county 990188 is not registered");
    assertProblem(put("/api/city/counties/9901!8", "{\"name\":\"某县\"}"), 400, "countyId");
    assertProblem(put("/api/city/counties/" + "9".repeat(41), "{\"name\":\"某县\"}"), 400, "countyId");
    assertProblem(put("/api/city/counties/990188", "{\"name\":\"  \"}"), 400, "name");
    assertProblem(put("/api/city/counties/990188", "{\"name\":\"" + "县".repeat(201) + "\"}"), 400, "name");
    assertProblem(put("/api/city/counties/990188", "{\"name\": "), 400, "not valid JSON");
    assertProblem(get("/api/city/rollups/" + PLATFORM + "/2025-1"), 400, "2025-1");
    assertProblem(get("/api/city/rollups/" + PLATFORM + "/2024-2025-2"), 404, "no rollup");
    assertProblem(get("/api/city/rollups/" + PLATFORM + "/2025-2026"), 400, "per semester");
    assertProblem(get("/api/city/rollups/HOME_VISIT_3Y/2025-2028"), 400, "programme cycle of this city");
    assertProblem(get("/api/city/rollups/HOME_VISIT_3Y/2024-2027"), 404, "no rollup");
    assertProblem(get("/api/city/rollups/platform/" + TestEvents.PERIOD), 400, "indicatorCode");

    awaitOutboxDrained();
    assertThat(countyState()).isEqualTo(before);
  }

  @Test
  @Order(7)
  void aSensitiveIndicatorsSmallCellsAreWithheldFromTheApiButTheEventKeepsThem() {
    String care = "SPECIAL_CARE";
    sendRollups(List.of(CountyRollup.of("990101", care, 3, 4, 1, 2, 0, 1)));
    JsonNode small = await().atMost(PATIENCE).until(() -> rollup(care, TestEvents.PERIOD),
        r -> r.getStatusCode().is2xxSuccessful()).getBody();
    assertThat(small.get("suppressed").asBoolean()).isTrue();
    for (String withheld : List.of("numerator", "denominator", "rate", "met")) {
      assertThat(small.get(withheld).isNull()).as(withheld).isTrue();
    }
    assertThat(small.get("schoolsReporting").asInt()).as("school counts are no small cells").isEqualTo(1);
    awaitOutboxDrained();
    CityRollupPublished exact = rollupEvents(care).getLast();
    assertThat(exact.numerator()).isEqualTo(3);
    assertThat(exact.denominator()).isEqualTo(4);

    sendRollups(List.of(CountyRollup.of("990101", care, 30, 40, 1, 2, 0, 2)));
    JsonNode large = await().atMost(PATIENCE).until(() -> rollup(care, TestEvents.PERIOD).getBody(),
        r -> r.get("version").asLong() == 2);
    assertThat(large.get("suppressed").asBoolean()).isFalse();
    assertThat(large.get("numerator").asLong()).isEqualTo(30);
    assertThat(large.get("met").asBoolean()).as("30 of 40 is below the target 1.00").isFalse();
  }

  @Test
  @Order(6)
  void aCountyRollupThatCanNeverBeAppliedGoesToTheDeadLetterTopic() {
    CountyRollup impossible = CountyRollup.of("990101", PLATFORM, 10, 100, -1, 5, 0, 99);
    CountyRollup moreOnTimeThanReporting = CountyRollup.of("990101", PLATFORM, 10, 100, 2, 5, 0, 98)
        .withDeadline(3, TestEvents.T0);
    sendRollups(List.of(impossible, moreOnTimeThanReporting));
    await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(readAll(Topics.DISTRICT_INDICATOR_ROLLUPS + "-dlt"))
        .extracting(ConsumerRecord::value)
        .contains(impossible.json(), moreOnTimeThanReporting.json()));
    assertThat(jdbc.sql("select max(version) from county_rollup where county_id = '990101'").query(Long.class).single())
        .as("the impossible versions 98 and 99 were not stored").isLessThan(98);
  }

  @Test
  @Order(5)
  void exposesReadinessMetricsAndApiDocs() {
    assertThat(get("/actuator/health/readiness").getBody().get("status").asString()).isEqualTo("UP");
    // the county rollups of the tests before were applied (freshness county -> city) and recomputed (docs/observability.md)
    assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class)).contains("gongyu_outbox_published")
        .contains("gongyu_freshness_seconds_count{application=\"city-service\",consumer=\"city-service-county-rollups\"}")
        .contains("gongyu_rollup_recompute_seconds_count{application=\"city-service\",tier=\"city\"}")
        .contains("gongyu_deadletter_records_total{application=\"city-service\",consumer=\"city-service\",topic=\""
            + Topics.DISTRICT_INDICATOR_ROLLUPS + "\"}");
    JsonNode paths = get("/v3/api-docs").getBody().get("paths");
    assertThat(paths.propertyNames()).anyMatch(p -> p.startsWith("/api/city/"));
  }

  // ---- the figure computed directly from what was sent

  record Expected(long numerator, long denominator, int countiesReporting, int countiesExpected,
      int schoolsReporting, int schoolsExpected, int meeting, List<String> lineage,
      Integer schoolsOnTime, Integer schoolsUnderDeadline, Integer schoolsSignedOff, Integer schoolsSignedOffOnTime,
      Integer schoolsApproved) {

    static Expected from(List<CountyRollup> sent, Set<String> known, int countiesExpected) {
      Map<String, CountyRollup> latest = new TreeMap<>();
      for (CountyRollup r : sent) {
        if (known.contains(r.countyId())) {
          latest.merge(r.countyId(), r, (a, b) -> a.version() >= b.version() ? a : b);
        }
      }
      long num = 0;
      long den = 0;
      int reporting = 0;
      int expected = 0;
      int meeting = 0;
      Integer onTime = null;
      Integer underDeadline = null;
      Integer signedOff = null;
      Integer signedOffOnTime = null;
      Integer approved = null;
      for (CountyRollup r : latest.values()) {
        if (r.schoolsSignedOff() != null) {
          signedOff = (signedOff == null ? 0 : signedOff) + r.schoolsSignedOff();
          approved = (approved == null ? 0 : approved) + r.schoolsApproved();
        }
        if (r.schoolsSignedOffOnTime() != null) {
          signedOffOnTime = (signedOffOnTime == null ? 0 : signedOffOnTime) + r.schoolsSignedOffOnTime();
        }
        if (r.deadline() != null) {
          onTime = (onTime == null ? 0 : onTime) + r.schoolsOnTime();
          underDeadline = (underDeadline == null ? 0 : underDeadline) + r.schoolsExpected();
        }
        num += r.numerator();
        den += r.denominator();
        reporting += r.schoolsReporting();
        expected += r.schoolsExpected();
        meeting += r.schoolsMeetingTarget();
      }
      List<String> lineage = latest.values().stream().map(r -> r.countyId() + "@" + r.version()).toList();
      return new Expected(num, den, latest.size(), countiesExpected, reporting, expected, meeting, lineage, onTime, underDeadline,
          signedOff, signedOffOnTime, approved);
    }

    BigDecimal rate() {
      return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN);
    }

    BigDecimal completeness() {
      return BigDecimal.valueOf(schoolsReporting).divide(BigDecimal.valueOf(schoolsExpected), 4, RoundingMode.HALF_EVEN);
    }

    BigDecimal timeliness() {
      return BigDecimal.valueOf(schoolsOnTime).divide(BigDecimal.valueOf(schoolsUnderDeadline), 4, RoundingMode.HALF_EVEN);
    }

    private static Integer nullableInt(JsonNode n) {
      return n == null || n.isNull() ? null : n.asInt();
    }

    boolean matches(JsonNode r) {
      return r.get("numerator").asLong() == numerator && r.get("denominator").asLong() == denominator
          && r.get("countiesReporting").asInt() == countiesReporting && r.get("countiesExpected").asInt() == countiesExpected
          && r.get("schoolsReporting").asInt() == schoolsReporting && r.get("schoolsExpected").asInt() == schoolsExpected
          && r.get("schoolsMeetingTarget").asInt() == meeting && CityRollupIT.lineage(r).equals(lineage)
          && Objects.equals(nullableInt(r.get("schoolsOnTime")), schoolsOnTime)
          && Objects.equals(nullableInt(r.get("schoolsUnderDeadline")), schoolsUnderDeadline)
          && Objects.equals(nullableInt(r.get("schoolsSignedOff")), schoolsSignedOff)
          && Objects.equals(nullableInt(r.get("schoolsSignedOffOnTime")), schoolsSignedOffOnTime)
          && Objects.equals(nullableInt(r.get("schoolsApproved")), schoolsApproved);
    }

    boolean matches(CityRollupPublished e) {
      return e.numerator() == numerator && e.denominator() == denominator
          && e.countiesReporting() == countiesReporting && e.countiesExpected() == countiesExpected
          && e.schoolsReporting() == schoolsReporting && e.schoolsExpected() == schoolsExpected
          && e.schoolsMeetingTarget() == meeting
          && e.lineage().stream().map(l -> l.countyId() + "@" + l.version()).toList().equals(lineage)
          && Objects.equals(e.schoolsOnTime(), schoolsOnTime) && Objects.equals(e.schoolsUnderDeadline(), schoolsUnderDeadline)
          && Objects.equals(e.schoolsSignedOff(), schoolsSignedOff)
          && Objects.equals(e.schoolsSignedOffOnTime(), schoolsSignedOffOnTime)
          && Objects.equals(e.schoolsApproved(), schoolsApproved);
    }
  }

  private static List<String> lineage(JsonNode rollup) {
    List<String> out = new ArrayList<>();
    rollup.get("lineage").forEach(l -> out.add(l.get("countyId").asString() + "@" + l.get("version").asLong()));
    return out;
  }

  // ---- Kafka

  /** Sends with exactly the token given (none for null), bypassing the acting-by-path interceptor. */
  private int statusOf(String method, String path, String body, String token) {
    return matrix.call(method, path, body, token);
  }

  @Test
  @Order(10)
  void accessMatrixEveryEndpointEveryRoleOwnSiblingAndOtherCounty() {
    // counties 990101..990103 and the city rollup exist since @Order(2)
    Set<String> cityUsers = Set.of("city-staff", "city-admin");
    Set<String> countyAndCity = Set.of("county-assessor", "county-admin", "city-staff", "city-admin");
    var endpoints = List.of(
        new AccessMatrix.Endpoint("PUT", AccessMatrix.Level.COUNTY, c -> "/api/city/counties/" + c,
            c -> "{\"name\":\"县" + c + "\"}", Set.of("city-admin")),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> "/api/city/counties", cityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.COUNTY, c -> "/api/city/counties/" + c, countyAndCity),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> "/api/city/catalogue", AccessMatrix.CALLERS.keySet()),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> "/api/city/rollups/" + PLATFORM + "/" + TestEvents.PERIOD, cityUsers));
    long deniedBefore = count("select count(*) from audit_log where outcome = 'DENIED'");
    long versionsBefore = count("select coalesce(sum(version), 0) from county");

    AccessMatrix.Result result = AccessMatrix.run(endpoints, this::statusOf);
    System.out.println(result.summary("city-service"));
    assertThat(result.failures()).as(result.summary("city-service")).isEmpty();

    long expectedDenials = result.cells().stream().filter(c -> !c.expected().equals("2xx")).count();
    assertThat(count("select count(*) from audit_log where outcome = 'DENIED'") - deniedBefore)
        .as("every refused cell is audited").isEqualTo(expectedDenials);
    assertThat(count("select coalesce(sum(version), 0) from county")).as("the permitted PUTs repeat stored names: no new version")
        .isEqualTo(versionsBefore);
  }

  @Test
  @Order(11)
  void aCountyBodyCannotCarryFieldsTheRequestDoesNotTake() {
    ResponseEntity<JsonNode> r = put("/api/city/counties/990101", "{\"name\":\"改名县\",\"cityId\":\"990200\"}");
    assertProblem(r, 400, "'cityId'");
    assertThat(get("/api/city/counties/990101").getBody().get("name").asString()).isEqualTo("县990101");
  }

  /**
   * ADR 0030: the last hop to the city figure. A county rollup arrives with a {@code traceparent}
   * header (as district-service's relay sends it); the city rollup it causes is relayed with a
   * {@code traceparent} of the same trace.
   */
  @Test
  @Order(20)
  void theCityRollupACountyRollupCausesCarriesItsTraceOn() {
    putCounty("990101", "县990101"); // as the main test registered it: no new version when it ran
    String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
    String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
    var record = new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.DISTRICT_INDICATOR_ROLLUPS, "990101",
        CountyRollup.of("990101", PLATFORM, 61, 100, 5, 5, 3, 500).json());
    record.headers().add("traceparent", traceparent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    kafka.send(record).join();
    awaitRollup(r -> lineage(r).contains("990101@500"));
    awaitOutboxDrained();

    List<ConsumerRecord<String, String>> records = readAll(Topics.CITY_INDICATOR_ROLLUPS);
    ConsumerRecord<String, String> latest = records.stream()
        .filter(r -> {
          CityRollupPublished p = EventCodec.decode(r.value(), CityRollupPublished.class).payload();
          return p.indicatorCode().equals(PLATFORM) && p.periodId().equals(TestEvents.PERIOD);
        })
        .reduce((a, b) -> b).orElseThrow();
    var header = latest.headers().lastHeader("traceparent");
    assertThat(header).as("the city rollup's record carries a trace").isNotNull();
    assertThat(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8))
        .matches("00-" + traceId + "-[0-9a-f]{16}-01").isNotEqualTo(traceparent);
  }

  private void sendRollups(List<CountyRollup> rollups) {
    List<CompletableFuture<?>> acks = new ArrayList<>();
    for (CountyRollup r : rollups) {
      acks.add(kafka.send(Topics.DISTRICT_INDICATOR_ROLLUPS, r.countyId(), r.json()));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
  }

  /** Stops every listener of the group (the group must be empty), rewinds the topic, restarts. */
  private void replayCountyRollupTopicFromOffsetZero() {
    listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
    ConsumerGroups.rewindToZero(GROUP, List.of(Topics.DISTRICT_INDICATOR_ROLLUPS), PATIENCE);
    listeners.getListenerContainers().forEach(MessageListenerContainer::start);
    ConsumerGroups.awaitCaughtUp(GROUP, List.of(Topics.DISTRICT_INDICATOR_ROLLUPS), PATIENCE);
  }

  private List<CityRollupPublished> rollupEvents(String indicator) {
    return readAll(Topics.CITY_INDICATOR_ROLLUPS).stream()
        .peek(r -> assertThat(r.key()).isEqualTo(CITY))
        .map(r -> EventCodec.decode(r.value(), CityRollupPublished.class).payload())
        .filter(e -> e.indicatorCode().equals(indicator) && e.periodId().equals(TestEvents.PERIOD))
        .toList();
  }

  private List<CountyRegistered> countyEvents(String county) {
    return readAll(Topics.CITY_COUNTIES).stream()
        .peek(r -> assertThat(r.key()).isEqualTo(CITY))
        .map(r -> EventCodec.decode(r.value(), CountyRegistered.class).payload())
        .filter(e -> e.countyId().equals(county))
        .toList();
  }

  private void awaitOutboxDrained() {
    await().atMost(PATIENCE).until(() -> count("select count(*) from outbox_event where published_at is null") == 0);
  }

  // ---- database

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private String countyState() {
    return jdbc.sql("select string_agg(id || ':' || name || ':' || version, ',' order by id) from county").query(String.class).single()
        + "|" + count("select count(*) from outbox_event where topic = '" + Topics.CITY_COUNTIES + "'");
  }

  // ---- HTTP

  private ResponseEntity<JsonNode> rollup(String indicator, String period) {
    return get("/api/city/rollups/" + indicator + "/" + period);
  }

  private JsonNode awaitRollup(Predicate<JsonNode> condition) {
    return await().atMost(PATIENCE).until(() -> {
      ResponseEntity<JsonNode> r = rollup(PLATFORM, TestEvents.PERIOD);
      return r.getStatusCode().is2xxSuccessful() ? r.getBody() : null;
    }, r -> r != null && condition.test(r));
  }

  private ResponseEntity<JsonNode> putCounty(String county, String name) {
    ResponseEntity<JsonNode> r = put("/api/city/counties/" + county, JSON.writeValueAsString(Map.of("name", name)));
    assertThat(r.getStatusCode().is2xxSuccessful()).as("PUT county %s: %s", county, r.getBody()).isTrue();
    return r;
  }

  private ResponseEntity<JsonNode> put(String path, String json) {
    return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String path) {
    return http.get().uri(path).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  private static void assertProblem(ResponseEntity<JsonNode> response, int status, String detailContains) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(response.getBody().get("detail").asString()).contains(detailContains);
  }
}
