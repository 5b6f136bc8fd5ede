package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {

  @Test
  void percentilesPickTheNearestRank() {
    double[] sorted = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    assertThat(Bench.pct(sorted, 50)).isEqualTo(0.5);
    assertThat(Bench.pct(sorted, 99)).isEqualTo(1.0);
    assertThat(Bench.pct(new double[] {7}, 50)).isEqualTo(7);
  }

  @Test
  void whatARunLandsInIsTheCountysRegisteredStudentsInAllAndPerSchool() {
    // the same total over 20 or 500 schools: a school's share of the key indexes 25 times apart (stop 38)
    assertThat(Bench.behind("990199", 7_110_000, 20))
        .isEqualTo("bench: county 990199 counts 7,110,000 registered students before the timed part, 355,500 a school");
    assertThat(Bench.behind("990195", 7_100_000, 500)).endsWith("7,100,000 registered students before the timed part, 14,200 a school");
    assertThat(Bench.behind("990195", 0, 500)).endsWith(" 0 registered students before the timed part, 0 a school");
  }

  @Test
  void theWarmUpsBatchesAndTheTimedOnesTogetherFitTheClassesTheBenchmarkEnrols() {
    // a class enrols 5,000 students and the school refuses a batch that registers more
    for (int[] run : new int[][] {{2000, 300, 50, 20}, {0, 400, 50, 20}, {500, 40, 5000, 2}, {3000, 1000, 50, 5}}) {
      int warmup = run[0], batches = run[1], size = run[2], schools = run[3];
      int classes = Bench.classesPerSchool(warmup + batches, size, schools);
      Map<String, Integer> perClass = new HashMap<>();
      for (int b = 0; b < warmup + batches; b++) {
        perClass.merge((b % schools) + "/" + Bench.classOf(b, schools, classes), size, Integer::sum);
      }
      assertThat(perClass.values()).as("registrations per class, %s", Arrays.toString(run)).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(5000));
    }
    assertThat(Bench.classesPerSchool(2300, 50, 20)).as("the warm-up counts").isEqualTo(2);
    assertThat(Bench.classesPerSchool(300, 50, 20)).isEqualTo(1);
  }

  @Test
  void postgresActivityBetweenTwoReadingsIsTheShareOfCachedReadsAndTheWalPerBatch() {
    PostgresActivity before = new PostgresActivity(1_000, 100, 5L << 30, 900L << 20, 128L << 20, 40, 30, 1L << 30);
    PostgresActivity after = new PostgresActivity(1_950, 150, (5L << 30) + 20 * 1024 * 288, 1200L << 20, 128L << 20, 43, 32,
        1L << 30);
    assertThat(PostgresActivity.hitPercent(before, after)).isEqualTo(95.0);
    assertThat(PostgresActivity.walKbPerBatch(before, after, 20)).isEqualTo(288.0);
    assertThat(PostgresActivity.describe(before, after, 20)).contains("95.0 % of block reads from shared buffers",
        "(3 per batch from outside them)", "288 KB of WAL per batch", "3 checkpoints (2 requested: the WAL passed max_wal_size, 1,024 MB,",
        "hold 1,200 MB against 128 MB of shared_buffers");
    assertThat(PostgresActivity.hitPercent(before, before)).as("nothing read").isNaN();
  }

  @Test
  void theGatewaysShareOfABatchIsTheDifferenceOfTheTwoServersMeans() {
    String gateway = """
        # TYPE http_server_requests_seconds summary
        http_server_requests_seconds_count{application="gateway",error="none",exception="none",method="POST",outcome="SUCCESS",status="200",uri="UNKNOWN"} %d
        http_server_requests_seconds_sum{application="gateway",error="none",exception="none",method="POST",outcome="SUCCESS",status="200",uri="UNKNOWN"} %s
        http_server_requests_seconds_count{application="gateway",error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="UNKNOWN"} 900
        http_server_requests_seconds_sum{application="gateway",error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="UNKNOWN"} 9.5
        """;
    String school = """
        http_server_requests_seconds_count{application="school-service",error="none",exception="none",method="POST",outcome="SUCCESS",status="200",uri="/api/school/schools/{schoolId}/platform-registrations"} %d
        http_server_requests_seconds_sum{application="school-service",error="none",exception="none",method="POST",outcome="SUCCESS",status="200",uri="/api/school/schools/{schoolId}/platform-registrations"} %s
        http_server_requests_seconds_count{application="school-service",error="none",exception="none",method="POST",outcome="CLIENT_ERROR",status="409",uri="/api/school/schools/{schoolId}/platform-registrations"} 7
        http_server_requests_seconds_count{application="school-service",error="none",exception="none",method="POST",outcome="SUCCESS",status="200",uri="/api/school/schools/{schoolId}/platform-learning"} 40
        http_server_requests_seconds_sum{application="school-service",error="none",exception="none",method="POST",outcome="SUCCESS",status="200",uri="/api/school/schools/{schoolId}/platform-learning"} 80.0
        """;
    ServerTimes before = ServerTimes.parse(gateway.formatted(100, "2.0"), school.formatted(100, "1.5"), "platform-registrations");
    ServerTimes after = ServerTimes.parse(gateway.formatted(400, "8.9"), school.formatted(400, "6.6"), "platform-registrations");
    assertThat(before).isEqualTo(new ServerTimes(100, 2.0, 100, 1.5));
    assertThat(ServerTimes.gatewayMillis(before, after)).isCloseTo(23.0, within(1e-9));
    assertThat(ServerTimes.schoolMillis(before, after)).isCloseTo(17.0, within(1e-9));
    assertThat(ServerTimes.describe(before, after, 300)).isEqualTo(
        "a batch on the servers, mean: 23.0 ms at the gateway, 17.0 ms of it inside school-service; the gateway adds 6.0 ms");
    assertThat(ServerTimes.describe(before, after, 600)).endsWith("(school-service at the given URL served 300 of the 600 batches)");
    assertThat(ServerTimes.parse(gateway.formatted(1, "1"), school.formatted(1, "1"), "platform-learning").schoolCount()).isEqualTo(40);
  }

  @Test
  void aNegativeWarmUpIsRefused() {
    assertThatThrownBy(() -> new Bench.Options("g", "k", 20, 300, 50, 1, null, "990199", "registrations", null, -1, null, 0, null, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warmup");
  }

  @Test
  void theSnapshotFeedNeedsTheBrokerAndAKnownFeedIsRequired() {
    assertThatThrownBy(() -> new Bench.Options("g", "k", 500, 300, 10, 4, null, "990197", "snapshots", null, 0, null, 1000, null, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--kafka");
    assertThatThrownBy(() -> new Bench.Options("g", "k", 500, 300, 10, 4, "b:9092", "990197", "snapshot", null, 0, null, 1000, null, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--feed");
    assertThatThrownBy(() -> new Bench.Options("g", "k", 500, 300, 10, 4, "b:9092", "990197", "snapshots", null, 0, null, -1, null, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate");
    Bench.Options o = new Bench.Options("g", "k", 500, 300, 10, 4, "b:9092", "990197", "snapshots", null, 0, null, 1000, null, 100);
    assertThat(o.records()).isEqualTo("snapshots");
    assertThat(o.withSchools("990198", 100, 200)).satisfies(c -> {
      assertThat(c.snapshots()).isTrue();
      assertThat(c.rate()).isEqualTo(1000);
      assertThat(c.county()).isEqualTo("990198");
      assertThat(c.schools()).isEqualTo(100);
      assertThat(c.poll()).isEqualTo(Duration.ofMillis(100));
    });
  }

  @Test
  void thePollIntervalIsBetweenOneMillisecondAndOneSecond() {
    for (int ms : new int[] {0, 1001}) {
      assertThatThrownBy(() -> new Bench.Options("g", "k", 20, 300, 50, 1, null, "990199", "registrations", null, 0, null, 0, null, ms))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--poll-ms").hasMessageContaining(String.valueOf(ms));
    }
    assertThat(new Bench.Options("g", "k", 20, 300, 50, 1, null).poll()).isEqualTo(TimedBatches.POLL);
  }

  @Test
  void cpuPerBatchIsEachProcesssCpuBetweenTwoReadingsOverTheBatchesLargestFirstWithoutKeycloak() {
    Footprint before = footprint(Map.of("school-service", 10.0, "district-service", 4.0, "keycloak", 30.0), 100.0);
    Footprint after = footprint(Map.of("school-service", 13.0, "district-service", 9.0, "keycloak", 31.0), 106.0);
    Map<String, Double> perBatch = Bench.cpuPerBatch(before, after, 1000);
    assertThat(perBatch.keySet()).containsExactly("postgres", "district-service", "school-service");
    assertThat(perBatch.get("postgres")).isCloseTo(6.0, within(1e-9));
    assertThat(perBatch.get("district-service")).isCloseTo(5.0, within(1e-9));
    assertThat(perBatch.get("school-service")).isCloseTo(3.0, within(1e-9));
    assertThat(Bench.describeCpu(perBatch, 10, "snapshots"))
        .isEqualTo("CPU per batch of 10 snapshots: 14.0 ms in all (1.40 ms per record): postgres 6.0, district-service 5.0, school-service 3.0");
  }

  @Test
  void theCpuReadingAroundTheTimedPartReadsTheProcessesAndQueriesNoDatabase(@TempDir Path runDir) throws Exception {
    Files.createDirectories(runDir.resolve("pids"));
    Files.writeString(runDir.resolve("pids/school-service.pid"), ProcessHandle.current().pid() + "\n");
    Files.writeString(runDir.resolve("pids/gone.pid"), "999999999\n");
    // no PostgreSQL answers on port 1: a reading that queried a database would fail
    Footprint.Source nowhere = new Footprint.Source("127.0.0.1", 1, "postgres", "gongyu_", runDir);
    Footprint first = Footprint.cpu(nowhere);
    double spin = 0;
    for (long end = System.nanoTime() + 200_000_000L; System.nanoTime() < end; ) {
      spin += Math.sqrt(spin + 1);
    }
    Footprint second = Footprint.cpu(nowhere);
    assertThat(spin).isPositive();
    assertThat(first.cpuSeconds()).containsOnlyKeys("school-service");
    assertThat(first.tables()).isEmpty();
    assertThat(Footprint.cpuBetween(first, second).get("school-service")).as("this JVM spun for 0.2 s").isGreaterThan(0.05);
  }

  private static Footprint footprint(Map<String, Double> cpu, double postgres) {
    return new Footprint(Map.of(), Map.of(), 0, Map.of(), Map.of(), cpu, postgres, 0);
  }

  @Test
  void demoCityIsTheSameEveryTimeSoLoadingItTwiceStoresNothingNew() {
    Instant now = Instant.parse("2026-11-23T04:00:00Z");
    DemoCity a = DemoCity.generate(now);
    DemoCity b = DemoCity.generate(now.plusSeconds(3600));
    assertThat(a.counties()).isEqualTo(b.counties());
    assertThat(a.counties()).hasSize(3);
    assertThat(a.counties().stream().mapToInt(c -> c.schools().size()).sum()).isEqualTo(30);
    assertThat(a.cityDirect()).isEqualTo(b.cityDirect());
    assertThat(a.cityDirect().id()).isEqualTo("990100-ZS");
    assertThat(a.cityDirect().schools()).hasSize(3).allSatisfy(s -> {
      assertThat(s.xuequId()).isNull();
      assertThat(s.studentsRegistered()).as("its figures are not empty").isPositive();
    });
    assertThat(a.semester().id()).isEqualTo("2026-2027-1");
    a.counties().forEach(c -> c.schools().forEach(s -> {
      assertThat(s.studentsRegistered()).isLessThanOrEqualTo(s.enrolled());
      s.registrations().forEach(r -> assertThat(Instant.parse(r.registeredAt())).isBefore(now));
    }));
  }

  @Test
  void demoRecordsOfEveryKindAreTheSameOnEveryLaterDayOfTheSemesterAndLeaveRegistrationsAsTheyWere() {
    DemoCity demo = DemoCity.generate(Instant.parse("2026-11-23T04:00:00Z"));
    var a = demo.records(java.time.LocalDate.of(2026, 11, 25));
    var b = demo.records(java.time.LocalDate.of(2027, 1, 20));
    assertThat(a).isEqualTo(b).hasSize(33);
    assertThat(a.stream().mapToLong(s -> s.registrations().stream().map(r -> r.studentRef()).distinct().count()).sum())
        .isEqualTo(demo.units().stream().flatMap(c -> c.schools().stream()).mapToLong(DemoCity.School::studentsRegistered).sum());
    a.forEach(s -> {
      assertThat(s.homeContacts()).isNotEmpty();
      s.homeContacts().forEach(c -> assertThat(c.date()).isBetween(java.time.LocalDate.of(2026, 9, 1), java.time.LocalDate.of(2026, 10, 31)));
      s.sixOnes().forEach(c -> assertThat(c.date()).isBefore(java.time.LocalDate.of(2026, 11, 1)));
    });
    assertThat(demo.records(java.time.LocalDate.of(2026, 9, 1))).isEmpty();
  }
}
