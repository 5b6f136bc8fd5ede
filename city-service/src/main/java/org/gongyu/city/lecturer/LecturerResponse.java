package org.gongyu.city.lecturer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A registry entry as answered.
 *
 * @param nominatedByCounty     the nominating county, null when nominated for city-direct schools
 * @param status                NOMINATED, REGISTERED, REJECTED, SUSPENDED or REVOKED
 * @param statusReason          the reason of a rejection, suspension or revocation
 * @param registeredAndTrained  registered (in force) and trained by the city: what T18 counts
 * @param trail                 the steps, oldest first (only on a single entry's read)
 */
record LecturerResponse(String id, String name, String affiliation, String expertise, List<String> ageGroups,
    String nominatedByCounty, String nominatedByCountyName, Instant nominatedAt, String status, String statusReason,
    Instant registeredAt, LocalDate trainedOn, boolean registeredAndTrained, List<TeamResponse> teams, long version,
    List<Step> trail) {

  /** A team membership, with the county's name for a county team. */
  record TeamResponse(String team, String countyId, String countyName) {}

  /** A step of the trail. */
  record Step(Instant at, String actor, String action, long version, String comment) {}
}
