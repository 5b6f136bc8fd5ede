package org.gongyu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
import org.gongyu.contracts.indicator.SmallCells;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.ConsumerGroups;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read models against a real PostgreSQL and Kafka: events in through the topics, answers out
 * through the API, every expected figure taken directly from the latest version the test sent.
 */
class ReportingIT extends ReportingITSupport {

  private static final String GROUP = "reporting-service";
  private static final List<String> LISTENERS = List.of(
      "reporting-service-counties",
      "reporting-service-school-registry",
      "reporting-service-catalogue",
      "reporting-service-indicator-snapshots",
      "reporting-service-county-rollups",
      "reporting-service-city-rollups",
      "reporting-service-sign-offs",
      "reporting-service-period-approvals");
  private static final List<String> TOPICS = List.of(
      Topics.CITY_COUNTIES,
      Topics.DISTRICT_SCHOOL_REGISTRY,
      Topics.CITY_CATALOGUE,
      Topics.SCHOOL_INDICATOR_SNAPSHOTS,
      Topics.DISTRICT_INDICATOR_ROLLUPS,
      Topics.CITY_INDICATOR_ROLLUPS,
      Topics.SCHOOL_SIGN_OFFS,
      Topics.DISTRICT_PERIOD_APPROVALS);

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
  @Autowired org.gongyu.reporting.orgunits.OrgUnitRepository orgUnits;
  @LocalServerPort int port;

  private RestClient http;
  private AccessMatrix.Client matrix;
  // shared with the module's other IT classes, whose units and indicators every list here includes
  private final List<CountyRegistered> counties = SENT_COUNTIES;
  private final List<SchoolRegistered> schools = SENT_SCHOOLS;
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
    sent.addAll(publishReportOrgAndCatalogue());
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

