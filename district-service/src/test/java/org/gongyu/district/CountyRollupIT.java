package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.testing.TopicRecords.readAll;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
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
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.AccessMatrix.Endpoint;
import org.gongyu.testing.AccessMatrix.Level;
import org.gongyu.testing.AccessMatrix.Target;
import org.gongyu.testing.ConsumerGroups;
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
/**
 * County rollups against a real PostgreSQL and Kafka: every rollup is compared with the figure
 * computed here directly from the snapshots sent, before and after duplicates, stale versions,
 * reordering, a consumer restart and a replay from offset 0.
 */
class CountyRollupIT extends DistrictITSupport {

  @Test
  void countyRollupIsTheSumOfEachSchoolsLatestSnapshotDespiteDuplicatesStaleVersionsRestartAndReplay() throws Exception {
    String county = "990106";
    long seed = Long.getLong("gongyu.test.seed", 20251001L);
    org.slf4j.LoggerFactory.getLogger(getClass()).info("event stream seed {} (rerun with -Dgongyu.test.seed={})", seed, seed);
    Random random = new Random(seed);
    putXuequ(county, county + "-XQ1", "城东学区");
    List<String> schools = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      String school = county + String.format("%04d", i);
      schools.add(school);
      putSchool(county, school, "学校" + i, "PRIMARY", i % 2 == 0 ? county + "-XQ1" : null);
    }

    // Every school publishes 1..5 versions; the stream is shuffled, some events are redelivered
    // with the same id, some older versions are published again after newer ones.
    List<Snapshot> versions = new ArrayList<>();
    for (String school : schools) {
      int count = 1 + random.nextInt(5);
      for (int v = 1; v <= count; v++) {
        long den = 30 + random.nextInt(270);
        versions.add(Snapshot.of(school, PLATFORM, random.nextLong(den + 1), den, v));
      }
    }
    List<Snapshot> stream = new ArrayList<>(versions);
    Collections.shuffle(stream, random);
    for (int i = 0; i < 10; i++) {
      stream.add(random.nextInt(stream.size()), versions.get(random.nextInt(versions.size())));
    }
    versions.stream().filter(s -> s.version() == 1).limit(6).forEach(s -> stream.add(s.republished()));

    // First third: the rollup equals the sum of what was sent so far. Second third: the listener
    // is stopped while it works through it; the rest is sent while it is down.
    int third = stream.size() / 3;
    sendSnapshots(stream.subList(0, third));
    Expected sofar = Expected.from(stream.subList(0, third), schools.size());
    assertThat(sofar.matches(awaitRollup(county, PLATFORM, sofar::matches))).isTrue();
    sendSnapshots(stream.subList(third, 2 * third));
    MessageListenerContainer container = listeners.getListenerContainer(SNAPSHOT_LISTENER);
    container.stop();
    assertThat(container.isRunning()).isFalse();
    sendSnapshots(stream.subList(2 * third, stream.size()));
    container.start();

    Expected expected = Expected.from(versions, schools.size());
    JsonNode rollup = awaitRollup(county, PLATFORM, r -> expected.matches(r));
    long version = rollup.get("version").asLong();
    assertThat(rollup.get("rate").decimalValue()).isEqualByComparingTo(expected.rate());
    awaitOutboxDrained();
    List<CountyRollupPublished> published = rollupEvents(county, PLATFORM);
    assertThat(published.getLast().version()).isEqualTo(version);
    assertThat(expected.matches(published.getLast())).isTrue();
    assertThat(published).extracting(CountyRollupPublished::version)
        .as("one event per version, in order").isEqualTo(LongStream.rangeClosed(1, version).boxed().toList());
    assertThat(count("select count(*) from school_snapshot where school_id like '" + county + "%'")).isEqualTo(schools.size());

    // Replay the whole snapshot topic: nothing may change.
    long inboxRows = count("select count(*) from inbox_event");
    replaySnapshotTopicFromOffsetZero();
    awaitOutboxDrained();
    JsonNode after = rollup(county, PLATFORM).getBody();
    assertThat(after.get("version").asLong()).isEqualTo(version);
    assertThat(expected.matches(after)).isTrue();
    assertThat(rollupEvents(county, PLATFORM)).hasSameSizeAs(published);
    assertThat(count("select count(*) from inbox_event")).isEqualTo(inboxRows);

