package org.gongyu.contracts.district.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.gongyu.contracts.demonstration.DemonstrationStatus;

/**
 * A demonstration-school application moved to a new status in the county's state machine. The
 * school mirrors it; consumers keep the highest {@code version} per application, so a redelivered
 * or late event changes nothing.
 *
 * @param applicationId         the application (school-service's id)
 * @param programmeId           its programme
 * @param countyId              the county
 * @param schoolId              the school
 * @param status                the new status
 * @param previousStatus        the status it left, {@code null} for the first
 * @param at                    when the county made the change
 * @param version               strictly increasing per application, from 1
 * @param creationEndsOn        from {@code CREATING} on: the first day the school may submit its
 *                              self-evaluation; otherwise {@code null}
 * @param finalScore            once decided: the final score; otherwise {@code null}
 * @param titleValidUntil       while a title is or was held: its last valid day
 * @param rectificationDeadline while {@code RECTIFYING}: the last day to rectify
 * @param reason                the county's reason or note, as written (no personal data)
 */
public record DemonstrationStatusChanged(
    UUID applicationId, String programmeId, String countyId, String schoolId, DemonstrationStatus status,
    DemonstrationStatus previousStatus, Instant at, long version, LocalDate creationEndsOn, BigDecimal finalScore,
    LocalDate titleValidUntil, LocalDate rectificationDeadline, String reason) {

  public DemonstrationStatusChanged {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(programmeId, "programmeId");
    Objects.requireNonNull(countyId, "countyId");
    Objects.requireNonNull(schoolId, "schoolId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
  }
}
