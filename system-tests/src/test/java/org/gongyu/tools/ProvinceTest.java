package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.gongyu.tools.Footprint.Table;
import org.gongyu.tools.Province.Shape;
import org.junit.jupiter.api.Test;

class ProvinceTest {

  @Test
  void sizesAreCitiesByCountiesBySchoolsInTheOrderGiven() {
    assertThat(Shape.parseAll("2x5x20, 3X10x20,5x10x40,")).containsExactly(new Shape(2, 5, 20), new Shape(3, 10, 20),
        new Shape(5, 10, 40));
    assertThat(Shape.parse("5x10x40").totalSchools()).isEqualTo(2000);
    assertThat(new Shape(15, 10, 200).totalSchools()).as("the province of the capacity plan").isEqualTo(30_000);
    assertThat(new Shape(3, 10, 20)).hasToString("3x10x20");
  }

  @Test
  void refusesAShapeThatIsNotThreePositiveNumbersOrDoesNotFitTheIds() {
    assertThatThrownBy(() -> Shape.parse("2x5")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x5");
    assertThatThrownBy(() -> Shape.parse("2xfivex20")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Shape.parse("0x5x20")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Shape.parse("100x5x20")).as("cities are two digits of the county id")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Shape.parse("2x5x10000")).as("schools are four digits of the school id")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Shape.parseAll(" , ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countyAndSchoolIdsStayInTheToolsOwnRangeAndAreDistinctPerTagCityAndCounty() {
    assertThat(Shape.countyId(7, 3, 12)).isEqualTo("9908070312");
    assertThat(Shape.countyId(107, 3, 12)).as("the tag wraps at two digits").isEqualTo("9908070312");
    assertThat(Shape.schoolId(Shape.countyId(7, 3, 12), 45)).isEqualTo("99080703120045").matches("[A-Za-z0-9-]{1,40}");
    assertThat(List.of(Shape.countyId(7, 1, 2), Shape.countyId(7, 2, 1), Shape.countyId(8, 1, 2))).doesNotHaveDuplicates();
  }

  @Test
  void perSchoolCostIsTheGrowthBetweenTwoReadingsDividedByTheSchools() {
    Footprint before = footprint(Map.of("school", 1_000L, "district", 500L),
        Map.of("school", Map.of("public.platform_registration", new Table(10, 800))), 4_096);
    Footprint after = footprint(Map.of("school", 21_000L, "district", 900L, "city", 300L),
        Map.of("school", Map.of("public.platform_registration", new Table(210, 16_800), "public.platform_learning", new Table(100, 3_000)),
            "city", Map.of("public.outbox_event", new Table(20, 300))), 8_192);

    Footprint.PerSchool per = Footprint.perSchool(before, after, 4);

    assertThat(per.databaseBytes()).containsEntry("school", 5_000.0).containsEntry("district", 100.0)
        .as("a database absent before counts from zero").containsEntry("city", 75.0);
    assertThat(per.rows()).containsEntry("school", 75.0).containsEntry("district", 0.0).containsEntry("city", 5.0);
    assertThat(per.databaseBytesTotal()).isEqualTo(5_175.0);
    assertThat(per.rowsTotal()).isEqualTo(80.0);
    assertThat(per.kafkaBytes()).isEqualTo(1_024.0);
    assertThat(Footprint.grown(before, after, "school", 1)).singleElement()
        .satisfies(e -> assertThat(e).isEqualTo(Map.entry("public.platform_registration", new Table(200, 16_000))));
    assertThatThrownBy(() -> Footprint.perSchool(before, after, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsResidentMemoryAndCpuTimeFromProcFiles() {
    assertThat(Footprint.rssBytes("Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  314572 kB\nRssAnon:\t 1 kB\n")).isEqualTo(314_572L * 1024);
    assertThat(Footprint.rssBytes("Name:\tkthreadd\n")).isZero();
    // a command with spaces and parentheses must not shift the fields: utime 1234, stime 566 ticks
    String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 566 0 0 20 0 40 0 300 2700000000 80000";
    assertThat(Footprint.cpuSeconds(stat)).isEqualTo(18.0);
    assertThat(Footprint.childrenCpuSeconds(stat)).as("cutime 0 + cstime 0").isZero();
    String postmaster = "2257 (postgres) S 1 2257 2257 0 -1 4194560 100 0 0 0 50 25 3000 1200 20 0 1 0 300 2700000000 80000";
    assertThat(Footprint.childrenCpuSeconds(postmaster)).as("ended backends: cutime 3000 + cstime 1200 ticks").isEqualTo(42.0);
    Footprint a = new Footprint(Map.of(), Map.of(), 0, Map.of(), Map.of(), Map.of("gateway", 10.0), 0, 0);
    Footprint b = new Footprint(Map.of(), Map.of(), 0, Map.of(), Map.of(), Map.of("gateway", 12.5, "school-service-2", 3.0), 0, 0);
    assertThat(Footprint.cpuBetween(a, b)).containsEntry("gateway", 2.5).containsEntry("school-service-2", 3.0);
  }

  @Test
  void aPartitionDirectoryBelongsToItsTopic() {
    assertThat(Footprint.topicOf("gongyu.city.indicator-rollups.v1-3")).isEqualTo("gongyu.city.indicator-rollups.v1");
    assertThat(Footprint.topicOf("gongyu.school.indicator-snapshots.v1-dlt-0")).isEqualTo("gongyu.school.indicator-snapshots.v1-dlt");
    assertThat(Footprint.topicOf("__consumer_offsets-12")).isEqualTo("__consumer_offsets");
    assertThat(Footprint.topicOf("cleaner-offset-checkpoint")).isEqualTo("cleaner-offset-checkpoint");
  }

  private static Footprint footprint(Map<String, Long> sizes, Map<String, Map<String, Table>> tables, long kafka) {
    return new Footprint(tables, sizes, kafka, Map.of(), Map.of(), Map.of(), 0, 0);
  }
}