    // each tier's events were timed into the read model (gongyu.freshness, docs/observability.md)
    assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
        .contains("gongyu_freshness_seconds_count{application=\"reporting-service\",consumer=\"reporting-service-indicator-snapshots\"}")
        .contains("gongyu_freshness_seconds_count{application=\"reporting-service\",consumer=\"reporting-service-county-rollups\"}")
        .contains("gongyu_freshness_seconds_count{application=\"reporting-service\",consumer=\"reporting-service-city-rollups\"}");
  }

  @Test
  void aNewRollupVersionRewritesOnlyTheLineageRowsThatChangedAndDeletesOnlyThoseThatLeft() {
    String period = "2033-2034-1"; // no other test of the module's database uses it
    Published p = new Published(period);
    IndicatorSnapshotPublished cg1v1 = snapshot(CG1, period, 50, 100, 1);
    IndicatorSnapshotPublished cg1v2 = snapshot(CG1, period, 60, 100, 2);
    IndicatorSnapshotPublished cg2v1 = snapshot(CG2, period, 40, 50, 1);
    IndicatorSnapshotPublished dh1v1 = snapshot(DH1, period, 20, 100, 1);
    CountyRollupPublished cgR1 = countyRollup(CHENGGUAN, period, 1, 2, List.of(cg1v1, cg2v1));
    CountyRollupPublished dhR1 = countyRollup(DONGHU, period, 1, 2, List.of(dh1v1));
    p.countyRollup(cgR1);
    p.cityRollup(cityRollup(period, 1, 2, List.of(cgR1, dhR1)));
    awaitConsumed(p.eventIds);
    String cg2Row = xmin("county_rollup_lineage", "school_id", CG2, period);
    String donghuRow = xmin("city_rollup_lineage", "county_id", DONGHU, period);

    // CG1 moves to version 2, CG2 stays: only CG1's row is written (issue 16: no delete-and-reinsert churn)
    CountyRollupPublished cgR2 = countyRollup(CHENGGUAN, period, 2, 2, List.of(cg1v2, cg2v1));
    CountyRollupPublished cgR3 = countyRollup(CHENGGUAN, period, 3, 2, List.of(cg1v2));
    p.countyRollup(cgR2);
    p.cityRollup(cityRollup(period, 2, 2, List.of(cgR2, dhR1)));
    awaitConsumed(p.eventIds);
    assertThat(xmin("county_rollup_lineage", "school_id", CG2, period)).as("CG2's unchanged row").isEqualTo(cg2Row);
    assertThat(xmin("city_rollup_lineage", "county_id", DONGHU, period)).as("DONGHU's unchanged row").isEqualTo(donghuRow);
    String cg1Row = xmin("county_rollup_lineage", "school_id", CG1, period);

    // CG2 leaves the lineage: its row alone is deleted
    p.countyRollup(cgR3);
    awaitConsumed(p.eventIds);
    assertThat(jdbc.sql("select school_id || '@' || version from county_rollup_lineage"
            + " where indicator_code = ? and county_id = ? and period_id = ?")
        .params(CODE, CHENGGUAN, period).query(String.class).list()).containsExactly(CG1 + "@2");
    assertThat(xmin("county_rollup_lineage", "school_id", CG1, period)).isEqualTo(cg1Row);
    assertThat(jdbc.sql("select county_id || '@' || version from city_rollup_lineage"
            + " where indicator_code = ? and city_id = ? and period_id = ? order by 1")
        .params(CODE, CITY, period).query(String.class).list()).containsExactly(CHENGGUAN + "@2", DONGHU + "@1");
  }

  /** The transaction that last wrote a lineage row: unchanged while the row is not rewritten. */
  private String xmin(String table, String idColumn, String id, String period) {
    return jdbc.sql("select xmin::text from " + table + " where indicator_code = ? and " + idColumn + " = ? and period_id = ?")
        .params(CODE, id, period).query(String.class).single();
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
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> schoolPath(MATRIX_PERIOD, s), everyone),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY,
            city -> "/api/reports/periods/" + MATRIX_PERIOD + "/scorecard", cityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.COUNTY,
            c -> "/api/reports/periods/" + MATRIX_PERIOD + "/counties/" + c + "/scorecard", countyAndCityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, city -> cityPath(MATRIX_PERIOD) + "/below-target", cityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.COUNTY,
            c -> countyPath(MATRIX_PERIOD, c) + "/below-target", countyAndCityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY,
            city -> "/api/reports/indicators/" + CODE + "/trend?to=" + MATRIX_PERIOD, cityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.COUNTY,
            c -> "/api/reports/indicators/" + CODE + "/counties/" + c + "/trend?to=" + MATRIX_PERIOD, countyAndCityUsers));

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
      LocalDate first = Period.parse(p.period).start(CALENDAR);
      List<String> ofCounty = registry.values().stream()
          .filter(s -> s.countyOn(first).equals(countyId)).map(SchoolRegistered::schoolId).sorted().toList();
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

  // ==== issue 4: scorecards, below-target lists, trends, memberships, small cells
  //
  // Their own counties, schools and indicators (codes other than CODE, periods from 2027-2028 on
  // that the tests above do not use), registered in publishOrgAndCatalogue so that every test sees
  // the same org. Every expected figure is derived from what these tests sent, with the contracts'
  // arithmetic; a few literal checks spell out a rule for the reader.

  private static final String XIHU = "990113";
  private static final String BEIHU = "990114";
  private static final String XH1 = "9901130001";
  /** A kindergarten: SIX_ONES_PARTICIPATION does not apply to it. */
  private static final String XH2 = "9901130002";
  /** In XIHU until it moved to BEIHU on 2028-02-01 (start of semester 2027-2028-2). */
  private static final String MOVED = "9901130003";
  private static final String BH1 = "9901140001";
  private static final LocalDate MOVED_ON = LocalDate.of(2028, 2, 1);
  private static final String COLLECTIVE = IndicatorCodes.COLLECTIVE_SESSIONS; // COUNT per semester
  private static final String SIX_ONES = IndicatorCodes.SIX_ONES_PARTICIPATION; // RATIO per school year
  private static final String RESOURCES = IndicatorCodes.RESOURCES_RECOMMENDED; // COUNT per calendar year
  private static final String SPECIAL = IndicatorCodes.SPECIAL_CARE; // RATIO per semester, sensitive
  private static final String SUGGESTIONS = IndicatorCodes.SUGGESTIONS_RESOLVED; // RATIO per school year, no target
  private static final List<String> REPORT_CODES = List.of(COLLECTIVE, SIX_ONES, RESOURCES, SPECIAL, SUGGESTIONS);
  private static final String SEM0 = "2027-2028-1";
  private static final String SEM1 = "2028-2029-1";
  private static final String SEM2 = "2028-2029-2";
  private static final String SEM3 = "2029-2030-1";
  private static final String YEAR0 = "2027-2028";
  private static final String YEAR1 = "2028-2029";
  private static final Instant DEADLINE = Instant.parse("2028-10-31T16:00:00Z");
  private static final SchoolCalendar CALENDAR = SchoolCalendar.DEFAULT;

  private final List<IndicatorDefined> catalogue = SENT_CATALOGUE;
  private final List<IndicatorSnapshotPublished> reportSnapshots = new ArrayList<>();
  private final List<CountyRollupPublished> reportCountyRollups = new ArrayList<>();
  private final List<CityRollupPublished> reportCityRollups = new ArrayList<>();
  /** Every envelope the report tests sent, to deliver each once more. */
  private final List<Sent> reportSent = new ArrayList<>();
  private boolean reportFiguresPublished;

  private record Sent(String topic, String key, EventEnvelope<?> envelope) {}

  /** The report tests' org (a school that moved county, a kindergarten) and catalogue, with stale versions after newer ones. */
  private List<UUID> publishReportOrgAndCatalogue() {
    List<UUID> ids = new ArrayList<>();
    ids.add(send(Topics.CITY_COUNTIES, CITY, county(XIHU, "西湖区", 1)));
    ids.add(send(Topics.CITY_COUNTIES, CITY, county(BEIHU, "北湖县", 1)));
    ids.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, XIHU, registered(XH1, XIHU, "西湖一小", "PRIMARY", 1, null)));
    ids.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, XIHU, registered(XH2, XIHU, "西湖幼儿园", "KINDERGARTEN", 1, null)));
    ids.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, BEIHU, registered(MOVED, BEIHU, "湖畔小学", "PRIMARY", 2, List.of(
        new SchoolRegistered.Membership(XIHU, null, SchoolRegistered.Membership.ALWAYS),
        new SchoolRegistered.Membership(BEIHU, null, MOVED_ON)))));
    ids.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, XIHU, registered(MOVED, XIHU, "湖畔小学", "PRIMARY", 1, null))); // stale
    ids.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, BEIHU, registered(BH1, BEIHU, "北湖一小", "PRIMARY", 1, null)));
    ids.add(send(Topics.CITY_CATALOGUE, COLLECTIVE, define(COLLECTIVE, IndicatorKind.COUNT, PeriodType.SEMESTER, false,
        List.of(), 2, step("2024-2025-1", "1"), step(SEM3, "2"))));
    ids.add(send(Topics.CITY_CATALOGUE, COLLECTIVE, define(COLLECTIVE, IndicatorKind.COUNT, PeriodType.SEMESTER, false,
        List.of(), 1, step("2024-2025-1", "5")))); // stale
    ids.add(send(Topics.CITY_CATALOGUE, SIX_ONES, define(SIX_ONES, IndicatorKind.RATIO, PeriodType.SCHOOL_YEAR, false,
        List.of("PRIMARY", "JUNIOR_SECONDARY"), 1, step("2024-2025", "0.80"))));
    ids.add(send(Topics.CITY_CATALOGUE, RESOURCES, define(RESOURCES, IndicatorKind.COUNT, PeriodType.CALENDAR_YEAR, false,
        List.of(), 1, step("2024", "20"))));
    ids.add(send(Topics.CITY_CATALOGUE, SPECIAL, define(SPECIAL, IndicatorKind.RATIO, PeriodType.SEMESTER, true,
        List.of(), 1, step("2024-2025-1", "1.00"))));
    ids.add(send(Topics.CITY_CATALOGUE, SUGGESTIONS, define(SUGGESTIONS, IndicatorKind.RATIO, PeriodType.SCHOOL_YEAR, false,
        List.of(), 1, step("2024-2025", null))));
    return ids;
  }

  /** The report tests' figures, published once: snapshots, the counties' rollups of them, the city's of those. */
  private void reportFigures() {
    if (reportFiguresPublished) {
      return;
    }
    List<UUID> ids = new ArrayList<>();
    // COLLECTIVE_SESSIONS, a COUNT: target 1 session per school, 2 from 2029-2030-1
    countyOf(ids, XIHU, COLLECTIVE, SEM0, 3, null, snaps(ids, COLLECTIVE, SEM0, XH1, 2, XH2, 1, MOVED, 1));
    // sign-offs (ADR 0019): both XIHU schools signed off, one by the deadline, one approved
    var xihu1 = countyOf(ids, XIHU, COLLECTIVE, SEM1, 2, 1, new SignOffCounts(2, 1, 1),
        snaps(ids, COLLECTIVE, SEM1, XH1, 3, XH2, 0));
    IndicatorSnapshotPublished movedV1 = snapshotOf(COLLECTIVE, SEM1, MOVED, 1, 1, 1);
    track(ids, Topics.SCHOOL_INDICATOR_SNAPSHOTS, MOVED, movedV1);
    IndicatorSnapshotPublished movedV2 = snapshotOf(COLLECTIVE, SEM1, MOVED, 2, 1, 2); // a correction
    track(ids, Topics.SCHOOL_INDICATOR_SNAPSHOTS, MOVED, movedV2);
    track(ids, Topics.SCHOOL_INDICATOR_SNAPSHOTS, MOVED, movedV1); // stale, new event id
    IndicatorSnapshotPublished bh1 = snapshotOf(COLLECTIVE, SEM1, BH1, 2, 1, 1);
    track(ids, Topics.SCHOOL_INDICATOR_SNAPSHOTS, BH1, bh1);
    var beihu1v1 = rollupOf(BEIHU, COLLECTIVE, SEM1, 1, 2, null, new SignOffCounts(1, null, 0), List.of(movedV1, bh1));
    var beihu1v2 = rollupOf(BEIHU, COLLECTIVE, SEM1, 2, 2, null, new SignOffCounts(2, null, 2), List.of(movedV2, bh1));
    track(ids, Topics.DISTRICT_INDICATOR_ROLLUPS, BEIHU, beihu1v2);
    track(ids, Topics.DISTRICT_INDICATOR_ROLLUPS, BEIHU, beihu1v1); // stale, after the newer one
    cityOf(ids, COLLECTIVE, SEM1, List.of(xihu1, beihu1v2));
    cityOf(ids, COLLECTIVE, SEM2, List.of(countyOf(ids, BEIHU, COLLECTIVE, SEM2, 2, null,
        snaps(ids, COLLECTIVE, SEM2, MOVED, 1, BH1, 2))));
    cityOf(ids, COLLECTIVE, SEM3, List.of(countyOf(ids, BEIHU, COLLECTIVE, SEM3, 2, null,
        snaps(ids, COLLECTIVE, SEM3, MOVED, 1, BH1, 4))));
    // SIX_ONES_PARTICIPATION, a RATIO of the school year, not for kindergartens (XH2 reports anyway)
    countyOf(ids, XIHU, SIX_ONES, YEAR0, 1, null, snaps(ids, SIX_ONES, YEAR0, XH1, 80, 100, MOVED, 60, 100));
    var xihuY1 = countyOf(ids, XIHU, SIX_ONES, YEAR1, 1, null, snaps(ids, SIX_ONES, YEAR1, XH1, 90, 100));
    snaps(ids, SIX_ONES, YEAR1, XH2, 10, 100);
    // BEIHU's rollup carries sign-offs, XIHU's predates them: the city sums BEIHU's alone
    var beihuY1 = countyOf(ids, BEIHU, SIX_ONES, YEAR1, 2, null, new SignOffCounts(1, null, 0),
        snaps(ids, SIX_ONES, YEAR1, MOVED, 70, 100, BH1, 78, 100));
    cityOf(ids, SIX_ONES, YEAR1, List.of(xihuY1, beihuY1));
    // RESOURCES_RECOMMENDED, a COUNT of the calendar year: 2028 began while MOVED was still in XIHU
    countyOf(ids, XIHU, RESOURCES, "2028", 3, null, snaps(ids, RESOURCES, "2028", XH1, 25, MOVED, 10));
    // SPECIAL_CARE, sensitive: counts 1..4 are withheld above the school, 0 and >= 5 shown
    var xihuS1 = countyOf(ids, XIHU, SPECIAL, SEM1, 2, null, snaps(ids, SPECIAL, SEM1, XH1, 2, 3, XH2, 1, 1));
    var beihuS1 = countyOf(ids, BEIHU, SPECIAL, SEM1, 2, null, snaps(ids, SPECIAL, SEM1, MOVED, 0, 6));
    cityOf(ids, SPECIAL, SEM1, List.of(xihuS1, beihuS1));
    var xihuS2 = countyOf(ids, XIHU, SPECIAL, SEM2, 2, null, snaps(ids, SPECIAL, SEM2, XH1, 5, 6));
    var beihuS2 = countyOf(ids, BEIHU, SPECIAL, SEM2, 2, null, snaps(ids, SPECIAL, SEM2, MOVED, 6, 9));
    cityOf(ids, SPECIAL, SEM2, List.of(xihuS2, beihuS2));
    // the demo school's own small cell, for the school endpoint
    snaps(ids, SPECIAL, SEM1, AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OWN), 2, 3);
    // SUGGESTIONS_RESOLVED: no target (rising)
    countyOf(ids, XIHU, SUGGESTIONS, YEAR0, 1, null, snaps(ids, SUGGESTIONS, YEAR0, XH1, 5, 10));
    countyOf(ids, XIHU, SUGGESTIONS, YEAR1, 1, null, snaps(ids, SUGGESTIONS, YEAR1, XH1, 8, 10));
    awaitConsumed(ids);
    reportFiguresPublished = true;
  }

  @Test
  void cityScorecardShowsEveryIndicatorInItsOwnPeriodAgainstThatPeriodsTarget() {
    reportFigures();

    for (String asked : List.of(SEM0, SEM1, SEM2, SEM3, YEAR1, "2028", "2027-2030")) {
      assertCityScorecard(asked);
    }

    // spelled out once: 2028-2029-1 asks for COLLECTIVE in that semester, SIX_ONES in school year
    // 2028-2029, RESOURCES in calendar year 2028
    JsonNode sc = get("/api/reports/periods/" + SEM1 + "/scorecard").body();
    JsonNode collective = line(sc, COLLECTIVE);
    JsonNode xihu = byId(collective.get("counties"), XIHU);
    assertThat(xihu.get("value").decimalValue()).as("3 sessions over 2 schools").isEqualByComparingTo("1.5");
    assertThat(xihu.get("met").booleanValue()).as("a COUNT is met only when every school meets it").isFalse();
    assertThat(byId(collective.get("counties"), BEIHU).get("met").booleanValue()).isTrue();
    assertThat(xihu.get("timeliness").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(byId(collective.get("counties"), BEIHU).get("timeliness").isNull()).as("no deadline").isTrue();
    assertThat(collective.at("/city/timeliness").decimalValue()).as("1 on time of the 2 under a deadline")
        .isEqualByComparingTo("0.5");
    JsonNode sixOnes = line(sc, SIX_ONES);
    assertThat(sixOnes.get("periodId").asString()).isEqualTo(YEAR1);
    assertThat(byId(sixOnes.get("counties"), BEIHU).get("met").booleanValue()).as("a RATIO is met by Σnum/Σden").isFalse();
    assertThat(line(sc, RESOURCES).get("periodId").asString()).isEqualTo("2028");
    assertThat(line(sc, SUGGESTIONS).at("/city/target").isNull()).isTrue();
    assertThat(get("/api/reports/periods/" + SEM3 + "/scorecard").body().at("/indicators")).anySatisfy(l -> {
      assertThat(l.at("/indicator/code").asString()).isEqualTo(COLLECTIVE);
      assertThat(l.at("/indicator/target").decimalValue()).as("the 2029-2030-1 step").isEqualByComparingTo("2");
    });
  }

  @Test
  void signOffCompletenessAndTimelinessShowBesideTheSnapshotCountsAndARollupWithoutThemGivesNulls() {
    reportFigures();

    // 2028-2029-1: XIHU 2 of 2 signed off, 1 by the deadline, 1 approved; BEIHU's version 2 says 2 of 2
    // without a deadline, 2 approved (its stale version 1, sent after it, said 1 and 0)
    JsonNode collective = line(get("/api/reports/periods/" + SEM1 + "/scorecard").body(), COLLECTIVE);
    JsonNode xihu = byId(collective.get("counties"), XIHU).get("signOffs");
    assertThat(xihu.get("signedOff").intValue()).isEqualTo(2);
    assertThat(xihu.get("completeness").decimalValue()).isEqualByComparingTo("1");
    assertThat(xihu.get("signedOffOnTime").intValue()).isEqualTo(1);
    assertThat(xihu.get("timeliness").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(xihu.get("approved").intValue()).isEqualTo(1);
    JsonNode beihu = byId(collective.get("counties"), BEIHU).get("signOffs");
    assertThat(beihu.get("approved").intValue()).as("the newer version's count").isEqualTo(2);
    assertThat(beihu.get("timeliness").isNull()).as("no deadline").isTrue();
    JsonNode city = collective.at("/city/signOffs");
    assertThat(city.get("signedOff").intValue()).isEqualTo(4);
    assertThat(city.get("approved").intValue()).isEqualTo(3);
    assertThat(city.get("timeliness").decimalValue()).as("1 on time of the 2 under XIHU's deadline").isEqualByComparingTo("0.5");
    // the per-indicator views carry the same
    JsonNode report = get("/api/reports/indicators/" + COLLECTIVE + "/periods/" + SEM1).body();
    assertThat(report.at("/city/signOffs")).isEqualTo(city);
    assertThat(byId(report.get("counties"), XIHU).get("signOffs")).isEqualTo(xihu);
    assertThat(get("/api/reports/indicators/" + COLLECTIVE + "/periods/" + SEM1 + "/counties/" + XIHU).body()
        .at("/county/signOffs")).isEqualTo(xihu);
    // school year 2028-2029: only BEIHU's rollup counts sign-offs, so the city's are BEIHU's over all 3 schools expected
    JsonNode sixOnes = line(get("/api/reports/periods/" + SEM1 + "/scorecard").body(), SIX_ONES);
    assertThat(byId(sixOnes.get("counties"), XIHU).get("signOffs").isNull()).as("a rollup before sign-offs").isTrue();
    assertThat(sixOnes.at("/city/signOffs/signedOff").intValue()).isEqualTo(1);
    assertThat(sixOnes.at("/city/signOffs/completeness").decimalValue()).isEqualByComparingTo("0.3333");
    assertThat(sixOnes.at("/city/signOffs/timeliness").isNull()).isTrue();
    // no rollup of 2028-2029-2 carries them: null beside the snapshot counts, which are there
    JsonNode sem2 = line(get("/api/reports/periods/" + SEM2 + "/scorecard").body(), COLLECTIVE);
    assertThat(sem2.at("/city/signOffs").isNull()).isTrue();
    assertThat(sem2.at("/city/completeness").isNull()).isFalse();
    assertThat(get("/api/reports/indicators/" + COLLECTIVE + "/periods/" + SEM2 + "/counties/" + BEIHU).body()
        .at("/county/signOffs").isNull()).isTrue();
  }

  @Test
  void countyScorecardListsTheSchoolsOfEachIndicatorsPeriodWithTheirOwnFigures() {
    reportFigures();

    for (String asked : List.of(SEM0, SEM1, SEM2, SEM3)) {
      for (String county : List.of(XIHU, BEIHU)) {
        assertCountyScorecard(asked, county);
      }
    }
    JsonNode xihu = get("/api/reports/periods/" + SEM1 + "/counties/" + XIHU + "/scorecard").body();
    JsonNode kindergarten = byId(xihu.get("schools"), XH2);
    assertThat(cell(kindergarten, SIX_ONES).get("applies").booleanValue()).isFalse();
    assertThat(cell(kindergarten, SIX_ONES).get("met").isNull()).isTrue();
    assertThat(cell(kindergarten, COLLECTIVE).get("met").booleanValue()).as("0 sessions").isFalse();
  }

  @Test
  void aClosedSchoolLeavesTheCountysSchoolsOfPeriodsStartingOnOrAfterItsClosure() {
    // Issue 17 item 6 (ADR 0027): county 990676's school closed from 2027-02-20 (a semester start would do as well)
    String county = "990676";
    String school = "9906760001";
    send(Topics.DISTRICT_SCHOOL_REGISTRY, county, new SchoolRegistered(school, county, null, "撤并小学", "PRIMARY", 1));
    send(Topics.DISTRICT_SCHOOL_REGISTRY, county, new SchoolRegistered(school, county, null, "撤并小学", "PRIMARY", 2,
        List.of(new SchoolRegistered.Membership(county, null, SchoolRegistered.Membership.ALWAYS)), LocalDate.parse("2027-02-20"), null));
    await().atMost(Duration.ofSeconds(30)).until(() -> orgUnits.school(school).map(s -> s.version() == 2).orElse(false));
    assertThat(orgUnits.schoolsOf(county, LocalDate.parse("2027-02-19"))).extracting(org.gongyu.reporting.orgunits.SchoolRow::schoolId).containsExactly(school);
    assertThat(orgUnits.schoolsOf(county, LocalDate.parse("2027-02-20"))).isEmpty();
    assertThat(orgUnits.school(school, LocalDate.parse("2027-09-01"))).as("read on its own, it is still known").isPresent();
  }

  @Test
  void aMovedSchoolCountsForTheCountyItWasInOnEachPeriodsFirstDay() {
    reportFigures();

    // 2027-2028-1 began before the move: the school is XIHU's
    assertThat(ids(get("/api/reports/periods/" + SEM0 + "/counties/" + XIHU + "/scorecard").body().get("schools")))
        .contains(MOVED);
    assertThat(ids(get("/api/reports/periods/" + SEM0 + "/counties/" + BEIHU + "/scorecard").body().get("schools")))
        .doesNotContain(MOVED);
    assertThat(ids(get("/api/reports/indicators/" + COLLECTIVE + "/periods/" + SEM0 + "/counties/" + XIHU).body()
        .get("schools"))).contains(MOVED);
    // 2028-2029-1 began after it: BEIHU's, except for calendar year 2028, which began before the move
    JsonNode beihu = byId(get("/api/reports/periods/" + SEM1 + "/counties/" + BEIHU + "/scorecard").body().get("schools"), MOVED);
    assertThat(codes(beihu)).contains(COLLECTIVE, SIX_ONES).doesNotContain(RESOURCES);
    JsonNode xihu = byId(get("/api/reports/periods/" + SEM1 + "/counties/" + XIHU + "/scorecard").body().get("schools"), MOVED);
    assertThat(codes(xihu)).containsExactly(RESOURCES);
    assertThat(ids(get("/api/reports/indicators/" + COLLECTIVE + "/periods/" + SEM1 + "/counties/" + XIHU).body()
        .get("schools"))).doesNotContain(MOVED);
    assertThat(get("/api/reports/indicators/" + COLLECTIVE + "/periods/" + SEM0 + "/schools/" + MOVED).body()
        .get("countyId").asString()).isEqualTo(XIHU);
    assertThat(get("/api/reports/indicators/" + COLLECTIVE + "/periods/" + SEM1 + "/schools/" + MOVED).body()
        .get("countyId").asString()).isEqualTo(BEIHU);
  }

  @Test
  void belowTargetListsCountiesAndSchoolsLargestGapFirst() {
    reportFigures();

    for (String code : List.of(COLLECTIVE, SIX_ONES, RESOURCES, SPECIAL)) {
      IndicatorDefined d = definitionOf(code);
      for (String period : periodsSent(code)) {
        assertCityBelowTarget(d, period);
        for (String county : List.of(XIHU, BEIHU)) {
          assertCountyBelowTarget(d, period, county);
        }
      }
    }

    JsonNode sixOnes = get(belowPath(SIX_ONES, YEAR1)).body();
    assertThat(ids(sixOnes.get("counties"))).containsExactly(BEIHU);
    assertThat(ids(sixOnes.get("schools"))).as("MOVED misses by 0.10, BH1 by 0.02; the kindergarten is not judged")
        .containsExactly(MOVED, BH1);
    assertThat(sixOnes.at("/schools/0/countyId").asString()).isEqualTo(BEIHU);
    assertThat(sixOnes.at("/schools/0/gap").decimalValue()).isEqualByComparingTo("0.10");
  }

  @Test
  void belowTargetOfAnIndicatorWithoutTargetIsEmptyWithANote() {
    reportFigures();

    for (String path : List.of(belowPath(SUGGESTIONS, YEAR1),
        "/api/reports/indicators/" + SUGGESTIONS + "/periods/" + YEAR1 + "/counties/" + XIHU + "/below-target")) {
      JsonNode b = get(path).body();
      assertThat(b.get("counties")).isEmpty();
      assertThat(b.get("schools")).isEmpty();
      assertThat(b.get("note").asString()).contains("no target");
      assertThat(b.at("/indicator/target").isNull()).isTrue();
    }
  }

  @Test
  void trendGivesConsecutivePeriodsWithTheirOwnTargetsAndDirections() {
    reportFigures();

    assertTrend(COLLECTIVE, SEM3, 3, null);
    assertTrend(COLLECTIVE, SEM3, 3, BEIHU);
    assertTrend(SIX_ONES, YEAR1, 2, XIHU);
    assertTrend(SUGGESTIONS, YEAR1, 2, null);
    assertTrend(SPECIAL, SEM2, 2, null);
    assertTrend(COLLECTIVE, SEM3, null, null); // the default: 6 periods

    JsonNode beihu = seriesOf(get(trendPath(COLLECTIVE, SEM3, 3, BEIHU)).body(), BEIHU);
    assertThat(beihu.get("points").findValuesAsString("periodId")).containsExactly(SEM1, SEM2, SEM3);
    assertThat(beihu.get("points").findValuesAsString("direction"))
        .as("nothing before 2028-2029-1, then 2.0 → 1.5 → 2.5").containsExactly("", "DOWN", "UP");
    assertThat(beihu.at("/points/0/direction").isNull()).isTrue();
    assertThat(beihu.at("/points/2/target").decimalValue()).isEqualByComparingTo("2");
    assertThat(beihu.at("/points/2/met").booleanValue()).as("one of two schools held fewer than 2").isFalse();
    JsonNode rising = seriesOf(get(trendPath(SUGGESTIONS, YEAR1, 2, XIHU)).body(), XIHU);
    assertThat(rising.at("/points/1/direction").asString()).isEqualTo("UP");
    assertThat(rising.at("/points/1/met").isNull()).isTrue();
  }

  @Test
  void aCountyUsersTrendShowsOnlyTheirCounty() {
    reportFigures();
    String path = trendPath(COLLECTIVE, SEM3, 3, DEMO_OWN_COUNTY);

    Answer own = get(path, Keycloak.token("assessor-990101"));
    Answer city = get(trendPath(COLLECTIVE, SEM3, 3, null), Keycloak.token("assessor-990101"));

    assertThat(own.status()).isEqualTo(200);
    assertThat(ids(own.body().get("series"))).containsExactly(DEMO_OWN_COUNTY);
    assertThat(city.status()).isEqualTo(403);
  }

  @Test
  void sensitiveSmallCellsAreWithheldAtCountyAndCityButZeroAndFiveOrMoreAreShown() {
    reportFigures();

    JsonNode s1 = line(get("/api/reports/periods/" + SEM1 + "/scorecard").body(), SPECIAL);
    assertWithheld(byId(s1.get("counties"), XIHU)); // 3 of 4
    assertWithheld(s1.get("city")); // 3 of 10
    JsonNode beihu = byId(s1.get("counties"), BEIHU); // 0 of 6
    assertThat(beihu.get("suppressed").booleanValue()).isFalse();
    assertThat(beihu.get("numerator").longValue()).isZero();
    assertThat(beihu.get("met").booleanValue()).isFalse();
    JsonNode s2 = line(get("/api/reports/periods/" + SEM2 + "/scorecard").body(), SPECIAL);
    assertThat(byId(s2.get("counties"), XIHU).get("numerator").longValue()).as("5 of 6").isEqualTo(5);
    assertThat(s2.at("/city/numerator").longValue()).isEqualTo(11);
    // the schools of a county view, and the per-indicator views
    JsonNode xihu = get("/api/reports/periods/" + SEM1 + "/counties/" + XIHU + "/scorecard").body();
    assertWithheld(cell(byId(xihu.get("schools"), XH1), SPECIAL));
    String indicatorCity = "/api/reports/indicators/" + SPECIAL + "/periods/" + SEM1;
    assertWithheld(get(indicatorCity).body().get("city"));
    assertWithheld(byId(get(indicatorCity).body().get("counties"), XIHU));
    assertWithheld(get(indicatorCity + "/counties/" + XIHU).body().get("county"));
    assertWithheld(byId(get(indicatorCity + "/counties/" + XIHU).body().get("schools"), XH1));
    assertThat(get(indicatorCity).body().toString()).doesNotContain("\"numerator\":3,");
    // a school's own users see their exact figure; the county and the city do not
    String school = indicatorCity + "/schools/" + XH1;
    JsonNode own = get(school, Keycloak.tokenAs("school-staff", XH1)).body().get("school");
    assertThat(own.get("suppressed").booleanValue()).isFalse();
    assertThat(own.get("numerator").longValue()).isEqualTo(2);
    assertThat(own.get("denominator").longValue()).isEqualTo(3);
    assertWithheld(get(school).body().get("school"));
    // the trend withholds the same cells and gives no direction from a withheld value
    JsonNode trend = get(trendPath(SPECIAL, SEM2, 2, null)).body();
    assertWithheld(seriesOf(trend, XIHU).at("/points/0"));
    assertThat(seriesOf(trend, XIHU).at("/points/1/direction").isNull()).isTrue();
    assertThat(seriesOf(trend, BEIHU).at("/points/1/direction").asString()).as("0 → 6/9").isEqualTo("UP");
    // below target: a withheld figure is neither listed nor cleared, only counted
    JsonNode below = get(belowPath(SPECIAL, SEM1)).body();
    assertThat(ids(below.get("counties"))).containsExactly(BEIHU);
    assertThat(ids(below.get("schools"))).containsExactly(MOVED);
    assertThat(below.get("withheld").intValue()).as("XIHU; XH1, XH2 and the demo school").isEqualTo(4);
  }

  @Test
  void duplicatesStaleVersionsAndReplaysOfTheReportEventsChangeNoAnswer() {
    reportFigures();
    Map<String, JsonNode> before = reportAnswers();

    List<UUID> ids = new ArrayList<>();
    for (Sent s : List.copyOf(reportSent)) {
      send(s.topic(), s.key(), s.envelope()); // the same event again
      ids.add(send(s.topic(), s.key(), s.envelope().payload())); // a replay under a new event id
    }
    awaitConsumed(ids);

    assertThat(reportAnswers()).isEqualTo(before);
  }

  @Test
  void periodsOfAnotherTypeOrMalformedAreBadRequestsAndUnknownUnitsNotFound() {
    reportFigures();

    assertProblem(get("/api/reports/indicators/" + SIX_ONES + "/periods/" + SEM1), 400, "school year");
    assertProblem(get(belowPath(COLLECTIVE, YEAR1)), 400, "'2028-2029' is a school year");
    assertProblem(get("/api/reports/indicators/" + RESOURCES + "/periods/2028-2029-1/counties/" + XIHU), 400, "calendar year");
    assertProblem(get("/api/reports/periods/2028-2030/scorecard"), 400, "periodId");
    assertProblem(get("/api/reports/periods/2025-2028/scorecard"), 400, "not a programme cycle of this city");
    assertProblem(get("/api/reports/periods/" + SEM1 + "/counties/990199/scorecard"), 404, "county 990199 is not registered");
    assertProblem(get(trendPath(COLLECTIVE, SEM3, 13, null)), 400, "periods");
    assertProblem(get(trendPath(COLLECTIVE, SEM3, 0, null)), 400, "periods");
    assertProblem(get(trendPath(COLLECTIVE, YEAR1, 3, null)), 400, "to");
    assertProblem(get(trendPath("NO_SUCH_INDICATOR", SEM3, 3, null)), 404, "indicator NO_SUCH_INDICATOR");
    assertProblem(get(belowPath("NO_SUCH_INDICATOR", SEM1)), 404, "indicator NO_SUCH_INDICATOR");
  }

  // ---- expected answers of the report tests

  private void assertCityScorecard(String asked) {
    JsonNode sc = get("/api/reports/periods/" + asked + "/scorecard").body();
    assertThat(sc.get("periodId").asString()).isEqualTo(asked);
    LocalDate first = Period.parse(asked).start(CALENDAR);
    Map<String, CountyRegistered> countyNames = latest(counties, CountyRegistered::countyId, CountyRegistered::version);
    assertThat(sc.get("indicators").findValuesAsString("code")).containsAll(REPORT_CODES);
    for (String code : REPORT_CODES) {
      IndicatorDefined d = definitionOf(code);
      Period own = Period.containing(d.periodType(), first, CALENDAR);
      Target target = d.targetFor(own);
      JsonNode l = line(sc, code);
      assertThat(l.get("periodId").asString()).as(code).isEqualTo(own.id());
      assertDecimal(l.at("/indicator/target"), target == null ? null : target.value());
      CityRollupPublished city = latestCity(code, own.id());
      if (city == null) {
        assertThat(l.at("/city/version").isNull()).isTrue();
      } else {
        assertCell(l.get("city"), city.numerator(), city.denominator(), city.schoolsReporting(), city.schoolsExpected(),
            city.schoolsMeetingTarget(), city.version(), city.schoolsOnTime(), city.schoolsUnderDeadline(), d, target);
        assertSignOffs(l.at("/city/signOffs"), city.schoolsSignedOff(), city.schoolsSignedOffOnTime(),
            city.schoolsApproved(), city.schoolsExpected(), city.schoolsUnderDeadline());
      }
      assertThat(ids(l.get("counties"))).containsExactlyElementsOf(sorted(countyNames.keySet()));
      for (String county : List.of(XIHU, BEIHU)) {
        assertCountyCell(byId(l.get("counties"), county), latestCounty(code, own.id(), county), d, target);
      }
    }
  }

  private void assertCountyScorecard(String asked, String countyId) {
    JsonNode sc = get("/api/reports/periods/" + asked + "/counties/" + countyId + "/scorecard").body();
    LocalDate first = Period.parse(asked).start(CALENDAR);
    Map<String, SchoolRegistered> registry = latest(schools, SchoolRegistered::schoolId, SchoolRegistered::version);
    List<IndicatorDefined> every = new ArrayList<>(latest(catalogue, IndicatorDefined::code, IndicatorDefined::version).values());
    every.add(latest(definitions, IndicatorDefined::code, IndicatorDefined::version).get(CODE));
    Map<String, List<String>> expectedCells = new LinkedHashMap<>();
    for (IndicatorDefined d : every) {
      LocalDate day = Period.containing(d.periodType(), first, CALENDAR).start(CALENDAR);
      registry.values().stream().filter(s -> s.countyOn(day).equals(countyId))
          .forEach(s -> expectedCells.computeIfAbsent(s.schoolId(), id -> new ArrayList<>()).add(d.code()));
    }
    assertThat(ids(sc.get("schools"))).as(asked + " " + countyId).containsExactlyElementsOf(sorted(expectedCells.keySet()));
    for (String code : REPORT_CODES) {
      IndicatorDefined d = definitionOf(code);
      Period own = Period.containing(d.periodType(), first, CALENDAR);
      Target target = d.targetFor(own);
      JsonNode column = null;
      for (JsonNode c : sc.get("indicators")) {
        if (c.at("/indicator/code").asString().equals(code)) {
          column = c;
        }
      }
      assertThat(column).as(code).isNotNull();
      assertThat(column.get("periodId").asString()).isEqualTo(own.id());
      assertCountyCell(column.get("county"), latestCounty(code, own.id(), countyId), d, target);
      for (JsonNode school : sc.get("schools")) {
        String schoolId = school.get("id").asString();
        assertThat(codes(school)).containsExactlyInAnyOrderElementsOf(expectedCells.get(schoolId));
        if (!expectedCells.get(schoolId).contains(code)) {
          continue;
        }
        JsonNode cell = cell(school, code);
        SchoolRegistered s = registry.get(schoolId);
        boolean applies = d.appliesTo(s.schoolType());
        assertThat(cell.get("applies").booleanValue()).isEqualTo(applies);
        assertThat(cell.get("periodId").asString()).isEqualTo(own.id());
        IndicatorSnapshotPublished snap = latestSnapshot(code, own.id(), schoolId);
        if (snap == null) {
          assertThat(cell.get("version").isNull()).isTrue();
          continue;
        }
        assertThat(cell.get("version").longValue()).isEqualTo(snap.version());
        assertThat(Instant.parse(cell.get("asOf").asString())).isEqualTo(snap.asOf());
        Figure f = new Figure(snap.numerator(), snap.denominator());
        if (SmallCells.suppressed(d.sensitive(), f.numerator(), f.denominator())) {
          assertWithheld(cell);
          continue;
        }
        assertThat(cell.get("numerator").longValue()).isEqualTo(f.numerator());
        assertThat(cell.get("denominator").longValue()).isEqualTo(f.denominator());
        assertDecimal(cell.get("value"), f.rate());
        assertBoolean(cell.get("met"), target == null || !applies ? null : target.isMetBy(f));
      }
    }
  }

  private void assertCountyCell(JsonNode c, CountyRollupPublished r, IndicatorDefined d, Target target) {
    if (r == null) {
      assertThat(c.get("version").isNull()).isTrue();
      assertThat(c.get("numerator").isNull()).isTrue();
      return;
    }
    assertCell(c, r.numerator(), r.denominator(), r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(),
        r.version(), r.schoolsOnTime(), r.schoolsOnTime() == null ? null : r.schoolsExpected(), d, target);
    assertSignOffs(c.get("signOffs"), r.schoolsSignedOff(), r.schoolsSignedOffOnTime(), r.schoolsApproved(),
        r.schoolsExpected(), r.schoolsExpected());
  }

  /**
   * A unit's sign-offs as its latest rollup counts them, rated as district- and city-service rate
   * them: completeness over the schools expected, timeliness over {@code timelinessBase} (a
   * county's schools expected, the city's schools under a deadline); the whole object null for a
   * rollup without sign-off counts.
   */
  private static void assertSignOffs(JsonNode s, Integer signedOff, Integer onTime, Integer approved, int expected,
      Integer timelinessBase) {
    if (signedOff == null) {
      assertThat(s.isNull()).as("a rollup published before sign-offs: " + s).isTrue();
      return;
    }
    assertThat(s.get("signedOff").intValue()).isEqualTo(signedOff);
    assertThat(s.get("approved").isNull() ? null : s.get("approved").intValue()).isEqualTo(approved);
    assertDecimal(s.get("completeness"), new Figure(signedOff, expected).rate());
    if (onTime == null) {
      assertThat(s.get("signedOffOnTime").isNull()).isTrue();
      assertThat(s.get("timeliness").isNull()).isTrue();
    } else {
      assertThat(s.get("signedOffOnTime").intValue()).isEqualTo(onTime);
      assertDecimal(s.get("timeliness"), new Figure(onTime, timelinessBase).rate());
    }
  }

  private static void assertCell(JsonNode c, long num, long den, int reporting, int expected, int meeting, long version,
      Integer onTime, Integer underDeadline, IndicatorDefined d, Target target) {
    Rollup r = new Rollup(new Figure(num, den), reporting, expected, meeting);
    assertThat(c.get("version").longValue()).isEqualTo(version);
    assertThat(c.get("schoolsReporting").intValue()).isEqualTo(reporting);
    assertThat(c.get("schoolsExpected").intValue()).isEqualTo(expected);
    assertThat(c.get("schoolsMeetingTarget").intValue()).isEqualTo(meeting);
    assertDecimal(c.get("completeness"), r.completeness());
    assertDecimal(c.get("target"), target == null ? null : target.value());
    if (onTime == null) {
      assertThat(c.get("schoolsOnTime").isNull()).isTrue();
      assertThat(c.get("timeliness").isNull()).isTrue();
    } else {
      assertThat(c.get("schoolsOnTime").intValue()).isEqualTo(onTime);
      assertThat(c.get("schoolsUnderDeadline").intValue()).isEqualTo(underDeadline);
      assertDecimal(c.get("timeliness"), BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(underDeadline), 4, RoundingMode.HALF_EVEN));
    }
    if (SmallCells.suppressed(d.sensitive(), num, den)) {
      assertWithheld(c);
      return;
    }
    assertThat(c.get("suppressed").booleanValue()).isFalse();
    assertThat(c.get("numerator").longValue()).isEqualTo(num);
    assertThat(c.get("denominator").longValue()).isEqualTo(den);
    assertDecimal(c.get("value"), r.figure().rate());
    assertBoolean(c.get("met"), r.meets(target));
  }

  private void assertCityBelowTarget(IndicatorDefined d, String period) {
    Target target = d.targetFor(Period.parse(period));
    JsonNode b = get(belowPath(d.code(), period)).body();
    LocalDate first = Period.parse(period).start(CALENDAR);
    Map<String, SchoolRegistered> registry = latest(schools, SchoolRegistered::schoolId, SchoolRegistered::version);
    int withheld = 0;
    List<String> countiesBelow = new ArrayList<>();
    Map<String, CountyRegistered> countyNames = latest(counties, CountyRegistered::countyId, CountyRegistered::version);
    for (String county : countyNames.keySet()) {
      CountyRollupPublished r = latestCounty(d.code(), period, county);
      if (r == null) {
        continue;
      }
      if (SmallCells.suppressed(d.sensitive(), r.numerator(), r.denominator())) {
        withheld++;
      } else if (!new Rollup(new Figure(r.numerator(), r.denominator()), r.schoolsReporting(), r.schoolsExpected(),
          r.schoolsMeetingTarget()).meets(target)) {
        countiesBelow.add(county);
      }
    }
    List<IndicatorSnapshotPublished> schoolsBelow = new ArrayList<>();
    for (IndicatorSnapshotPublished s : latest(reportSnapshots.stream()
        .filter(x -> x.indicatorCode().equals(d.code()) && x.periodId().equals(period)).toList(),
        IndicatorSnapshotPublished::schoolId, IndicatorSnapshotPublished::version).values()) {
      if (!d.appliesTo(registry.get(s.schoolId()).schoolType())) {
        continue;
      }
      if (SmallCells.suppressed(d.sensitive(), s.numerator(), s.denominator())) {
        withheld++;
      } else if (!target.isMetBy(new Figure(s.numerator(), s.denominator()))) {
        schoolsBelow.add(s);
      }
    }
    assertThat(ids(b.get("counties"))).as(d.code() + " " + period).containsExactlyInAnyOrderElementsOf(countiesBelow);
    assertThat(ids(b.get("schools"))).containsExactlyInAnyOrderElementsOf(
        schoolsBelow.stream().map(IndicatorSnapshotPublished::schoolId).toList());
    assertThat(b.get("withheld").intValue()).isEqualTo(withheld);
    for (JsonNode s : b.get("schools")) {
      assertThat(s.get("countyId").asString()).isEqualTo(registry.get(s.get("id").asString()).countyOn(first));
    }
    assertLargestGapFirst(b.get("counties"));
    assertLargestGapFirst(b.get("schools"));
  }

  private void assertCountyBelowTarget(IndicatorDefined d, String period, String countyId) {
    JsonNode b = get("/api/reports/indicators/" + d.code() + "/periods/" + period + "/counties/" + countyId + "/below-target").body();
    LocalDate first = Period.parse(period).start(CALENDAR);
    Map<String, SchoolRegistered> registry = latest(schools, SchoolRegistered::schoolId, SchoolRegistered::version);
    JsonNode city = get(belowPath(d.code(), period)).body();
    List<String> expected = new ArrayList<>();
    for (JsonNode s : city.get("schools")) {
      if (registry.get(s.get("id").asString()).countyOn(first).equals(countyId)) {
        expected.add(s.get("id").asString());
      }
    }
    assertThat(b.get("counties")).isEmpty();
    assertThat(ids(b.get("schools"))).as("the city's list, of this county").containsExactlyElementsOf(expected);
  }

  private static void assertLargestGapFirst(JsonNode list) {
    BigDecimal previous = null;
    for (JsonNode n : list) {
      BigDecimal gap = n.get("gap").isNull() ? null : n.get("gap").decimalValue();
      assertThat(gap).isNotNull().isPositive();
      if (previous != null) {
        assertThat(gap).isLessThanOrEqualTo(previous);
      }
      previous = gap;
    }
  }

  /** countyId null: the city's trend (the city and every county); else that county's. */
  private void assertTrend(String code, String to, Integer periods, String countyId) {
    IndicatorDefined d = definitionOf(code);
    JsonNode t = get(trendPath(code, to, periods, countyId)).body();
    int n = periods == null ? 6 : periods;
    List<Period> window = new ArrayList<>();
    Period p = Period.parse(to);
    for (int i = 0; i <= n; i++) {
      window.addFirst(p);
      p = p.previous();
    }
    assertThat(strings(t.get("periods")))
        .containsExactlyElementsOf(window.subList(1, window.size()).stream().map(Period::id).toList());
    Map<String, CountyRegistered> countyNames = latest(counties, CountyRegistered::countyId, CountyRegistered::version);
    List<String> units = countyId == null ? new ArrayList<>(sorted(countyNames.keySet())) : List.of(countyId);
    assertThat(t.get("series").findValuesAsString("level"))
        .containsExactlyElementsOf(countyId == null ? concat("CITY", units.stream().map(u -> "COUNTY").toList())
            : List.of("COUNTY"));
    for (JsonNode series : t.get("series")) {
      String unit = series.get("level").asString().equals("CITY") ? null : series.get("id").asString();
      BigDecimal previous = null;
      for (int i = 0; i < window.size(); i++) {
        Period period = window.get(i);
        Figure f = null;
        Rollup r = null;
        if (unit == null) {
          CityRollupPublished c = latestCity(code, period.id());
          if (c != null) {
            f = new Figure(c.numerator(), c.denominator());
            r = new Rollup(f, c.schoolsReporting(), c.schoolsExpected(), c.schoolsMeetingTarget());
          }
        } else {
          CountyRollupPublished c = latestCounty(code, period.id(), unit);
          if (c != null) {
            f = new Figure(c.numerator(), c.denominator());
            r = new Rollup(f, c.schoolsReporting(), c.schoolsExpected(), c.schoolsMeetingTarget());
          }
        }
        boolean withheld = f != null && SmallCells.suppressed(d.sensitive(), f.numerator(), f.denominator());
        BigDecimal value = f == null || withheld ? null : f.rate();
        if (i > 0) {
          JsonNode point = series.get("points").get(i - 1);
          Target target = d.targetFor(period);
          assertThat(point.get("periodId").asString()).isEqualTo(period.id());
          assertDecimal(point.get("target"), target == null ? null : target.value());
          assertThat(point.get("suppressed").booleanValue()).isEqualTo(withheld);
          assertDecimal(point.get("value"), value);
          assertBoolean(point.get("met"), r == null || withheld ? null : r.meets(target));
          assertDecimal(point.get("completeness"), r == null ? null : r.completeness());
          String direction = previous == null || value == null ? null
              : value.compareTo(previous) > 0 ? "UP" : value.compareTo(previous) < 0 ? "DOWN" : "SAME";
          if (direction == null) {
            assertThat(point.get("direction").isNull()).isTrue();
          } else {
            assertThat(point.get("direction").asString()).isEqualTo(direction);
          }
        }
        previous = value;
      }
    }
  }

  private static void assertWithheld(JsonNode n) {
    assertThat(n.get("suppressed").booleanValue()).as(n.toString()).isTrue();
    for (String field : List.of("numerator", "denominator", "met")) {
      assertThat(n.get(field).isNull()).as(field).isTrue();
    }
    assertThat(n.has("value") ? n.get("value").isNull() : n.get("rate").isNull()).isTrue();
  }

  private static void assertBoolean(JsonNode n, Boolean expected) {
    if (expected == null) {
      assertThat(n.isNull()).isTrue();
    } else {
      assertThat(n.booleanValue()).isEqualTo(expected);
    }
  }

  /** Every answer of the report endpoints over the report tests' periods and units. */
  private Map<String, JsonNode> reportAnswers() {
    List<String> paths = new ArrayList<>();
    for (String period : List.of(SEM0, SEM1, SEM2, SEM3, YEAR0, YEAR1, "2028")) {
      paths.add("/api/reports/periods/" + period + "/scorecard");
      for (String county : List.of(XIHU, BEIHU)) {
        paths.add("/api/reports/periods/" + period + "/counties/" + county + "/scorecard");
      }
    }
    for (String code : REPORT_CODES) {
      for (String period : periodsSent(code)) {
        String base = "/api/reports/indicators/" + code + "/periods/" + period;
        paths.add(base);
        paths.add(base + "/below-target");
        for (String county : List.of(XIHU, BEIHU)) {
          paths.add(base + "/counties/" + county);
          paths.add(base + "/counties/" + county + "/below-target");
        }
        for (String school : List.of(XH1, XH2, MOVED, BH1)) {
          paths.add(base + "/schools/" + school);
        }
        paths.add(trendPath(code, period, 3, null));
      }
    }
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    for (String path : paths) {
      Answer a = get(path);
      assertThat(a.status()).as(path).isEqualTo(200);
      answers.put(path, a.body());
    }
    return answers;
  }

  private List<String> periodsSent(String code) {
    return reportCountyRollups.stream().filter(r -> r.indicatorCode().equals(code))
        .map(CountyRollupPublished::periodId).distinct().sorted().toList();
  }

  private IndicatorDefined definitionOf(String code) {
    return latest(catalogue, IndicatorDefined::code, IndicatorDefined::version).get(code);
  }

  private CountyRollupPublished latestCounty(String code, String period, String county) {
    return reportCountyRollups.stream()
        .filter(r -> r.indicatorCode().equals(code) && r.periodId().equals(period) && r.countyId().equals(county))
        .max(Comparator.comparingLong(CountyRollupPublished::version)).orElse(null);
  }

  private CityRollupPublished latestCity(String code, String period) {
    return reportCityRollups.stream()
        .filter(r -> r.indicatorCode().equals(code) && r.periodId().equals(period))
        .max(Comparator.comparingLong(CityRollupPublished::version)).orElse(null);
  }

  private IndicatorSnapshotPublished latestSnapshot(String code, String period, String school) {
    return reportSnapshots.stream()
        .filter(s -> s.indicatorCode().equals(code) && s.periodId().equals(period) && s.schoolId().equals(school))
        .max(Comparator.comparingLong(IndicatorSnapshotPublished::version)).orElse(null);
  }

  private static JsonNode line(JsonNode scorecard, String code) {
    for (JsonNode l : scorecard.get("indicators")) {
      if (l.at("/indicator/code").asString().equals(code)) {
        return l;
      }
    }
    throw new AssertionError("no " + code + " in " + scorecard);
  }

  private static JsonNode cell(JsonNode school, String code) {
    for (JsonNode c : school.get("cells")) {
      if (c.get("code").asString().equals(code)) {
        return c;
      }
    }
    throw new AssertionError("no " + code + " in " + school);
  }

  private static List<String> codes(JsonNode school) {
    return school.get("cells").findValuesAsString("code");
  }

  private static JsonNode seriesOf(JsonNode trend, String id) {
    return byId(trend.get("series"), id);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  private static String belowPath(String code, String period) {
    return "/api/reports/indicators/" + code + "/periods/" + period + "/below-target";
  }

  private static String trendPath(String code, String to, Integer periods, String countyId) {
    return "/api/reports/indicators/" + code + (countyId == null ? "" : "/counties/" + countyId) + "/trend?to=" + to
        + (periods == null ? "" : "&periods=" + periods);
  }

  // ---- fixtures of the report tests

  private SchoolRegistered registered(String schoolId, String countyId, String name, String type, long version,
      List<SchoolRegistered.Membership> memberships) {
    SchoolRegistered s = new SchoolRegistered(schoolId, countyId, null, name, type, version, memberships);
    schools.add(s);
    return s;
  }

  private IndicatorDefined define(String code, IndicatorKind kind, PeriodType type, boolean sensitive,
      List<String> schoolTypes, long version, PeriodTarget... steps) {
    IndicatorDefined d = new IndicatorDefined(code, code + " v" + version, code + " v" + version, kind, type,
        TargetComparator.AT_LEAST, sensitive, schoolTypes, List.of(steps), version);
    catalogue.add(d);
    return d;
  }

  private static PeriodTarget step(String from, String value) {
    return new PeriodTarget(from, value == null ? null : new BigDecimal(value));
  }

  private static IndicatorSnapshotPublished snapshotOf(String code, String period, String school, long num, long den, long version) {
    return new IndicatorSnapshotPublished(school, code, period, num, den, version, T0.plusSeconds(60 * version));
  }

  /**
   * Snapshots (version 1) from (school, numerator) pairs for COUNT indicators (denominator 1), or
   * (school, numerator, denominator) triples otherwise; published and returned.
   */
  private List<IndicatorSnapshotPublished> snaps(List<UUID> ids, String code, String period, Object... figures) {
    boolean count = definitionOf(code).kind() == IndicatorKind.COUNT;
    int stride = count ? 2 : 3;
    List<IndicatorSnapshotPublished> out = new ArrayList<>();
    for (int i = 0; i < figures.length; i += stride) {
      String school = (String) figures[i];
      long num = ((Number) figures[i + 1]).longValue();
      long den = count ? 1 : ((Number) figures[i + 2]).longValue();
      IndicatorSnapshotPublished s = snapshotOf(code, period, school, num, den, 1);
      track(ids, Topics.SCHOOL_INDICATOR_SNAPSHOTS, school, s);
      out.add(s);
    }
    return out;
  }

  /** A county rollup (version 1) of these snapshots, without sign-off counts (as before sign-offs), published and returned. */
  private CountyRollupPublished countyOf(List<UUID> ids, String county, String code, String period, int expected,
      Integer onTime, List<IndicatorSnapshotPublished> used) {
    return countyOf(ids, county, code, period, expected, onTime, SignOffCounts.NONE, used);
  }

  /** A county rollup (version 1) of these snapshots with these sign-off counts, published and returned. */
  private CountyRollupPublished countyOf(List<UUID> ids, String county, String code, String period, int expected,
      Integer onTime, SignOffCounts signOffs, List<IndicatorSnapshotPublished> used) {
    CountyRollupPublished r = rollupOf(county, code, period, 1, expected, onTime, signOffs, used);
    track(ids, Topics.DISTRICT_INDICATOR_ROLLUPS, county, r);
    return r;
  }

  /** What district-service counts of a period's sign-offs (all null: a rollup published before sign-offs existed). */
  private record SignOffCounts(Integer signedOff, Integer onTime, Integer approved) {
    static final SignOffCounts NONE = new SignOffCounts(null, null, null);
  }

  /**
   * A county rollup as district-service computes it: the shared arithmetic over the snapshots and
   * the period's target; {@code onTime} (schools whose first snapshot was made by the county's
   * deadline) null while the county set no deadline.
   */
  private CountyRollupPublished rollupOf(String county, String code, String period, long version, int expected,
      Integer onTime, SignOffCounts signOffs, List<IndicatorSnapshotPublished> used) {
    Target target = definitionOf(code).targetFor(Period.parse(period));
    Rollup r = Rollup.ofSchools(used.stream().map(s -> new Figure(s.numerator(), s.denominator())).toList(), expected, target);
    return new CountyRollupPublished(county, code, period, r.figure().numerator(), r.figure().denominator(),
        r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(), version, T0.plusSeconds(3600 * version),
        used.stream().map(s -> new CountyRollupPublished.SnapshotRef(s.schoolId(), s.version())).toList(),
        onTime, onTime == null ? null : DEADLINE, signOffs.signedOff(), signOffs.onTime(), signOffs.approved());
  }

  /** A city rollup (version 1) of these county rollups as city-service computes it, published. */
  private void cityOf(List<UUID> ids, String code, String period, List<CountyRollupPublished> used) {
    Rollup r = Rollup.ofRollups(used.stream()
        .map(c -> new Rollup(new Figure(c.numerator(), c.denominator()), c.schoolsReporting(), c.schoolsExpected(),
            c.schoolsMeetingTarget()))
        .toList());
    List<CountyRollupPublished> withDeadline = used.stream().filter(c -> c.schoolsOnTime() != null).toList();
    CityRollupPublished c = new CityRollupPublished(CITY, code, period, r.figure().numerator(), r.figure().denominator(),
        used.size(), 2, r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(), 1, T0.plusSeconds(7200),
        used.stream().map(x -> new CityRollupPublished.RollupRef(x.countyId(), x.version())).toList(), CITY_NAME,
        withDeadline.isEmpty() ? null : withDeadline.stream().mapToInt(CountyRollupPublished::schoolsOnTime).sum(),
        withDeadline.isEmpty() ? null : withDeadline.stream().mapToInt(CountyRollupPublished::schoolsExpected).sum(),
        sumOrNull(used, CountyRollupPublished::schoolsSignedOff), sumOrNull(used, CountyRollupPublished::schoolsSignedOffOnTime),
        sumOrNull(used, CountyRollupPublished::schoolsApproved));
    track(ids, Topics.CITY_INDICATOR_ROLLUPS, CITY, c);
  }

  /** The city's sum of a count over the counties whose rollups carry it; null when none does. */
  private static Integer sumOrNull(List<CountyRollupPublished> used, Function<CountyRollupPublished, Integer> count) {
    List<Integer> carried = used.stream().map(count).filter(java.util.Objects::nonNull).toList();
    return carried.isEmpty() ? null : carried.stream().mapToInt(Integer::intValue).sum();
  }

  private void track(List<UUID> ids, String topic, String key, Object payload) {
    switch (payload) {
      case IndicatorSnapshotPublished s -> reportSnapshots.add(s);
      case CountyRollupPublished r -> reportCountyRollups.add(r);
      case CityRollupPublished r -> reportCityRollups.add(r);
      default -> throw new IllegalArgumentException(payload.toString());
    }
    EventEnvelope<?> envelope = envelope(payload);
    reportSent.add(new Sent(topic, key, envelope));
    ids.add(send(topic, key, envelope));
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
