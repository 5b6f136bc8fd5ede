package org.gongyu.reporting.calendar;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * Today in the city, the semester containing it, and the semesters a period picker offers: the
 * next one, the current one and the five before it, newest first. {@code end} is a semester's last
 * day (inclusive).
 */
record CalendarView(LocalDate today, String currentSemester, List<Semester> semesters) {

  @Schema(name = "CalendarSemester")
  record Semester(String id, LocalDate start, LocalDate end) {}
}
