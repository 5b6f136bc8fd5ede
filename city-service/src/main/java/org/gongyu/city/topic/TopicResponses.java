package org.gongyu.city.topic;

import java.time.Instant;
import java.util.List;

/** What the problem-list and topic-bank endpoints answer. */
final class TopicResponses {

  private TopicResponses() {}

  /** A prominent problem, with the topics that answer it. */
  record Problem(String id, String title, String category, String source, String surveyId, String questionCode,
      String description, String status, long version, Instant createdAt, String createdBy, long topics) {}

  /**
   * A topic with its claims.
   *
   * @param claimed      schools whose claim stands (CLAIMED or COMPLETED)
   * @param overCapacity more schools claimed than the city wants
   */
  record Topic(String id, String title, String category, String problemId, String problemTitle, int capacity,
      String description, String status, long version, Instant createdAt, long claimed, long completed, boolean overCapacity,
      List<Claim> claims) {}

  /** A school's claim as the city last heard of it. */
  record Claim(String schoolId, String schoolName, String countyId, String status, String resultSummary, long version,
      Instant changedAt) {}
}
