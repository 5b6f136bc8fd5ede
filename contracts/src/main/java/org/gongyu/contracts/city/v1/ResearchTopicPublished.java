package org.gongyu.contracts.city.v1;

import java.time.Instant;
import java.util.Objects;

/**
 * A topic of the city's research topic bank (课题库, seeds W10, ADR 0026) as it stands after being
 * published or withdrawn: schools claim (认领) open topics and research them. Consumers keep the
 * highest {@code version} per topic.
 *
 * @param cityId       the city whose centre keeps the bank
 * @param topicId      the topic's opaque id (also the record key)
 * @param title        the topic
 * @param category     its category (e.g. 亲子沟通, 学习习惯)
 * @param problemTitle the prominent problem it answers, if any (问题清单)
 * @param capacity     how many schools the city wants on it
 * @param status       OPEN to claim, WITHDRAWN when the city takes it back
 * @param at           when it changed, UTC
 * @param version      strictly increasing per topic
 */
public record ResearchTopicPublished(String cityId, String topicId, String title, String category, String problemTitle,
    int capacity, Status status, Instant at, long version) {

  /** Whether schools may claim it. */
  public enum Status { OPEN, WITHDRAWN }

  public ResearchTopicPublished {
    Objects.requireNonNull(cityId, "cityId");
    Objects.requireNonNull(topicId, "topicId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
  }
}
