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
 * Home-visit files opened, all or nothing. A student has one file: re-sending it unchanged is
 * harmless, sending it with another date or class is a conflict.
 *
 * @param files up to 5,000 files
 */
record HomeVisitFileBatch(
    @NotEmpty @Size(max = 5000, message = "{gongyu.validation.batch-max}") List<@Valid @NotNull VisitFile> files) {

  /**
   * The file (一人一档) of one student.
   *
   * @param studentRef the school's reference to the student (stored only as a keyed hash)
   * @param classId    the student's class, of the school year {@code openedOn} falls in
   * @param openedOn   the day the file was opened, not in the future
   */
  record VisitFile(
      @NotBlank @Size(max = 100) String studentRef,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
      @NotNull LocalDate openedOn) {}
}