    // A thirteenth school is expected from now on: one more version, nothing else changes.
    putSchool(county, county + "0013", "学校13", "NINE_YEAR", null);
    JsonNode grown = awaitRollup(county, PLATFORM, r -> r.get("version").asLong() == version + 1);
    assertThat(grown.get("schoolsExpected").asInt()).isEqualTo(13);
    assertThat(grown.get("numerator").asLong()).isEqualTo(expected.numerator());
    assertThat(grown.get("completeness").decimalValue()).isEqualByComparingTo(
        java.math.BigDecimal.valueOf(expected.reporting()).divide(java.math.BigDecimal.valueOf(13), 4, java.math.RoundingMode.HALF_EVEN));
  }

  @Test
  void snapshotOfAnUnregisteredSchoolIsKeptAndRolledUpOnceTheSchoolIsRegistered() {
    String county = "990105";
    putSchool(county, "9901050001", "甲校", "PRIMARY", null);
    send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, "9901050001", Snapshot.of("9901050001", PLATFORM, 40, 100, 1).json());
    awaitRollup(county, PLATFORM, r -> r.get("version").asLong() == 1);

    send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, "9901050002", Snapshot.of("9901050002", PLATFORM, 90, 100, 3).json());
    await().atMost(PATIENCE).until(() -> count("select count(*) from school_snapshot where school_id = '9901050002'") == 1);
    assertThat(rollup(county, PLATFORM).getBody().get("version").asLong()).as("unregistered school not rolled up").isEqualTo(1);

    putSchool(county, "9901050002", "乙校", "JUNIOR_SECONDARY", null);
    JsonNode r = awaitRollup(county, PLATFORM, n -> n.get("version").asLong() == 2);
    assertThat(r.get("numerator").asLong()).isEqualTo(130);
    assertThat(r.get("denominator").asLong()).isEqualTo(200);
    assertThat(r.get("schoolsReporting").asInt()).isEqualTo(2);
    assertThat(r.get("schoolsExpected").asInt()).isEqualTo(2);
    assertThat(r.get("schoolsMeetingTarget").asInt()).isEqualTo(1);
    assertThat(lineage(r)).containsExactly("9901050001@1", "9901050002@3");
  }

  @Test
  void aChangedTargetRecomputesWhichSchoolsMeetIt() {
    String county = "990103";
    String indicator = "TARGET_UNDER_TEST";
    putSchool(county, "9901030001", "一校", "PRIMARY", null);
    putSchool(county, "9901030002", "二校", "PRIMARY", null);
    putSchool(county, "9901030003", "三校", "PRIMARY", null);
    sendSnapshots(List.of(
        Snapshot.of("9901030001", indicator, 55, 100, 1),
        Snapshot.of("9901030002", indicator, 65, 100, 1),
        Snapshot.of("9901030003", indicator, 40, 100, 1)));
    JsonNode undefined = awaitRollup(county, indicator, r -> r.get("schoolsReporting").asInt() == 3);
    assertThat(undefined.get("schoolsMeetingTarget").asInt()).as("no target known yet").isZero();
    long v = undefined.get("version").asLong();

    send(Topics.CITY_CATALOGUE, indicator, TestEvents.indicator(indicator, "0.60", 1));
    assertThat(awaitRollup(county, indicator, r -> r.get("version").asLong() == v + 1).get("schoolsMeetingTarget").asInt())
        .isEqualTo(1);

    send(Topics.CITY_CATALOGUE, indicator, TestEvents.indicator(indicator, "0.50", 2));
    assertThat(awaitRollup(county, indicator, r -> r.get("version").asLong() == v + 2).get("schoolsMeetingTarget").asInt())
        .isEqualTo(2);

    long consumed = count("select count(*) from inbox_event where consumer = 'district-service.catalogue'");
    send(Topics.CITY_CATALOGUE, indicator, TestEvents.indicator(indicator, "0.60", 1));
    await().atMost(PATIENCE).until(() -> count("select count(*) from inbox_event where consumer = 'district-service.catalogue'") == consumed + 1);
    assertThat(rollup(county, indicator).getBody().get("version").asLong()).as("stale definition ignored").isEqualTo(v + 2);
    assertThat(jdbc.sql("select (targets -> 0 ->> 'value')::numeric from indicator_definition where code = ?").param(indicator)
            .query(java.math.BigDecimal.class).single())
        .isEqualByComparingTo("0.50");
  }

  @Test
  void puttingTheSameSchoolTwiceRegistersItOnceAndAChangeMakesVersionTwo() {
    String county = "990104";
    ResponseEntity<JsonNode> first = putSchool(county, "9901040001", "城东实验小学", "PRIMARY", null);
    ResponseEntity<JsonNode> again = putSchool(county, "9901040001", "城东实验小学", "PRIMARY", null);

    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("version").asLong()).isEqualTo(1);
    assertThat(again.getBody().get("countyId").asString()).isEqualTo(county);
    awaitOutboxDrained();
    assertThat(schoolEvents("9901040001")).extracting(SchoolRegistered::version).containsExactly(1L);

    ResponseEntity<JsonNode> renamed = putSchool(county, "9901040001", "城东实验学校", "NINE_YEAR", null);
    assertThat(renamed.getStatusCode().value()).isEqualTo(200);
    assertThat(renamed.getBody().get("version").asLong()).isEqualTo(2);
    awaitOutboxDrained();
    List<SchoolRegistered> events = schoolEvents("9901040001");
    assertThat(events).extracting(SchoolRegistered::version).containsExactly(1L, 2L);
    assertThat(events.getLast().schoolType()).isEqualTo("NINE_YEAR");
    assertThat(events.getLast().name()).isEqualTo("城东实验学校");

    assertThat(putXuequ(county, "990104-XQ1", "城东学区").getStatusCode().value()).isEqualTo(201);
    assertThat(putXuequ(county, "990104-XQ1", "城东学区").getStatusCode().value()).isEqualTo(200);
    JsonNode list = get("/api/district/counties/" + county + "/xuequ").getBody();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("version").asLong()).isEqualTo(1);
    assertThat(get("/api/district/counties/" + county + "/schools/9901040001").getBody().get("name").asString())
        .isEqualTo("城东实验学校");
    assertThat(get("/api/district/counties/" + county + "/schools").getBody()).hasSize(1);
  }

  @Test
  void refusedRequestsAnswerProblemJsonAndWriteNothing() {
    String county = "990102";
    putXuequ(county, "990102-XQ1", "城西学区");
    putSchool(county, "9901020001", "城西小学", "PRIMARY", "990102-XQ1");
    putSchool("990108", "9901080001", "他县小学", "PRIMARY", null);
    awaitOutboxDrained();
    String before = registryState();

    assertProblem(putSchoolRaw("990199", "9901990001", body("某校", "PRIMARY", null)), 404, "county 990199 is not registered");
    assertProblem(putXuequRaw("990199", "990199-XQ1", "{\"name\":\"某学区\"}"), 404, "county 990199 is not registered");
    assertProblem(get("/api/district/counties/990199/schools"), 404, "county 990199 is not registered");
    assertProblem(putSchoolRaw(county, "9901080001", body("他县小学", "PRIMARY", null)), 409, "registered in county 990108");
    assertProblem(putSchoolRaw(county, "9901020002", body("新校", "PRIMARY", "990108-XQ9")), 422, "990108-XQ9");
    assertProblem(putSchoolRaw(county, "9901020001", body("城西小学", "PRIMARY", "990199-XQ1")), 422, "990199-XQ1");
    assertProblem(putSchoolRaw(county, "99010200!1", body("新校", "PRIMARY", null)), 400, "schoolId");
    assertProblem(putSchoolRaw(county, "x".repeat(41), body("新校", "PRIMARY", null)), 400, "schoolId");
    assertProblem(putSchoolRaw(county, "9901020002", body("新校", "UNIVERSITY", null)), 400, "PRIMARY");
    assertProblem(putSchoolRaw(county, "9901020002", body(" ", "PRIMARY", null)), 400, "name");
    assertProblem(putSchoolRaw(county, "9901020002", "{\"name\": \"新校\", \"schoolType\": "), 400, "not valid JSON");
    assertProblem(putXuequRaw("990108", "990102-XQ1", "{\"name\":\"抢注\"}"), 409, "belongs to county 990102");
    assertProblem(get("/api/district/counties/" + county + "/schools/9901080001"), 404, "not registered in county 990102");
    assertProblem(get("/api/district/counties/" + county + "/rollups/" + PLATFORM + "/2025-2027-1"), 400, "2025-2027-1");
    assertProblem(get("/api/district/counties/" + county + "/rollups/" + PLATFORM + "/2024-2025-2"), 404, "no rollup");

    awaitOutboxDrained();
    assertThat(registryState()).isEqualTo(before);
  }

  /**
   * Issue 16 item 2 (ADR 0022): snapshots that queued up while the consumer was down arrive in a few
   * polls; each poll recomputes the county once, so the county publishes far fewer versions than
   * snapshots, and a record that can never be applied in the middle of the burst is parked without
   * losing the snapshots before or after it.
   */
  @Test
  void aBurstOfSnapshotsIsRolledUpOncePerPollAndAPoisonRecordInItLosesNothing() {
    String county = "990108";
    List<String> schools = primarySchools(county, 30, "批量学校");
    List<Snapshot> burst = new ArrayList<>();
    for (int v = 1; v <= 2; v++) {
      for (int i = 0; i < schools.size(); i++) {
        burst.add(Snapshot.of(schools.get(i), PLATFORM, 10L * v + i, 100, v));
      }
    }
    Snapshot poison = Snapshot.of(schools.get(7), PLATFORM, -5, 100, 3);
    MessageListenerContainer container = listeners.getListenerContainer(SNAPSHOT_LISTENER);
    container.stop();
    sendSnapshots(burst.subList(0, 30));
    send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, poison.schoolId(), poison.json());
    sendSnapshots(burst.subList(30, 60));
    container.start();

    Expected expected = Expected.from(burst, schools.size());
    JsonNode rollup = awaitRollup(county, PLATFORM, expected::matches);
    assertThat(rollup.get("numerator").asLong()).isEqualTo(schools.size() * 20L + 435);
    awaitOutboxDrained();
    List<CountyRollupPublished> published = rollupEvents(county, PLATFORM);
    assertThat(published.size())
        .as("one county version per poll, not per snapshot (60 snapshots in one county)")
        .isLessThanOrEqualTo(12);
    assertThat(expected.matches(published.getLast())).isTrue();
    await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(readAll(Topics.SCHOOL_INDICATOR_SNAPSHOTS + "-dlt"))
        .extracting(ConsumerRecord::value).contains(poison.json()));
  }

  /**
   * The consumers only mark a county's rollup due; the refresher recomputes it once a round (ADR
   * 0036). Here 30 schools' first snapshots make a fresh county's rollup due, and its first
   * recompute is held on the county's lock (taken by the test) after it has read the marks; the
   * consumers meanwhile store and mark the 30 newer versions without waiting for it. Once the lock is
   * released the recompute reads every snapshot, publishes one version, and the marks counted after
   * it started make exactly one more round, which finds the same figures and publishes nothing: one
   * version for the 60 snapshots, equal to the sum of the latest.
   */
  @Test
  void snapshotsMarkedWhileARecomputeRunsAreNeitherLostNorWaitedForAndMakeOneVersion() throws Exception {
    String county = "990109";
    List<String> schools = primarySchools(county, 30, "轮次学校");
    List<Snapshot> first = new ArrayList<>();
    List<Snapshot> second = new ArrayList<>();
    for (int i = 0; i < schools.size(); i++) {
      first.add(Snapshot.of(schools.get(i), PLATFORM, 10L + i, 100, 1));
      second.add(Snapshot.of(schools.get(i), PLATFORM, 40L + i, 100, 2));
    }
    String refresherWaiting = "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
        + " and query like 'select id from county where id = % for share'";
    try (java.sql.Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      try (var st = lock.prepareStatement("select id from county where id = ? for update")) {
        st.setString(1, county);
        st.executeQuery().close();
      }
      sendSnapshots(first);
      await().atMost(PATIENCE).until(() -> count(refresherWaiting) >= 1);
      sendSnapshots(second);
      await("the consumers store and mark while the recompute waits").atMost(PATIENCE)
          .until(() -> count("select count(*) from school_snapshot where school_id like '990109%' and version = 2") == 30);
      assertThat(count("select marked - done from rollup_due where county_id = '" + county + "' and indicator_code = '" + PLATFORM + "'"))
          .as("marks not yet done").isGreaterThanOrEqualTo(2);
      assertThat(count("select count(*) from county_rollup where county_id = '" + county + "' and indicator_code = '" + PLATFORM
          + "' and version > 0"))
          .as("nothing published while the recompute waits").isZero();
      lock.commit();
    }
    Expected expected = Expected.from(second, schools.size());
    awaitRollup(county, PLATFORM, expected::matches);
    await().atMost(PATIENCE).until(() -> count("select count(*) from rollup_due where county_id = '" + county + "' and marked > done") == 0);
    awaitOutboxDrained();
    List<CountyRollupPublished> published = rollupEvents(county, PLATFORM);
    assertThat(published).as("one version for 60 snapshots").hasSize(1);
    assertThat(expected.matches(published.getFirst())).isTrue();
    assertThat(published.getFirst().version()).isEqualTo(1);
  }

  @Autowired javax.sql.DataSource dataSource;

  /** Registers {@code n} primary schools in the county, ids county + 0001.., names {@code name} + 1..; returns their ids. */
  private List<String> primarySchools(String county, int n, String name) {
    List<String> schools = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      schools.add(county + String.format("%04d", i));
      putSchool(county, schools.getLast(), name + i, "PRIMARY", null);
    }
    return schools;
  }

  /**
   * Also the business metrics (issue 18, docs/observability.md): the applied snapshot is timed as
   * the consumer's freshness and its county recomputed under {@code gongyu.rollup.recompute}, the two
   * parked records count as dead letters of the snapshot topic, and every series the dashboard and
   * the alert rules use is on /actuator/prometheus.
   */
  @Test
  void aSnapshotThatCanNeverBeAppliedGoesToTheDeadLetterTopicAndTheNextOneIsApplied() throws Exception {
    double freshBefore = freshnessCount();
    double recomputedBefore = recomputeCount();
    double parkedBefore = parkedCount();
    String county = "990107";
    putSchool(county, "9901070002", "丁校", "PRIMARY", null);
    Snapshot negative = Snapshot.of("9901070002", PLATFORM, -1, 100, 1);
    send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, "9901070002", negative.json());
    send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, "9901070002", "{\"not\": \"an envelope\"}");
    send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, "9901070002", Snapshot.of("9901070002", PLATFORM, 61, 100, 2).json());

    JsonNode r = awaitRollup(county, PLATFORM, n -> n.get("version").asLong() == 1);
    assertThat(lineage(r)).containsExactly("9901070002@2");
    await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(readAll(Topics.SCHOOL_INDICATOR_SNAPSHOTS + "-dlt"))
        .extracting(ConsumerRecord::value)
        .contains(negative.json(), "{\"not\": \"an envelope\"}"));

    assertThat(freshnessCount()).as("the applied snapshot's freshness").isGreaterThan(freshBefore);
    assertThat(recomputeCount()).as("its county rollup's recomputation").isGreaterThan(recomputedBefore);
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(parkedCount() - parkedBefore)
        .as("the negative snapshot and the record that is no envelope").isGreaterThanOrEqualTo(2));

    String scraped = http.get().uri("/actuator/prometheus").retrieve().body(String.class);
    Set<String> series = scraped.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
        .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    List<String> used = java.nio.file.Files.readAllLines(java.nio.file.Path.of("../deploy/observability/exported-series.txt"))
        .stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    assertThat(used).as("deploy/observability/exported-series.txt").isNotEmpty();
    assertThat(used.stream().filter(name -> !series.contains(name)).toList())
        .as("series of deploy/observability/exported-series.txt that district-service's /actuator/prometheus lacks").isEmpty();
    // the labels the dashboard and the alerts group by: application (every meter), consumer, topic, tier
    assertThat(scraped)
        .contains("gongyu_deadletter_records_total{application=\"district-service\",consumer=\"district-service\",topic=\""
            + Topics.SCHOOL_INDICATOR_SNAPSHOTS + "\"}")
        .contains("gongyu_freshness_seconds_count{application=\"district-service\",consumer=\"" + SNAPSHOT_LISTENER + "\"}")
        .contains("gongyu_rollup_recompute_seconds_count{application=\"district-service\",tier=\"county\"}")
        .contains("gongyu_outbox_oldest_age_seconds{application=\"district-service\"}");
  }

  @Autowired MeterRegistry meters;

  private double freshnessCount() {
    var timer = meters.find("gongyu.freshness").tag("consumer", SNAPSHOT_LISTENER).timer();
    return timer == null ? 0 : timer.count();
  }

  private double recomputeCount() {
    var timer = meters.find("gongyu.rollup.recompute").tag("tier", "county").timer();
    return timer == null ? 0 : timer.count();
  }

  private double parkedCount() {
    var counter = meters.find("gongyu.deadletter.records").tags("consumer", GROUP, "topic", Topics.SCHOOL_INDICATOR_SNAPSHOTS).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void accessMatrixEveryEndpointEveryRoleOwnSiblingAndOtherCounty() {
    String own = Level.COUNTY.id(Target.OWN);
    String sibling = Level.COUNTY.id(Target.SIBLING);
    String other = Level.COUNTY.id(Target.OTHER_COUNTY);
    String base = "/api/district/counties/";
    String rollupPath = "/rollups/" + PLATFORM + "/" + TestEvents.PERIOD;
    for (String c : List.of(own, sibling, other)) {
      // set up by each county's own admin (a demo user of the realm): a 学区, a school in it, one snapshot of it
      String admin = Keycloak.token("county-admin-" + c);
      assertThat(statusOf("PUT", base + c + "/xuequ/" + c + "-XQM", "{\"name\":\"自建学区\"}", admin)).isEqualTo(201);
      assertThat(statusOf("PUT", base + c + "/schools/" + c + "9901",
          "{\"name\":\"自建学校\",\"schoolType\":\"PRIMARY\",\"xuequId\":\"" + c + "-XQM\"}", admin)).isEqualTo(201);
      send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, c + "9901", Snapshot.of(c + "9901", PLATFORM, 45, 90, 1).json());
    }
    for (String c : List.of(own, sibling, other)) {
      await().atMost(PATIENCE).until(() -> statusOf("GET", base + c + rollupPath, null, Keycloak.token("county-admin-" + c)) == 200);
    }
    awaitOutboxDrained();
    long auditBefore = count("select coalesce(max(id), 0) from audit_log");

    Set<String> readers = Set.of("county-assessor", "county-admin", "city-staff", "city-admin");
    Set<String> countyAdmin = Set.of("county-admin");
    var endpoints = List.of(
        Endpoint.send("PUT", Level.COUNTY, c -> base + c + "/xuequ/" + c + "-XQM", "{\"name\":\"矩阵学区\"}", countyAdmin),
        Endpoint.get(Level.COUNTY, c -> base + c + "/xuequ", readers),
        Endpoint.send("PUT", Level.COUNTY, c -> base + c + "/schools/" + c + "9901",
            "{\"name\":\"矩阵学校\",\"schoolType\":\"PRIMARY\"}", countyAdmin),
        Endpoint.get(Level.COUNTY, c -> base + c + "/schools", readers),
        Endpoint.get(Level.COUNTY, c -> base + c + "/schools/" + c + "9901", readers),
        Endpoint.get(Level.COUNTY, c -> base + c + rollupPath, readers));

    AccessMatrix.Result result = AccessMatrix.run(endpoints, this::statusOf);
    System.out.println(result.summary("district-service"));
    assertThat(result.failures()).as(result.summary("district-service")).isEmpty();

    // the refused writes left the other counties exactly as their own admins left them
    for (String c : List.of(sibling, other)) {
      assertThat(schoolRow(c + "9901")).isEqualTo(c + "9901:" + c + ":" + c + "-XQM:自建学校:PRIMARY:1");
      assertThat(xuequRow(c + "-XQM")).isEqualTo(c + "-XQM:" + c + ":自建学区:1");
      assertThat(registryEventsOf(c + "9901")).isEqualTo(1);
      assertThat(statusOf("GET", base + c + "/schools/" + c + "9901", null, Keycloak.token("county-admin-" + c))).isEqualTo(200);
    }
    // the permitted ones changed the own county, once each (the same PUT again is no change)
    assertThat(schoolRow(own + "9901")).isEqualTo(own + "9901:" + own + ":-:矩阵学校:PRIMARY:2");
    assertThat(xuequRow(own + "-XQM")).isEqualTo(own + "-XQM:" + own + ":矩阵学区:2");
    awaitOutboxDrained();
    assertThat(registryEventsOf(own + "9901")).isEqualTo(2);
    assertThat(count("select count(*) from school where id like '%9901' and id <> county_id || '9901'"))
        .as("no school registered under another county's id").isZero();

    // every refused cell is audited as a denial with the status it got, and nothing else was refused
    Map<String, Long> expectedDenials = result.cells().stream().filter(c -> !c.expected().equals("2xx"))
        .collect(Collectors.groupingBy(AccessMatrix.Cell::expected, TreeMap::new, Collectors.counting()));
    // (the permitted PUTs are audited as SUCCEEDED; anything else would show here under its outcome)
    Map<String, Long> audited = new TreeMap<>(jdbc.sql("""
            select case when outcome = 'DENIED' then status::text else outcome || ' ' || status end, count(*)
            from audit_log where id > ? and outcome <> 'SUCCEEDED' group by 1""")
        .param(auditBefore)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    assertThat(audited).as("audit rows written during the matrix").isEqualTo(expectedDenials);
    assertThat(count("select count(*) from audit_log where outcome = 'DENIED' and id > " + auditBefore))
        .isEqualTo(result.cells().stream().filter(c -> !c.expected().equals("2xx")).count());
  }

  @Test
  void fieldsARequestDoesNotTakeAreRefusedAndChangeNothing() {
    String county = "990108";
    String school = "9901080002";
    putSchool(county, school, "原名学校", "PRIMARY", null);
    awaitOutboxDrained();
    String before = schoolRow(school);
    assertThat(before).isEqualTo(school + ":" + county + ":-:原名学校:PRIMARY:1");

    ResponseEntity<JsonNode> withCounty = putSchoolRaw(county, school,
        "{\"name\":\"改名学校\",\"schoolType\":\"NINE_YEAR\",\"countyId\":\"990103\"}");
    assertProblem(withCounty, 400, "'countyId'");
    ResponseEntity<JsonNode> withVersion = putSchoolRaw(county, school,
        "{\"name\":\"改名学校\",\"schoolType\":\"PRIMARY\",\"version\":99}");
    assertProblem(withVersion, 400, "'version'");
    ResponseEntity<JsonNode> xuequWithCounty = putXuequRaw(county, county + "-XQ1", "{\"name\":\"学区\",\"countyId\":\"990103\"}");
    assertProblem(xuequWithCounty, 400, "'countyId'");

    awaitOutboxDrained();
    assertThat(schoolRow(school)).isEqualTo(before);
    assertThat(registryEventsOf(school)).isEqualTo(1);
    assertThat(xuequRow(county + "-XQ1")).isNull();
    assertThat(get("/api/district/counties/990103/schools").getBody().toString()).doesNotContain(school);
    assertThat(get("/api/district/counties/" + county + "/schools/" + school).getBody().get("name").asString()).isEqualTo("原名学校");
  }

  @Test
  void exposesReadinessMetricsAndApiDocs() {
    assertThat(get("/actuator/health/readiness").getBody().get("status").asString()).isEqualTo("UP");
    assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class)).contains("gongyu_outbox_published");
    JsonNode paths = get("/v3/api-docs").getBody().get("paths");
    assertThat(paths.propertyNames()).anyMatch(p -> p.startsWith("/api/district/"));
  }

  // ---- the figure computed directly from what was sent

  record Expected(long numerator, long denominator, int reporting, int expected, int meeting, List<String> lineage) {

    static Expected from(List<Snapshot> sent, int registered) {
      Map<String, Snapshot> latest = new TreeMap<>();
      for (Snapshot s : sent) {
        latest.merge(s.schoolId(), s, (a, b) -> a.version() >= b.version() ? a : b);
      }
      long num = 0;
      long den = 0;
      int meeting = 0;
      for (Snapshot s : latest.values()) {
        num += s.numerator();
        den += s.denominator();
        meeting += s.meetsSixtyPercent() ? 1 : 0;
      }
      List<String> lineage = latest.values().stream().map(s -> s.schoolId() + "@" + s.version()).toList();
      return new Expected(num, den, latest.size(), registered, meeting, lineage);
    }

    java.math.BigDecimal rate() {
      return java.math.BigDecimal.valueOf(numerator).divide(java.math.BigDecimal.valueOf(denominator), 4, java.math.RoundingMode.HALF_EVEN);
    }

    boolean matches(JsonNode r) {
      return r.get("numerator").asLong() == numerator && r.get("denominator").asLong() == denominator
          && r.get("schoolsReporting").asInt() == reporting && r.get("schoolsExpected").asInt() == expected
          && r.get("schoolsMeetingTarget").asInt() == meeting && CountyRollupIT.lineage(r).equals(lineage);
    }

    boolean matches(CountyRollupPublished e) {
      return e.numerator() == numerator && e.denominator() == denominator && e.schoolsReporting() == reporting
          && e.schoolsExpected() == expected && e.schoolsMeetingTarget() == meeting
          && e.lineage().stream().map(l -> l.schoolId() + "@" + l.version()).toList().equals(lineage);
    }
  }

}
