package org.gongyu.city.standard;

import java.time.Instant;
import org.gongyu.contracts.city.v1.StandardPublished;
import org.gongyu.contracts.demonstration.Rubric;

/**
 * One stored version of a standard.
 *
 * @param createdBy   the city admin who issued it ({@code default standard} for the seeded one)
 * @param publishedAt when it was published; null only between a migration and the startup publisher
 */
record StandardVersion(String standardId, long version, Rubric rubric, Instant createdAt, String createdBy, Instant publishedAt) {

  StandardPublished toEvent(Instant at) {
    return new StandardPublished(standardId, version, at, rubric);
  }
}
