package org.gongyu.school.sixones;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Participations, all or nothing: one bad item rejects the batch and stores none of it. Re-sending
 * an item (same external id, same content) changes nothing.
 *
 * @param participations up to 5,000 participations
 */
record SixOnesBatch(
    @NotEmpty @Size(max = 5000, message = "{gongyu.validation.batch-max}") List<@Valid @NotNull Participation> participations) {

  /**
   * One family's participation in one activity.
   *
   * @param externalId the school system's own id of this record: re-sending it is harmless
   * @param classId    the student's class, of the school year the date falls in
   * @param studentRef the school's reference to the student (stored only as a keyed hash)
   * @param activity   {@code SONG}, {@code PLAY}, {@code BOOK}, {@code FILM}, {@code CHARITY} or {@code HIKE}
   * @param date       the day of the activity (city time), not in the future
   */
  record Participation(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "{gongyu.validation.external-id}") String externalId,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
      @NotBlank @Size(max = 100) String studentRef,
      @NotNull Activity activity,
      @NotNull LocalDate date) {}
}
