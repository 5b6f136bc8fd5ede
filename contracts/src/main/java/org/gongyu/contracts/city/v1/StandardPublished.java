package org.gongyu.contracts.city.v1;

import java.time.Instant;
import java.util.Objects;
import org.gongyu.contracts.demonstration.Rubric;

/**
 * A version of a demonstration-school standard issued by the city family-education centre. Versions
 * are immutable: a change is a new version. Counties keep every version; a programme keeps the one
 * it started with.
 *
 * @param standardId  the standard, e.g. {@code DEMO-SCHOOL}
 * @param version     strictly increasing per standard, from 1
 * @param publishedAt when the city issued this version
 * @param rubric      areas, criteria, points and pass mark
 */
public record StandardPublished(String standardId, long version, Instant publishedAt, Rubric rubric) {
  public StandardPublished {
    Objects.requireNonNull(standardId, "standardId");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(rubric, "rubric");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
  }
}
