package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchTest {

  @Test
  void percentilesPickTheNearestRank() {
    double[] sorted = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    assertThat(Bench.pct(sorted, 50)).isEqualTo(0.5);
    assertThat(Bench.pct(sorted, 99)).isEqualTo(1.0);
    assertThat(Bench.pct(new double[] {7}, 50)).isEqualTo(7);
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
    PostgresActivity before = new PostgresActivity(1_000, 100, 5L << 30, 900L << 20, 128L << 20);
    PostgresActivity after = new PostgresActivity(1_950, 150, (5L << 30) + 20 * 1024 * 288, 1200L << 20, 128L << 20);
    assertThat(PostgresActivity.hitPercent(before, after)).isEqualTo(95.0);
    assertThat(PostgresActivity.walKbPerBatch(before, after, 20)).isEqualTo(288.0);
    assertThat(PostgresActivity.describe(before, after, 20)).contains("95.0 % of block reads from shared buffers",
        "(3 per batch from outside them)", "288 KB of WAL per batch", "hold 1,200 MB against 128 MB of shared_buffers");
    assertThat(PostgresActivity.hitPercent(before, before)).as("nothing read").isNaN();
  }

  @Test
  void aNegativeWarmUpIsRefused() {
    assertThatThrownBy(() -> new Bench.Options("g", "k", 20, 300, 50, 1, null, "990199", "registrations", null, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warmup");
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
