package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
