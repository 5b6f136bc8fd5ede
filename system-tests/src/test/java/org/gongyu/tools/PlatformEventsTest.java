package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gongyu.contracts.Topics;
import org.junit.jupiter.api.Test;

class PlatformEventsTest {

  @Test
  void countsThePlatformsTopicsButNotDeadLettersNorScratchTopics() {
    assertThat(PlatformEvents.platformTopic(Topics.SCHOOL_INDICATOR_SNAPSHOTS)).isTrue();
    assertThat(PlatformEvents.platformTopic(Topics.SCHOOL_INDICATOR_SNAPSHOTS + "-dlt")).isFalse();
    assertThat(PlatformEvents.platformTopic("gongyu.bench.raw.mx9nl2qm")).isFalse();
    assertThat(PlatformEvents.platformTopic("__consumer_offsets")).isFalse();
  }

  @Test
  void eventsProducedAreTheGrowthOfTheEndOffsetsAndATopicCreatedDuringTheRunCountsFromZero() {
    Map<String, Long> before = Map.of("a", 100L, "b", 5L);
    Map<String, Long> after = Map.of("a", 160L, "b", 5L, "c", 7L);
    assertThat(PlatformEvents.produced(before, after, null)).isEqualTo(67);
    assertThat(PlatformEvents.produced(before, after, "a")).isEqualTo(60);
    assertThat(PlatformEvents.produced(before, after, "c")).isEqualTo(7);
  }
}
