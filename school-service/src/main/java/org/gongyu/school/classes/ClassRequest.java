package org.gongyu.school.classes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A class and its enrolment for one school year.
 *
 * @param schoolYear e.g. {@code 2026-2027}
 * @param grade      1–12
 * @param name       e.g. 一年级1班
 * @param enrolment  students enrolled, never negative
 * @param reason     why a recorded class is corrected: required when its content changes (1 to 500 characters)
 */
record ClassRequest(
    @NotNull @Pattern(regexp = "\\d{4}-\\d{4}", message = "{gongyu.validation.school-year}") String schoolYear,
    @NotNull @Min(1) @Max(12) Integer grade,
    @NotBlank @Size(max = 100) String name,
    @NotNull @Min(value = 0, message = "{gongyu.validation.not-negative}") @Max(5000) Integer enrolment,
    @Size(max = 500) String reason) {}
