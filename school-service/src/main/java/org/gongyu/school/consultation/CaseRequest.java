package org.gongyu.school.consultation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A consultation case as the school records or corrects it.
 *
 * @param classId       the student's class, of the school year containing {@code openedOn}
 * @param studentRef    the school's reference to the student (stored only as a keyed hash; never changes)
 * @param category      what the family consulted about
 * @param openedOn      the day the case was opened (never changes)
 * @param appointmentAt the agreed appointment, if any
 * @param consultant    who handles the case (a member of staff, not a family member)
 * @param status        OPEN, RESOLVED or REFERRED
 * @param resolvedOn    required exactly when RESOLVED; not before {@code openedOn}, not in the future
 * @param notes         the consultant's notes (stored encrypted, never returned)
 * @param reason        why a recorded case is corrected: required when the content changes (1 to 500 characters)
 */
record CaseRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
    @NotBlank @Size(max = 100) String studentRef,
    @NotNull Category category,
    @NotNull LocalDate openedOn,
    Instant appointmentAt,
    @NotBlank @Size(max = 100) String consultant,
    @NotNull Status status,
    LocalDate resolvedOn,
    @Size(max = 4000) String notes,
    @Size(max = 500) String reason) {

  enum Category { STUDY, EMOTION, BEHAVIOUR, FAMILY_RELATIONS, OTHER }

  enum Status {
    OPEN, RESOLVED, REFERRED;

    /** Whether a stored case in this status may be put into {@code next}: a resolved case stays resolved. */
    boolean mayBecome(Status next) {
      return this == next
          || (this == OPEN && (next == RESOLVED || next == REFERRED))
          || (this == REFERRED && next == RESOLVED);
    }
  }
}
