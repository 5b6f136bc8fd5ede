package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.gongyu.tools.Figures.Label;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  @Test
  void everyRatioSetsAPlatformFigureAgainstARawLimitThatTheReportLabels() {
    Set<String> labelled = BenchReport.labels(50).stream().map(Label::key).collect(Collectors.toSet());
    assertThat(BenchReport.ratios()).allSatisfy(r -> {
      assertThat(labelled).contains(r.figure(), r.limit());
      assertThat(r.figure()).startsWith("bench.");
      assertThat(r.limit()).startsWith("limit.");
    });
  }
}
