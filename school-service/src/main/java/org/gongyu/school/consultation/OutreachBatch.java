package org.gongyu.school.consultation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Deliveries of the consultation-service information to families, all or nothing: one bad record
 * rejects the batch and stores none of it; re-sending a record (same external id, same content)
 * changes nothing.
 *
 * @param records the deliveries, at most 5000
 */
record OutreachBatch(
    @NotEmpty @Size(max = 5000, message = "{gongyu.validation.batch-max}") List<@Valid @NotNull Delivery> records) {

  /** How the information reached the family. */
  enum Channel { NOTICE, WECHAT, MEETING, PLATFORM }

  /**
   * The information reached one student's family.
   *
   * @param externalId  the sender's own id of this record: re-sending it is harmless
   * @param classId     the student's class, of the school year containing {@code deliveredOn}
   * @param studentRef  the school's reference to the student (stored only as a keyed hash)
   * @param channel     how it reached the family
   * @param deliveredOn the day (city time), not in the future
   */
  record Delivery(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "{gongyu.validation.external-id}") String externalId,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
      @NotBlank @Size(max = 100) String studentRef,
      @NotNull Channel channel,
      @NotNull LocalDate deliveredOn) {}
}
