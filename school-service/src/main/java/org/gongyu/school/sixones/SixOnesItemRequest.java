package org.gongyu.school.sixones;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * One participation recorded or corrected on its own (its external id in the path), as a batch item.
 *
 * @param classId    the student's class, of the school year the date falls in
 * @param studentRef the school's reference to the student (stored only as a keyed hash; never answered)
 * @param activity   {@code SONG}, {@code PLAY}, {@code BOOK}, {@code FILM}, {@code CHARITY} or {@code HIKE}
 * @param date       the day of the activity (city time), not in the future
 * @param reason     why a recorded participation is corrected: required when the content changes (1 to 500 characters)
 */
record SixOnesItemRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
    @NotBlank @Size(max = 100) String studentRef,
    @NotNull Activity activity,
    @NotNull LocalDate date,
    @Size(max = 500) String reason) {}
