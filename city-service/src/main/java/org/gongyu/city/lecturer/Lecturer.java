package org.gongyu.city.lecturer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A registry entry as stored.
 *
 * @param nominatedByCounty the nominating county; null for a city-direct nomination
 * @param statusReason      why it was rejected, suspended or revoked
 */
record Lecturer(String id, String name, String affiliation, String expertise, List<String> ageGroups,
    String nominatedByCounty, Instant nominatedAt, String nominatedBy, Status status, String statusReason,
    Instant registeredAt, LocalDate trainedOn, long version, List<Team> teams) {

  /** Review status: NOMINATED → REGISTERED or REJECTED; REGISTERED ⇄ SUSPENDED; either → REVOKED. */
  enum Status { NOMINATED, REGISTERED, REJECTED, SUSPENDED, REVOKED }

  /** A team membership; {@code countyId} only for a county's team. */
  record Team(TeamKind team, String countyId) {}

  /** 市讲师团, 县区公益讲师团 (of a county), 顾问团. */
  enum TeamKind { CITY_TEAM, COUNTY_TEAM, ADVISORY }

  /** Schools have seen it (it has been registered): every change is published. */
  boolean published() {
    return status == Status.REGISTERED || status == Status.SUSPENDED || status == Status.REVOKED;
  }

  boolean registeredAndTrained() {
    return status == Status.REGISTERED && trainedOn != null;
  }
}
