package org.gongyu.contracts.city.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of the city's lecturer registry (讲师备案, seeds W8 and T18, ADR 0024) as it stands after a
 * change, once the city has registered the lecturer: registered, trained, team changed, suspended,
 * reinstated or revoked. Nominations still under review and rejected ones stay at the city. Schools keep a copy
 * so that a parent-school session can name a registered lecturer and the school can count the
 * lecturers it used who were registered and trained. Only what schools need travels: lecturers are
 * adults, and their expertise, nominating county and review comments stay at the city. Consumers
 * keep the highest {@code version} per lecturer and ignore older ones.
 *
 * @param cityId      the city whose centre keeps the registry
 * @param lecturerId  the lecturer's opaque id (also the record key)
 * @param displayName the name the lecturer lectures under
 * @param affiliation where the lecturer works (school, university, centre), may be null
 * @param status      where the entry stands in review
 * @param trainedOn   the day the lecturer completed the city's training, null while untrained
 * @param at          when the entry changed, UTC
 * @param version     strictly increasing per lecturer (the registry entry's version; not every
 *                    version is published, since nominations are not)
 */
public record LecturerRegistryChanged(String cityId, String lecturerId, String displayName, String affiliation,
    Status status, LocalDate trainedOn, Instant at, long version) {

  /** The entry's review status; only {@code REGISTERED} with a {@code trainedOn} counts as registered and trained. */
  public enum Status { REGISTERED, SUSPENDED, REVOKED }

  public LecturerRegistryChanged {
    Objects.requireNonNull(cityId, "cityId");
    Objects.requireNonNull(lecturerId, "lecturerId");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
  }

  /** Registered (not suspended or revoked) and trained: what {@code LECTURER_REGISTRATION} counts. */
  public boolean registeredAndTrained() {
    return status == Status.REGISTERED && trainedOn != null;
  }
}
