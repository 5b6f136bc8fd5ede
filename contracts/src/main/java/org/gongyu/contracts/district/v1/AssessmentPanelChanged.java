package org.gongyu.contracts.district.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The assessors of an application changed: one was assigned, or declared (cleared or recused). The
 * school tier keeps the newest panel per application so that it can serve the application's
 * evidence attachments to the assessors the county cleared, and to nobody else (ADR 0016). Carries
 * Keycloak usernames of county staff only; nothing about students, parents or the files.
 *
 * @param applicationId the application (school-service's id)
 * @param programmeId   its programme
 * @param countyId      the county
 * @param schoolId      the school
 * @param at            when the county made the change
 * @param version       strictly increasing per application, from 1; consumers keep the highest
 * @param members       every assignment of every round so far, oldest round first
 */
public record AssessmentPanelChanged(
    UUID applicationId, String programmeId, String countyId, String schoolId, Instant at, long version,
    List<Member> members) {

  /**
   * One assessor's assignment to a round.
   *
   * @param assessor the assessor's Keycloak username (lower case)
   * @param round    the self-evaluation round assigned
   * @param status   {@code ASSIGNED} (not declared yet), {@code CLEARED} (declared no conflict) or
   *                 {@code RECUSED} (declared a conflict)
   */
  public record Member(String assessor, int round, String status) {
    public Member {
      Objects.requireNonNull(assessor, "assessor");
      Objects.requireNonNull(status, "status");
    }
  }

  public AssessmentPanelChanged {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(programmeId, "programmeId");
    Objects.requireNonNull(countyId, "countyId");
    Objects.requireNonNull(schoolId, "schoolId");
    Objects.requireNonNull(at, "at");
    members = members == null ? List.of() : List.copyOf(members);
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
  }
}
