package org.gongyu.contracts.school.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A school applied (申报表) to a county's demonstration-school programme within its window. The
 * contact person's details stay in school-service.
 *
 * @param applicationId the application, chosen by school-service; the id on every later event
 * @param schoolId      the applying school
 * @param countyId      the programme's county
 * @param programmeId   the programme
 * @param appliedAt     when the school applied (the county checks it against the deadline)
 * @param baseline      the school's self-assessed starting level per task area of the rubric
 * @param plan          the school-based creation plan (一校一案): gap analysis, path, measures
 */
public record DemonstrationApplied(
    UUID applicationId, String schoolId, String countyId, String programmeId, Instant appliedAt,
    List<AreaBaseline> baseline, String plan) {

  public DemonstrationApplied {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(schoolId, "schoolId");
    Objects.requireNonNull(countyId, "countyId");
    Objects.requireNonNull(programmeId, "programmeId");
    Objects.requireNonNull(appliedAt, "appliedAt");
    baseline = baseline == null ? List.of() : List.copyOf(baseline);
    Objects.requireNonNull(plan, "plan");
  }

  /**
   * @param areaCode a rubric area, e.g. {@code A1}
   * @param level    1 (not started) to 5 (exemplary)
   * @param note     what the level rests on
   */
  public record AreaBaseline(String areaCode, int level, String note) {}
}
