package org.gongyu.school.reading;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Check-ins of one campaign, all or nothing. One per student and day: a check-in of a student and
 * day already recorded replaces its minutes (no second count).
 */
record CheckInBatch(@NotEmpty @Size(max = 5000) List<@Valid @NotNull CheckIn> checkIns) {

  /**
   * @param studentRef the school's reference of the student: stored as a keyed pseudonym, never answered back
   * @param date       a day of the campaign, not in the future
   * @param minutes    minutes read with a parent that day
   */
  record CheckIn(@NotBlank @Size(max = 100) String studentRef, @NotNull LocalDate date,
      @NotNull @Min(1) @Max(1440) Integer minutes) {}
}
