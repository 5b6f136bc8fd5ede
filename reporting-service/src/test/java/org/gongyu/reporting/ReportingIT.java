package org.gongyu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CityRollupPublished;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.ConsumerGroups;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read models against a real PostgreSQL and Kafka: events in through the topics, answers out
 * through the API, every expected figure taken directly from the latest version the test sent.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // the in-JVM broker logs every partition change at INFO
      "logging.level.kafka=WARN",
      "logging.level.state.change.logger=WARN",
      "logging.level.org.apache.kafka=WARN"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingIT {

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry r) {
    RealInfrastructure.register(r, "reporting");
    Keycloak.register(r);
  }

  private static final String GROUP = "reporting-service";
  private static final List<String> LISTENERS = List.of(
      "reporting-service-counties",
      "reporting-service-school-registry",
      "reporting-service-catalogue",
      "reporting-service-indicator-snapshots",
      "reporting-service-county-rollups",
      "reporting-service-city-rollups");
  private static final List<String> TOPICS = List.of(
      Topics.CITY_COUNTIES,
      Topics.DISTRICT_SCHOOL_REGISTRY,
      Topics.CITY_CATALOGUE,
      Topics.SCHOOL_INDICATOR_SNAPSHOTS,
      Topics.DISTRICT_INDICATOR_ROLLUPS,
      Topics.CITY_INDICATOR_ROLLUPS);

  private static final String CODE = IndicatorCodes.PLATFORM_REGISTRATION;
  private static final String CITY = "990100";
  private static final String CITY_NAME = "演示市";
  // the functional tests' own units; the realm's demo units (counties 990101..990103, schools
  // 9901010001, 9901010002, 9901020001) belong to the access matrix
  private static final String CHENGGUAN = "990111";
  private static final String DONGHU = "990112";
  private static final String CG1 = "9901110001";
  private static final String CG2 = "9901110002";
  private static final String DH1 = "9901120001";
  private static final String DH2 = "9901120002";
  private static final String MATRIX_PERIOD = "2027-2028-1";
  private static final String DEMO_OWN_COUNTY = AccessMatrix.Level.COUNTY.id(AccessMatrix.Target.OWN);
  private static final String DEMO_SIBLING_COUNTY = AccessMatrix.Level.COUNTY.id(AccessMatrix.Target.SIBLING);
  private static final String DEMO_OTHER_COUNTY = AccessMatrix.Level.COUNTY.id(AccessMatrix.Target.OTHER_COUNTY);
  /** The demo counties: id, name. */
  private static final List<String[]> DEMO_COUNTIES = List.of(
      new String[] {DEMO_OWN_COUNTY, "东城县"},
      new String[] {DEMO_SIBLING_COUNTY, "西山县"},
      new String[] {DEMO_OTHER_COUNTY, "南湖区"});
  /** The demo schools: id, county, name (the matrix's own and sibling school in 990101, the other in 990102). */
  private static final List<String[]> DEMO_SCHOOLS = List.of(
      new String[] {AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OWN), DEMO_OWN_COUNTY, "东城一小"},
      new String[] {AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.SIBLING), DEMO_OWN_COUNTY, "东城二小"},
      new String[] {AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OTHER_COUNTY), DEMO_SIBLING_COUNTY, "西山中学"},
      new String[] {"9901030001", DEMO_OTHER_COUNTY, "南湖小学"});
  private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired KafkaListenerEndpointRegistry registry;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private RestClient http;
  private AccessMatrix.Client matrix;
  private final List<CountyRegistered> counties = new ArrayList<>();
  private final List<SchoolRegistered> schools = new ArrayList<>();
  private final List<IndicatorDefined> definitions = new ArrayList<>();

  /**
   * The org and the catalogue, each with a stale version sent after the newer one; and the
   * realm's demo units, which the access matrix reads, registered once here so that every test
   * sees the same org whatever order the tests run in.
   */
  @BeforeAll
  void publishOrgAndCatalogue() {
    http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(Keycloak.actingByPath()).build();
    matrix = AccessMatrix.overHttp("http://localhost:" + port);
    List<UUID> sent = new ArrayList<>();
    sent.add(send(Topics.CITY_COUNTIES, CITY, county(CHENGGUAN, "城关区", 2)));
    sent.add(send(Topics.CITY_COUNTIES, CITY, county(CHENGGUAN, "旧城关区", 1)));
    sent.add(send(Topics.CITY_COUNTIES, CITY, county(DONGHU, "东湖县", 1)));
    sent.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, CHENGGUAN, school(CG1, CHENGGUAN, "990111-XQ1", "城关一小", 1)));
    sent.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, CHENGGUAN, school(CG2, CHENGGUAN, "990111-XQ2", "城关二小", 2)));
    sent.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, CHENGGUAN, school(CG2, CHENGGUAN, "990111-XQ1", "城关二小", 1)));
    sent.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, DONGHU, school(DH1, DONGHU, null, "东湖中学", 1)));
    sent.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, DONGHU, school(DH2, DONGHU, "990112-XQ1", "东湖小学", 1)));
    for (String[] c : DEMO_COUNTIES) {
      sent.add(send(Topics.CITY_COUNTIES, CITY, county(c[0], c[1], 1)));
    }
    for (String[] s : DEMO_SCHOOLS) {
      sent.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, s[1], school(s[0], s[1], null, s[2], 1)));
    }
    EventEnvelope<IndicatorDefined> v2 = envelope(definition("0.60", 2));
    sent.add(send(Topics.CITY_CATALOGUE, CODE, v2));
    sent.add(send(Topics.CITY_CATALOGUE, CODE, definition("0.50", 1)));
    send(Topics.CITY_CATALOGUE, CODE, v2); // duplicate delivery, same event id
    awaitConsumed(sent);
  }

  @Test
  void showsTheLatestPublishedVersionsDespiteDuplicatesStaleVersionsAndReordering() {
    String period = "2026-2027-1";
    Published p = new Published(period);
    IndicatorSnapshotPublished cg1v1 = snapshot(CG1, period, 40, 100, 1);
    IndicatorSnapshotPublished cg1v2 = snapshot(CG1, period, 70, 100, 2);
    IndicatorSnapshotPublished cg2v1 = snapshot(CG2, period, 30, 60, 1);
    IndicatorSnapshotPublished dh1v1 = snapshot(DH1, period, 55, 100, 1);
    // the county has not caught up with CG1's correction: its latest rollup still uses CG1 v1
    CountyRollupPublished cgR1 = countyRollup(CHENGGUAN, period, 1, 2, List.of(cg1v1));
    CountyRollupPublished cgR2 = countyRollup(CHENGGUAN, period, 2, 2, List.of(cg1v1, cg2v1));
    CityRollupPublished cityR1 = cityRollup(period, 1, 2, List.of(cgR1));
    CityRollupPublished cityR2 = cityRollup(period, 2, 2, List.of(cgR2));

    p.snapshot(cg1v2);
    p.snapshot(cg1v1); // stale, after the newer one
    p.duplicate(Topics.SCHOOL_INDICATOR_SNAPSHOTS, CG2, p.snapshot(cg2v1));
    p.duplicate(Topics.SCHOOL_INDICATOR_SNAPSHOTS, DH1, p.snapshot(dh1v1));
    EventEnvelope<CountyRollupPublished> latestCounty = p.countyRollup(cgR2);
    p.countyRollup(cgR1); // stale
    p.duplicate(Topics.DISTRICT_INDICATOR_ROLLUPS, CHENGGUAN, latestCounty);
    EventEnvelope<CityRollupPublished> latestCity = p.cityRollup(cityR2);
    p.cityRollup(cityR1); // stale
    p.duplicate(Topics.CITY_INDICATOR_ROLLUPS, CITY, latestCity);
    // another period of another county must not leak into this one
    send(Topics.DISTRICT_INDICATOR_ROLLUPS, DONGHU, countyRollup(DONGHU, "2025-2026-2", 1, 2, List.of(
        snapshot(DH1, "2025-2026-2", 9, 10, 1))));
    awaitConsumed(p.eventIds);

    assertReportsShowLatest(p);

    // spelled out once, for the reader: the three tiers' own numbers, side by side
    JsonNode city = get(cityPath(period)).body();
    assertThat(city.at("/indicator/nameZh").asString()).isEqualTo("数字家长学校家长注册率 v2");
    assertThat(city.at("/indicator/target").decimalValue()).isEqualByComparingTo("0.60");
    assertThat(city.at("/city/numerator").longValue()).isEqualTo(70);
    assertThat(city.at("/city/denominator").longValue()).isEqualTo(160);
    assertThat(city.at("/city/rate").decimalValue()).isEqualByComparingTo("0.4375");
    assertThat(city.at("/city/version").longValue()).isEqualTo(2);
    assertThat(city.at("/city/name").asString()).as("the name of the latest version, not of the stale one").isEqualTo(CITY_NAME);
    assertThat(byId(city.get("counties"), CHENGGUAN).get("name").asString()).isEqualTo("城关区");
    assertThat(byId(city.get("counties"), DONGHU).get("numerator").isNull()).isTrue();
    JsonNode cg = get(countyPath(period, CHENGGUAN)).body();
    JsonNode cg1 = cg.at("/schools/0");
    assertThat(cg1.get("snapshotVersion").longValue()).isEqualTo(2);
    assertThat(cg1.get("usedInCountyRollup").longValue()).isEqualTo(1);
    assertThat(cg1.get("met").booleanValue()).isTrue();
    // 30/60 meets the stale 50 % target but not the current 60 % one
    assertThat(cg.at("/schools/1/met").booleanValue()).isFalse();
    assertThat(cg.at("/schools/1/xuequId").asString()).isEqualTo("990111-XQ2");
  }

  @Test
  void answersAreUnchangedAfterAListenerRestartMidStreamAndAReplayFromOffsetZero() throws Exception {
    String period = "2026-2027-2";
    Published p = new Published(period);
    IndicatorSnapshotPublished cg1v1 = snapshot(CG1, period, 50, 100, 1);
    IndicatorSnapshotPublished cg1v2 = snapshot(CG1, period, 65, 100, 2);
    IndicatorSnapshotPublished cg2v1 = snapshot(CG2, period, 40, 50, 1);
    IndicatorSnapshotPublished dh1v1 = snapshot(DH1, period, 20, 100, 1);
    IndicatorSnapshotPublished dh2v1 = snapshot(DH2, period, 45, 50, 1);
    CountyRollupPublished cgR1 = countyRollup(CHENGGUAN, period, 1, 2, List.of(cg1v1, cg2v1));
    CountyRollupPublished cgR2 = countyRollup(CHENGGUAN, period, 2, 2, List.of(cg1v2, cg2v1));
    CountyRollupPublished dhR1 = countyRollup(DONGHU, period, 1, 2, List.of(dh1v1, dh2v1));
    CityRollupPublished cityR1 = cityRollup(period, 1, 2, List.of(cgR1));
    CityRollupPublished cityR2 = cityRollup(period, 2, 2, List.of(cgR2, dhR1));

    p.snapshot(cg1v1);
    p.snapshot(cg2v1);
    p.snapshot(dh1v1);
    p.countyRollup(cgR1);
    p.cityRollup(cityR1);
    stopListeners(); // mid-stream: what follows arrives while the service is not consuming
    p.snapshot(cg1v2);
    p.snapshot(dh2v1);
    p.countyRollup(cgR2);
    p.countyRollup(dhR1);
    p.countyRollup(cgR1); // stale, with a new event id
    p.cityRollup(cityR2);
    p.snapshot(cg1v1); // stale
    startListeners();
    awaitConsumed(p.eventIds);
    assertReportsShowLatest(p);
    Map<String, JsonNode> before = everyAnswer(List.of("2026-2027-1", period));

    stopListeners();
    resetGroupToOffsetZero();
    startListeners();
    awaitNoLag();

    assertThat(everyAnswer(List.of("2026-2027-1", period))).isEqualTo(before);
    assertReportsShowLatest(p);
  }

  @Test
  void malformedPeriodIsABadRequestProblemNamingThePeriod() {
    Answer a = get("/api/reports/indicators/" + CODE + "/periods/2026-2028-1");

    assertProblem(a, 400, "'2026-2028-1' is not a semester");
  }

  @Test
  void unknownIndicatorIsANotFoundProblemNamingTheCode() {
    Answer a = get("/api/reports/indicators/NO_SUCH_INDICATOR/periods/2026-2027-1");

    assertProblem(a, 404, "indicator NO_SUCH_INDICATOR is not in the catalogue");
  }

  @Test
  void unknownCountyIsANotFoundProblemNamingTheCounty() {
    Answer a = get(countyPath("2026-2027-1", "990199"));

    assertProblem(a, 404, "county 990199 is not registered");
  }

  @Test
  void unknownSchoolIsANotFoundProblemNamingTheSchool() {
    // its own user (a school user always sees their school): the service says it is not registered
    Answer own = get(schoolPath("2026-2027-1", "9901999999"), Keycloak.tokenAs("school-staff", "9901999999"));
    assertProblem(own, 404, "school 9901999999 is not registered");

    // anyone else cannot tell a school that does not exist from one that is not theirs
    Answer city = get(schoolPath("2026-2027-1", "9901999999"));
    assertProblem(city, 404, "nothing found at " + schoolPath("2026-2027-1", "9901999999"));
  }

  @Test
  void malformedCountyIdIsABadRequestProblem() {
    Answer a = get(countyPath("2026-2027-1", "990101_x"));

    assertProblem(a, 400, "countyId");
  }

  @Test
  void exposesProbesMetricsAndApiDocs() {
    assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class)).contains("jvm_memory_used_bytes");
    assertThat(get("/v3/api-docs").body().at("/paths").propertyNames())
        .contains("/api/reports/indicators/{code}/periods/{periodId}/counties/{countyId}");
  }

  // ---- access: the realm's demo users against the demo units

  /** Sends with exactly the token given (none for null), bypassing the acting-by-path interceptor. */
  int statusOf(String method, String path, String body, String token) {
    return matrix.call(method, path, body, token);
  }

  @Test
  void accessMatrixEveryReportEveryRoleOwnSiblingAndOtherCounty() {
    Published p = matrixFigures();
    assertReportsShowLatest(p); // every report of the period has figures to show
    long deniedBefore = deniedAudits();
    Set<String> cityUsers = Set.of("city-staff", "city-admin");
    Set<String> countyAndCityUsers = Set.of("county-assessor", "county-admin", "city-staff", "city-admin");
    Set<String> everyone = AccessMatrix.CALLERS.keySet();
    var endpoints = List.of(
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, city -> cityPath(MATRIX_PERIOD), cityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.COUNTY, c -> countyPath(MATRIX_PERIOD, c), countyAndCityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> schoolPath(MATRIX_PERIOD, s), everyone));

    AccessMatrix.Result result = AccessMatrix.run(endpoints, this::statusOf);
    System.out.println(result.summary("reporting-service"));
    assertThat(result.failures()).as(result.summary("reporting-service")).isEmpty();

    long expectedDenials = result.cells().stream().filter(c -> !c.expected().equals("2xx")).count();
    assertThat(deniedAudits() - deniedBefore).as("every refused cell is audited").isEqualTo(expectedDenials);
  }

  @Test
  void aCountyUsersCountyReportListsOnlyTheSchoolsOfTheirOwnCounty() {
    matrixFigures();
    String path = countyPath(MATRIX_PERIOD, DEMO_OWN_COUNTY);

    Answer a = get(path, Keycloak.token("assessor-990101"));

    assertThat(a.status()).isEqualTo(200);
    JsonNode report = a.body();
    assertThat(report.at("/county/id").asString()).isEqualTo(DEMO_OWN_COUNTY);
    List<String> ofCounty = DEMO_SCHOOLS.stream().filter(s -> s[1].equals(DEMO_OWN_COUNTY)).map(s -> s[0]).toList();
    assertThat(ids(report.get("schools"))).containsExactlyElementsOf(ofCounty);
    assertThat(lineage(report.get("county"), "schoolId")).containsOnlyKeys(ofCounty);
    assertThat(report.toString()).as("nothing of the sibling county").doesNotContain(DEMO_SIBLING_COUNTY).doesNotContain("西山");
    assertThat(report).as("the same report the city sees").isEqualTo(get(path).body());
  }

  private Published matrixFigures;

  /**
   * Figures of the matrix period for every demo unit, published once: each school's snapshot,
   * each county's rollup of its schools, the city's rollup of the three counties.
   */
  private Published matrixFigures() {
    if (matrixFigures != null) {
      return matrixFigures;
    }
    Published p = new Published(MATRIX_PERIOD);
    Map<String, List<IndicatorSnapshotPublished>> byCounty = new LinkedHashMap<>();
    long n = 0;
    for (String[] s : DEMO_SCHOOLS) {
      IndicatorSnapshotPublished snapshot = snapshot(s[0], MATRIX_PERIOD, 30 + 10 * n++, 80, 1);
      p.snapshot(snapshot);
      byCounty.computeIfAbsent(s[1], c -> new ArrayList<>()).add(snapshot);
    }
    List<CountyRollupPublished> rollups = new ArrayList<>();
    for (String[] c : DEMO_COUNTIES) {
      List<IndicatorSnapshotPublished> used = byCounty.getOrDefault(c[0], List.of());
      rollups.add(countyRollup(c[0], MATRIX_PERIOD, 1, used.size(), used));
    }
    rollups.forEach(p::countyRollup);
    p.cityRollup(cityRollup(MATRIX_PERIOD, 2, DEMO_COUNTIES.size(), rollups));
    awaitConsumed(p.eventIds);
    matrixFigures = p;
    return p;
  }

  private long deniedAudits() {
    return jdbc.sql("select count(*) from audit_log where outcome = 'DENIED'").query(Long.class).single();
  }

  // ---- the expected answers, computed directly from what was sent

  /**
   * Every view of the period shows exactly the highest version sent per unit: the city's and the
   * counties' own rollups (not recomputed), and each school's latest snapshot.
   */
  private void assertReportsShowLatest(Published p) {
    Target target = currentTarget();
    Map<String, IndicatorSnapshotPublished> snapshots =
        latest(p.snapshots, IndicatorSnapshotPublished::schoolId, IndicatorSnapshotPublished::version);
    Map<String, CountyRollupPublished> countyRollups =
        latest(p.countyRollups, CountyRollupPublished::countyId, CountyRollupPublished::version);
    CityRollupPublished city =
        latest(p.cityRollups, CityRollupPublished::cityId, CityRollupPublished::version).get(CITY);
    Map<String, CountyRegistered> countyNames = latest(counties, CountyRegistered::countyId, CountyRegistered::version);
    Map<String, SchoolRegistered> registry = latest(schools, SchoolRegistered::schoolId, SchoolRegistered::version);

    JsonNode cityView = get(cityPath(p.period)).body();
    assertIndicator(cityView.get("indicator"));
    assertThat(cityView.get("periodId").asString()).isEqualTo(p.period);
    if (city == null) {
      assertThat(cityView.get("city").isNull()).isTrue();
    } else {
      JsonNode c = cityView.get("city");
      assertThat(c.get("id").asString()).isEqualTo(CITY);
      assertRollup(c, city.numerator(), city.denominator(), city.schoolsReporting(), city.schoolsExpected(),
          city.schoolsMeetingTarget(), city.version(), city.asOf(), target);
      assertThat(c.get("countiesReporting").intValue()).isEqualTo(city.countiesReporting());
      assertThat(c.get("countiesExpected").intValue()).isEqualTo(city.countiesExpected());
      assertThat(lineage(c, "countyId"))
          .isEqualTo(city.lineage().stream().collect(Collectors.toMap(
              CityRollupPublished.RollupRef::countyId, CityRollupPublished.RollupRef::version)));
    }
    assertThat(ids(cityView.get("counties"))).containsExactlyElementsOf(sorted(countyNames.keySet()));
    for (JsonNode c : cityView.get("counties")) {
      String countyId = c.get("id").asString();
      assertThat(c.get("name").asString()).isEqualTo(countyNames.get(countyId).name());
      assertCountyFigures(c, countyRollups.get(countyId), target);
      assertThat(c.has("lineage")).isFalse();
    }

    for (String countyId : countyNames.keySet()) {
      JsonNode countyView = get(countyPath(p.period, countyId)).body();
      assertIndicator(countyView.get("indicator"));
      CountyRollupPublished rollup = countyRollups.get(countyId);
      JsonNode c = countyView.get("county");
      assertThat(c.get("id").asString()).isEqualTo(countyId);
      assertCountyFigures(c, rollup, target);
      Map<String, Long> used = rollup == null ? Map.of() : rollup.lineage().stream().collect(Collectors.toMap(
          CountyRollupPublished.SnapshotRef::schoolId, CountyRollupPublished.SnapshotRef::version));
      assertThat(lineage(c, "schoolId")).isEqualTo(used);
      List<String> ofCounty = registry.values().stream()
          .filter(s -> s.countyId().equals(countyId)).map(SchoolRegistered::schoolId).sorted().toList();
      assertThat(ids(countyView.get("schools"))).containsExactlyElementsOf(ofCounty);
      for (JsonNode s : countyView.get("schools")) {
        String schoolId = s.get("id").asString();
        assertSchool(s, registry.get(schoolId), snapshots.get(schoolId), used.get(schoolId), target);

        JsonNode schoolView = get(schoolPath(p.period, schoolId)).body();
        assertIndicator(schoolView.get("indicator"));
        assertThat(schoolView.get("countyId").asString()).isEqualTo(countyId);
        assertThat(schoolView.get("school")).isEqualTo(s);
      }
    }
  }

  private void assertCountyFigures(JsonNode c, CountyRollupPublished rollup, Target target) {
    if (rollup == null) {
      for (String field : List.of("numerator", "denominator", "rate", "met", "schoolsMeetingTarget",
          "schoolsReporting", "schoolsExpected", "completeness", "version", "asOf")) {
        assertThat(c.get(field).isNull()).as(field).isTrue();
      }
      return;
    }
    assertRollup(c, rollup.numerator(), rollup.denominator(), rollup.schoolsReporting(), rollup.schoolsExpected(),
        rollup.schoolsMeetingTarget(), rollup.version(), rollup.asOf(), target);
  }

  private static void assertRollup(JsonNode n, long num, long den, int reporting, int expected, int meeting,
      long version, Instant asOf, Target target) {
    Rollup rollup = new Rollup(new Figure(num, den), reporting, expected, meeting);
    assertThat(n.get("numerator").longValue()).isEqualTo(num);
    assertThat(n.get("denominator").longValue()).isEqualTo(den);
    assertDecimal(n.get("rate"), rollup.figure().rate());
    assertThat(n.get("met").booleanValue()).isEqualTo(target.isMetBy(rollup.figure()));
    assertThat(n.get("schoolsReporting").intValue()).isEqualTo(reporting);
    assertThat(n.get("schoolsExpected").intValue()).isEqualTo(expected);
    assertThat(n.get("schoolsMeetingTarget").intValue()).isEqualTo(meeting);
    assertDecimal(n.get("completeness"), rollup.completeness());
    assertThat(n.get("version").longValue()).isEqualTo(version);
    assertThat(Instant.parse(n.get("asOf").asString())).isEqualTo(asOf);
  }

  private static void assertSchool(JsonNode s, SchoolRegistered school, IndicatorSnapshotPublished snapshot,
      Long usedInCountyRollup, Target target) {
    assertThat(s.get("name").asString()).isEqualTo(school.name());
    if (school.xuequId() == null) {
      assertThat(s.get("xuequId").isNull()).isTrue();
    } else {
      assertThat(s.get("xuequId").asString()).isEqualTo(school.xuequId());
    }
    if (usedInCountyRollup == null) {
      assertThat(s.get("usedInCountyRollup").isNull()).isTrue();
    } else {
      assertThat(s.get("usedInCountyRollup").longValue()).isEqualTo(usedInCountyRollup);
    }
    if (snapshot == null) {
      for (String field : List.of("numerator", "denominator", "rate", "met", "snapshotVersion", "asOf")) {
        assertThat(s.get(field).isNull()).as(field).isTrue();
      }
      return;
    }
    Figure figure = new Figure(snapshot.numerator(), snapshot.denominator());
    assertThat(s.get("numerator").longValue()).isEqualTo(snapshot.numerator());
    assertThat(s.get("denominator").longValue()).isEqualTo(snapshot.denominator());
    assertDecimal(s.get("rate"), figure.rate());
    assertThat(s.get("met").booleanValue()).isEqualTo(target.isMetBy(figure));
    assertThat(s.get("snapshotVersion").longValue()).isEqualTo(snapshot.version());
    assertThat(Instant.parse(s.get("asOf").asString())).isEqualTo(snapshot.asOf());
  }

  private void assertIndicator(JsonNode i) {
    IndicatorDefined d = latest(definitions, IndicatorDefined::code, IndicatorDefined::version).get(CODE);
    assertThat(i.get("code").asString()).isEqualTo(d.code());
    assertThat(i.get("nameZh").asString()).isEqualTo(d.nameZh());
    assertThat(i.get("nameEn").asString()).isEqualTo(d.nameEn());
    assertThat(i.get("kind").asString()).isEqualTo(d.kind().name());
    assertThat(i.get("comparator").asString()).isEqualTo(d.comparator().name());
    assertDecimal(i.get("target"), d.targets().getFirst().value());
  }

  private Target currentTarget() {
    IndicatorDefined d = latest(definitions, IndicatorDefined::code, IndicatorDefined::version).get(CODE);
    return new Target(d.kind(), d.targets().getFirst().value(), d.comparator());
  }

  private static void assertDecimal(JsonNode n, BigDecimal expected) {
    if (expected == null) {
      assertThat(n.isNull()).isTrue();
    } else {
      assertThat(n.decimalValue()).isEqualByComparingTo(expected);
    }
  }

  private static Map<String, Long> lineage(JsonNode unit, String idField) {
    Map<String, Long> refs = new HashMap<>();
    unit.get("lineage").forEach(ref -> refs.put(ref.get(idField).asString(), ref.get("version").longValue()));
    return refs;
  }

  private static JsonNode byId(JsonNode array, String id) {
    for (JsonNode n : array) {
      if (n.get("id").asString().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no " + id + " in " + array);
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get("id").asString()));
    return ids;
  }

  private static List<String> sorted(Collection<String> ids) {
    return ids.stream().sorted().toList();
  }

  private static <T> Map<String, T> latest(List<T> sent, Function<T, String> key, ToLongFunction<T> version) {
    return sent.stream().collect(Collectors.toMap(
        key, Function.identity(), (a, b) -> version.applyAsLong(a) >= version.applyAsLong(b) ? a : b));
  }

  /** Every answer of the API for these periods: city views, county views, school views. */
  private Map<String, JsonNode> everyAnswer(List<String> periods) {
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    for (String period : periods) {
      answers.put(cityPath(period), get(cityPath(period)).body());
      for (CountyRegistered c : counties) {
        answers.put(countyPath(period, c.countyId()), get(countyPath(period, c.countyId())).body());
      }
      for (SchoolRegistered s : schools) {
        answers.put(schoolPath(period, s.schoolId()), get(schoolPath(period, s.schoolId())).body());
      }
    }
    return answers;
  }

  // ---- Kafka plumbing

  /** What one test sent for one period; every envelope id, to know when all were consumed. */
  private final class Published {
    final String period;
    final List<UUID> eventIds = new ArrayList<>();
    final List<IndicatorSnapshotPublished> snapshots = new ArrayList<>();
    final List<CountyRollupPublished> countyRollups = new ArrayList<>();
    final List<CityRollupPublished> cityRollups = new ArrayList<>();

    Published(String period) {
      this.period = period;
    }

    EventEnvelope<IndicatorSnapshotPublished> snapshot(IndicatorSnapshotPublished s) {
      snapshots.add(s);
      return track(Topics.SCHOOL_INDICATOR_SNAPSHOTS, s.schoolId(), envelope(s));
    }

    EventEnvelope<CountyRollupPublished> countyRollup(CountyRollupPublished r) {
      countyRollups.add(r);
      return track(Topics.DISTRICT_INDICATOR_ROLLUPS, r.countyId(), envelope(r));
    }

    EventEnvelope<CityRollupPublished> cityRollup(CityRollupPublished r) {
      cityRollups.add(r);
      return track(Topics.CITY_INDICATOR_ROLLUPS, r.cityId(), envelope(r));
    }

    /** Delivers the same envelope (same event id) once more. */
    void duplicate(String topic, String key, EventEnvelope<?> envelope) {
      send(topic, key, envelope);
    }

    private <T> EventEnvelope<T> track(String topic, String key, EventEnvelope<T> envelope) {
      eventIds.add(send(topic, key, envelope));
      return envelope;
    }
  }

  private static <T> EventEnvelope<T> envelope(T payload) {
    return EventEnvelope.wrap("test", Instant.now(), payload);
  }

  private UUID send(String topic, String key, Object payload) {
    return send(topic, key, envelope(payload));
  }

  private UUID send(String topic, String key, EventEnvelope<?> envelope) {
    kafka.send(topic, key, EventCodec.encode(envelope)).join();
    return envelope.eventId();
  }

  /** Waits until every event id is in the inbox, i.e. was applied or deliberately ignored. */
  private void awaitConsumed(List<UUID> eventIds) {
    Set<UUID> expected = Set.copyOf(eventIds);
    await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql(
            "select count(distinct event_id) from inbox_event where event_id in (:ids)")
        .param("ids", expected)
        .query(Long.class)
        .single()).isEqualTo(expected.size()));
  }

  private void stopListeners() {
    LISTENERS.forEach(id -> container(id).stop());
    assertThat(LISTENERS).allSatisfy(id -> assertThat(container(id).isRunning()).isFalse());
  }

  private void startListeners() {
    LISTENERS.forEach(id -> container(id).start());
  }

  private MessageListenerContainer container(String id) {
    MessageListenerContainer container = registry.getListenerContainer(id);
    assertThat(container).as("listener container " + id).isNotNull();
    return container;
  }

  /** Rewinds the service's consumer group to offset 0 on every topic it consumes (group must be empty). */
  private void resetGroupToOffsetZero() {
    ConsumerGroups.rewindToZero(GROUP, TOPICS, WAIT);
  }

  /** Waits until the group has consumed every record of every topic it reads. */
  private void awaitNoLag() {
    assertThat(ConsumerGroups.awaitCaughtUp(GROUP, TOPICS, WAIT)).isPositive();
  }

  // ---- HTTP

  private record Answer(int status, String contentType, JsonNode body) {}

  private Answer get(String path) {
    return get(path, null);
  }

  /** A GET with this token, or with the one {@link Keycloak#actingByPath()} picks when null. */
  private Answer get(String path, String token) {
    var request = http.get().uri(path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.exchange((req, res) -> new Answer(
        res.getStatusCode().value(),
        String.valueOf(res.getHeaders().getContentType()),
        JSON.readTree(res.getBody())));
  }

  private static void assertProblem(Answer a, int status, String detailContains) {
    assertThat(a.status()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.body().get("status").intValue()).isEqualTo(status);
    assertThat(a.body().get("detail").asString()).contains(detailContains);
  }

  private static String cityPath(String period) {
    return "/api/reports/indicators/" + CODE + "/periods/" + period;
  }

  private static String countyPath(String period, String countyId) {
    return cityPath(period) + "/counties/" + countyId;
  }

  private static String schoolPath(String period, String schoolId) {
    return cityPath(period) + "/schools/" + schoolId;
  }

  // ---- fixtures: what the owning tiers would publish

  private CountyRegistered county(String countyId, String name, long version) {
    CountyRegistered c = new CountyRegistered(countyId, CITY, name, version);
    counties.add(c);
    return c;
  }

  private SchoolRegistered school(String schoolId, String countyId, String xuequId, String name, long version) {
    SchoolRegistered s = new SchoolRegistered(schoolId, countyId, xuequId, name, "PRIMARY", version);
    schools.add(s);
    return s;
  }

  private IndicatorDefined definition(String target, long version) {
    IndicatorDefined d = new IndicatorDefined(CODE, "数字家长学校家长注册率 v" + version, "Platform registration v" + version,
        IndicatorKind.RATIO, PeriodType.SEMESTER, TargetComparator.AT_LEAST, false, List.of(),
        List.of(new PeriodTarget("2024-2025-1", new BigDecimal(target))), version);
    definitions.add(d);
    return d;
  }

  private static IndicatorSnapshotPublished snapshot(String schoolId, String period, long num, long den, long version) {
    return new IndicatorSnapshotPublished(schoolId, CODE, period, num, den, version, T0.plusSeconds(60 * version));
  }

  /** A county rollup as district-service computes it: the shared arithmetic over the given snapshots. */
  private CountyRollupPublished countyRollup(
      String countyId, String period, long version, int expected, List<IndicatorSnapshotPublished> used) {
    Rollup r = Rollup.ofSchools(
        used.stream().map(s -> new Figure(s.numerator(), s.denominator())).toList(), expected, currentTarget());
    return new CountyRollupPublished(countyId, CODE, period, r.figure().numerator(), r.figure().denominator(),
        r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(), version, T0.plusSeconds(3600 * version),
        used.stream().map(s -> new CountyRollupPublished.SnapshotRef(s.schoolId(), s.version())).toList());
  }

  /** A city rollup as city-service computes it: the shared arithmetic over the given county rollups. */
  private static CityRollupPublished cityRollup(
      String period, long version, int countiesExpected, List<CountyRollupPublished> used) {
    Rollup r = Rollup.ofRollups(used.stream()
        .map(c -> new Rollup(new Figure(c.numerator(), c.denominator()), c.schoolsReporting(), c.schoolsExpected(),
            c.schoolsMeetingTarget()))
        .toList());
    return new CityRollupPublished(CITY, CODE, period, r.figure().numerator(), r.figure().denominator(),
        used.size(), countiesExpected, r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(), version,
        T0.plusSeconds(7200 * version),
        used.stream().map(c -> new CityRollupPublished.RollupRef(c.countyId(), c.version())).toList(),
        version == 1 ? null : CITY_NAME);
  }
}
