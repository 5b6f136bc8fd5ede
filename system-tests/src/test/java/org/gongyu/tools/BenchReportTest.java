package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongyu.tools.Figures.Label;
import org.gongyu.tools.Figures.Ratio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchReportTest {

  @ParameterizedTest
  @ValueSource(ints = {50, 5000})
  void everyRatioSetsAPlatformFigureAgainstARawLimitThatTheReportLabels(int batchSize) {
    Set<String> labelled = BenchReport.labels(batchSize).stream().map(Label::key).collect(Collectors.toSet());
    assertThat(BenchReport.ratios(batchSize)).allSatisfy(r -> {
      assertThat(labelled).contains(r.figure(), r.limit());
      assertThat(r.figure()).startsWith("bench.");
      assertThat(r.limit()).startsWith("limit.");
    });
  }

  @org.junit.jupiter.api.Test
  void theSnapshotFeedIsSetOnlyAgainstTheBrokerAndSingleRowUpsertsAndItsFreshnessRunsFromTheTopic() {
    Set<String> labelled = BenchReport.labels(10, "snapshots").stream().map(Label::key).collect(Collectors.toSet());
    assertThat(BenchReport.ratios(10, "snapshots")).extracting(Ratio::figure).containsOnly(Bench.EVENTS, Bench.SNAPSHOT_CHANGES);
    assertThat(BenchReport.ratios(10, "snapshots")).allSatisfy(r -> assertThat(labelled).contains(r.figure(), r.limit()));
    assertThat(BenchReport.labels(10, "snapshots")).filteredOn(l -> l.key().equals(Bench.FRESHNESS_P99)).singleElement()
        .satisfies(l -> assertThat(l.text()).isEqualTo("platform: freshness topic -> city p99"));
    assertThat(BenchReport.labels(50)).filteredOn(l -> l.key().equals(Bench.FRESHNESS_P99)).singleElement()
        .satisfies(l -> assertThat(l.text()).isEqualTo("platform: freshness school -> city p99"));
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 5000})
  void aBatchsLatencyIsSetAgainstARawBatchOfTheSameSize(int batchSize) {
    // the raw limits of a run hold the 50-row figures always, those of the run's size only when it is not 50
    Map<String, Double> figures = batchSize == 50
        ? Map.of(RawLimits.PG_INSERT_50_MS, 2.0, Bench.BATCH_MEDIAN_MS, 100.0)
        : Map.of(RawLimits.PG_INSERT_50_MS, 2.0, RawLimits.PG_INSERT_BATCH_MS, 80.0, Bench.BATCH_MEDIAN_MS, 400.0);
    Ratio latency = BenchReport.ratios(batchSize).stream().filter(r -> r.figure().equals(Bench.BATCH_MEDIAN_MS)).findFirst().orElseThrow();
    assertThat(latency.of(figures)).isEqualTo(batchSize == 50 ? 50.0 : 5.0);
    assertThat(BenchReport.labels(batchSize).stream().filter(l -> l.key().equals(latency.limit())).findFirst().orElseThrow().text())
        .endsWith("one batch of " + batchSize);
  }
}
