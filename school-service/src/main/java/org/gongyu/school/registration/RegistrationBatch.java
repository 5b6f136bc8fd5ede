package org.gongyu.school.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A batch of registrations the platform pushes for one semester. All or nothing: one bad record
 * rejects the batch and stores none of it. Re-sending a batch (same external ids, same content)
 * changes nothing.
 *
 * @param period        the semester the platform reports for, e.g. {@code 2026-2027-1}
 * @param registrations the platform's records
 */
record RegistrationBatch(
    @NotBlank String period,
    @NotEmpty @Size(max = 5000, message = "{gongyu.validation.batch-max}") List<@Valid @NotNull Registration> registrations) {

  /**
   * One guardian registered on the platform for one student.
   *
   * @param externalId   the platform's own id of this record: re-sending it is harmless
   * @param classId      the student's class at this school
   * @param studentRef   the platform's reference to the student (stored only as a keyed hash)
   * @param guardianRef  the platform's reference to the guardian account (stored only as a keyed hash)
   * @param registeredAt when the guardian registered
   */
  record Registration(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "{gongyu.validation.external-id}") String externalId,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
      @NotBlank @Size(max = 100) String studentRef,
      @NotBlank @Size(max = 100) String guardianRef,
      @NotNull Instant registeredAt) {}
}
