package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The convergence bench's table: one line per killed component, median and spread of its kills. */
class ConvergenceTest {

  @Test
  void spreadIsTheMedianThenTheSmallestAndLargest() {
    assertThat(Convergence.spread(new double[] {9.0, 3.25, 4.0})).isEqualTo("4.0 (3.3–9.0)");
    assertThat(Convergence.spread(new double[] {2.0, 6.0})).isEqualTo("4.0 (2.0–6.0)");
    assertThat(Convergence.spread(new double[] {7.5})).isEqualTo("7.5 (7.5–7.5)");
  }

  @Test
  void theTableHasOneLinePerComponentInTheOrderTheyWereKilled() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Convergence.print(List.of(new Convergence.Round("school-service", 5, 6), new Convergence.Round("gateway", 2, 2.5),
        new Convergence.Round("school-service", 7, 9), new Convergence.Round("gateway", 3, 3.5)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines.get(0)).contains("of 2 kills");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).startsWith("school-service").contains("6.0 (5.0–7.0)").contains("7.5 (6.0–9.0)");
    assertThat(lines.get(3)).startsWith("gateway").contains("2.5 (2.0–3.0)").contains("3.0 (2.5–3.5)");
  }
}
