package org.gongyu.contracts.school.v1;

import java.time.Instant;
import java.util.Objects;

/**
 * A school's claim (认领) of a topic of the city's research topic bank (ADR 0026), as it stands after
 * a change: claimed, withdrawn, or completed with a summary of the result. Consumers keep the highest
 * {@code version} per (topic, school).
 *
 * @param topicId       the city's topic
 * @param schoolId      the claiming school (also the record key)
 * @param countyId      the school's county
 * @param schoolName    the school's registered name
 * @param status        CLAIMED, WITHDRAWN or COMPLETED
 * @param resultSummary what the school's research found, when completed
 * @param at            when it changed, UTC
 * @param version       strictly increasing per (topic, school)
 */
public record TopicClaimChanged(String topicId, String schoolId, String countyId, String schoolName, Status status,
    String resultSummary, Instant at, long version) {

  /** Where the claim stands. */
  public enum Status { CLAIMED, WITHDRAWN, COMPLETED }

  public TopicClaimChanged {
    Objects.requireNonNull(topicId, "topicId");
    Objects.requireNonNull(schoolId, "schoolId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
  }
}
