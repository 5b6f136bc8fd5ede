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
