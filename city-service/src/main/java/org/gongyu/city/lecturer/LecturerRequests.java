package org.gongyu.city.lecturer;

import java.time.LocalDate;
import java.util.List;

/** Bodies of the lecturer registry's endpoints; the service checks them and answers 422 naming the field. */
final class LecturerRequests {

  private LecturerRequests() {}

  /**
   * A nomination (摸底、筛选、申报).
   *
   * @param name        the lecturer's name, 1 to 100 characters
   * @param affiliation where they work, up to 200 characters
   * @param expertise   what they teach, up to 500 characters
   * @param ageGroups   the age groups served: PRESCHOOL, PRIMARY, JUNIOR_SECONDARY, SENIOR_SECONDARY
   * @param comment     a note for the city's review, up to 1000 characters
   */
  record Nominate(String name, String affiliation, String expertise, List<String> ageGroups, String comment) {}

  /**
   * Registration (备案) of a nominated lecturer.
   *
   * @param trainedOn the day they completed the city's training, if already (not in the future)
   * @param teams     team memberships, none if absent
   */
  record Register(LocalDate trainedOn, List<TeamRequest> teams) {}

  /** A team membership: CITY_TEAM, COUNTY_TEAM (with the county's id) or ADVISORY. */
  record TeamRequest(String team, String countyId) {}

  /** The teams a registered lecturer belongs to, replacing the previous ones. */
  record Teams(List<TeamRequest> teams) {}

  /** The day the lecturer completed the city's training (not in the future). */
  record Training(LocalDate trainedOn) {}

  /** A rejection, suspension or revocation: the reason is required (1 to 1000 characters). */
  record Reason(String reason) {}
}
