package org.gongyu.school.openschool;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.stereotype.Component;

/** The indicators of open-school events, both COUNTs over 1 like {@code COLLECTIVE_SESSIONS}. */
final class OpenSchoolIndicators {

  private OpenSchoolIndicators() {}

  /**
   * {@code PARENT_MEETINGS} (T27): the days in [start, endExclusive) on which the school held a parent
   * meeting, for the whole school or any class, over 1. A parent meeting held in every class on one
   * afternoon is one meeting, not one per class.
   */
  static Figure parentMeetings(List<OpenSchoolEvent> events, LocalDate start, LocalDate endExclusive) {
    long days = events.stream()
        .filter(e -> e.type() == OpenSchoolEvent.Type.PARENT_MEETING && within(e.date(), start, endExclusive))
        .map(OpenSchoolEvent::date)
        .distinct()
        .count();
    return new Figure(days, 1);
  }

  /** {@code LECTURE_HALL_SESSIONS} (T30): parents' lecture-hall sessions dated in [start, endExclusive), over 1. */
  static Figure lectureHallSessions(List<OpenSchoolEvent> events, LocalDate start, LocalDate endExclusive) {
    long n = events.stream()
        .filter(e -> e.type() == OpenSchoolEvent.Type.PARENTS_LECTURE_HALL && within(e.date(), start, endExclusive))
        .count();
    return new Figure(n, 1);
  }

  private static boolean within(LocalDate day, LocalDate start, LocalDate endExclusive) {
    return !day.isBefore(start) && day.isBefore(endExclusive);
  }

  /** {@code PARENT_MEETINGS} per semester. */
  @Component
  static class ParentMeetings implements IndicatorDerivation {
    private final OpenSchoolEvents events;
    private final CityCalendar calendar;

    ParentMeetings(OpenSchoolEvents events, CityCalendar calendar) {
      this.events = events;
      this.calendar = calendar;
    }

    @Override
    public String indicatorCode() {
      return IndicatorCodes.PARENT_MEETINGS;
    }

    @Override
    public PeriodType periodType() {
      return PeriodType.SEMESTER;
    }

    @Override
    public Figure derive(String schoolId, Period period, Instant endExclusive) {
      LocalDate start = period.start(calendar.calendar());
      LocalDate end = period.endExclusive(calendar.calendar());
      return parentMeetings(events.between(schoolId, start, end), start, end);
    }
  }

  /** {@code LECTURE_HALL_SESSIONS} per school year. */
  @Component
  static class LectureHallSessions implements IndicatorDerivation {
    private final OpenSchoolEvents events;
    private final CityCalendar calendar;

    LectureHallSessions(OpenSchoolEvents events, CityCalendar calendar) {
      this.events = events;
      this.calendar = calendar;
    }

    @Override
    public String indicatorCode() {
      return IndicatorCodes.LECTURE_HALL_SESSIONS;
    }

    @Override
    public PeriodType periodType() {
      return PeriodType.SCHOOL_YEAR;
    }

    @Override
    public Figure derive(String schoolId, Period period, Instant endExclusive) {
      LocalDate start = period.start(calendar.calendar());
      LocalDate end = period.endExclusive(calendar.calendar());
      return lectureHallSessions(events.between(schoolId, start, end), start, end);
    }
  }
}
