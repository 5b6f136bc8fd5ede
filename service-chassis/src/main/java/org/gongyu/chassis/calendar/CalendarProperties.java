package org.gongyu.chassis.calendar;

import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.gongyu.contracts.period.SchoolCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The city's calendar, the same in every service of a deployment ({@code GONGYU_CALENDAR_*}).
 *
 * @param firstSemesterStart  month and day the first semester starts, {@code MM-dd}; default 09-01
 * @param secondSemesterStart month and day the second semester starts, {@code MM-dd}; default 02-01
 * @param cycleStartYear      a school year in which a 3-year programme cycle starts; default 2024
 * @param zone                the city's time zone; default Asia/Shanghai
 */
@ConfigurationProperties("gongyu.calendar")
public record CalendarProperties(String firstSemesterStart, String secondSemesterStart, Integer cycleStartYear, ZoneId zone) {

  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  public CalendarProperties {
    firstSemesterStart = firstSemesterStart == null || firstSemesterStart.isBlank() ? "09-01" : firstSemesterStart;
    secondSemesterStart = secondSemesterStart == null || secondSemesterStart.isBlank() ? "02-01" : secondSemesterStart;
    cycleStartYear = cycleStartYear == null ? 2024 : cycleStartYear;
    zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
  }

  SchoolCalendar toCalendar() {
    return new SchoolCalendar(
        monthDay("first-semester-start", firstSemesterStart), monthDay("second-semester-start", secondSemesterStart), cycleStartYear);
  }

  private static MonthDay monthDay(String property, String value) {
    try {
      return MonthDay.parse(value, MONTH_DAY);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("gongyu.calendar." + property + " '" + value + "' is not a month and day such as 09-01");
    }
  }
}
