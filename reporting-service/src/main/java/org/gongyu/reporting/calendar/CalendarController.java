package org.gongyu.reporting.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The city's calendar: which semester it is and which ones a period picker offers. */
@RestController
@Tag(name = "calendar", description = "Today in the city and the semesters around it")
class CalendarController {

  /** Semesters offered before the current one. */
  static final int PAST = 5;

  private final CityCalendar calendar;

  CalendarController(CityCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/api/reports/calendar")
  @PreAuthorize(Rules.ANY_ROLE)
  @Operation(
      summary = "Today in the city, the current semester and the semesters around it",
      description = "Days are the city's (time zone of gongyu.calendar.zone, Asia/Shanghai by default). `semesters` "
          + "lists the next semester, the current one and the five before it, newest first, each with its first and "
          + "last day. Any role.")
  CalendarView calendar() {
    Period current = calendar.current(PeriodType.SEMESTER);
    List<CalendarView.Semester> semesters = new ArrayList<>();
    Period p = current.next();
    for (int i = 0; i < PAST + 2; i++) {
      semesters.add(new CalendarView.Semester(
          p.id(), p.start(calendar.calendar()), p.endExclusive(calendar.calendar()).minusDays(1)));
      p = p.previous();
    }
    return new CalendarView(calendar.today(), current.id(), semesters);
  }
}
