package org.gongyu.chassis.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SupersededTest {

  record Rollup(String county, String indicator, long version, String label) {
    String key() {
      return county + "/" + indicator;
    }
  }

  @Test
  void keepsTheHighestVersionOfEachKeyInTheOrderTheKeysFirstAppear() {
    List<Rollup> poll = List.of(
        new Rollup("990101", "A", 3, "a3"),
        new Rollup("990102", "A", 7, "b7"),
        new Rollup("990101", "A", 5, "a5"),
        new Rollup("990101", "B", 1, "c1"),
        new Rollup("990101", "A", 4, "a4 (older than a5, arrived later)"),
        new Rollup("990102", "A", 7, "b7 again"));

    assertThat(Superseded.latestPerKey(poll, Rollup::key, Rollup::version))
        .extracting(Rollup::label)
        .containsExactly("a5", "b7", "c1");
  }

  @Test
  void aPollWithoutRepeatsIsKeptAsItIs() {
    List<Rollup> poll = List.of(new Rollup("990101", "A", 2, "x"), new Rollup("990102", "A", 1, "y"));
    assertThat(Superseded.latestPerKey(poll, Rollup::key, Rollup::version)).isEqualTo(poll);
    assertThat(Superseded.latestPerKey(List.<Rollup>of(), Rollup::key, Rollup::version)).isEmpty();
  }
}
