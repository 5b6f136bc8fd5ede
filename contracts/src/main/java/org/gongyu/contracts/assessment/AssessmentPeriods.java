package org.gongyu.contracts.assessment;

import java.util.List;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.SchoolCalendar;

/**
 * Which periods' figures an assessment of a school year scores, by the indicator's period type: a
 * semester indicator both semesters of the year (summed, Σnumerator / Σdenominator), a school-year
 * indicator the year itself, a calendar-year indicator the calendar year the school year starts in,
 * a programme-cycle indicator the cycle the school year belongs to.
 */
public final class AssessmentPeriods {

  private AssessmentPeriods() {}

  /**
   * @param schoolYear a period of type {@link PeriodType#SCHOOL_YEAR}
   */
  public static List<String> of(PeriodType indicatorPeriod, Period schoolYear, SchoolCalendar calendar) {
    if (schoolYear.type() != PeriodType.SCHOOL_YEAR) {
      throw new IllegalArgumentException("an assessment is of a school year (2026-2027), not " + schoolYear.id());
    }
    int y = schoolYear.startYear();
    return switch (indicatorPeriod) {
      case SEMESTER -> List.of(new Period(PeriodType.SEMESTER, y, 1).id(), new Period(PeriodType.SEMESTER, y, 2).id());
      case SCHOOL_YEAR -> List.of(schoolYear.id());
      case CALENDAR_YEAR -> List.of(new Period(PeriodType.CALENDAR_YEAR, y, 0).id());
      case PROGRAMME_CYCLE -> List.of(Period.containing(PeriodType.PROGRAMME_CYCLE, schoolYear.start(calendar), calendar).id());
    };
  }
}
