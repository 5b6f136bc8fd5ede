package org.gongyu.school.homevisit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Contacts with families, all or nothing: one bad item rejects the batch and stores none of it.
 * Re-sending an item (same external id, same content) changes nothing.
 *
 * @param contacts up to 5,000 contacts
 */
record HomeContactBatch(
    @NotEmpty @Size(max = 5000, message = "{gongyu.validation.batch-max}") List<@Valid @NotNull Contact> contacts) {

  /**
   * One direct contact with a student's family.
   *
   * @param externalId the school system's own id of this record: re-sending it is harmless
   * @param classId    the student's class, of the school year the date falls in
   * @param studentRef the school's reference to the student (stored only as a keyed hash)
   * @param date       the day of the contact (city time), not in the future
   * @param mode       {@code IN_HOME} (a home visit), {@code PHONE}, {@code WECHAT} or {@code AT_SCHOOL}
   * @param priority   whether the student is a priority case for home visits (重点对象); absent = false
   */
  record Contact(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "{gongyu.validation.external-id}") String externalId,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
      @NotBlank @Size(max = 100) String studentRef,
      @NotNull LocalDate date,
      @NotNull ContactMode mode,
      Boolean priority) {}
}
