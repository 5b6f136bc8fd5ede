package org.gongyu.school.openschool;

import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;

/** The period a list of events asks for: exactly one of {@code semester} and {@code schoolYear} (else 400). */
final class ListPeriod {

  private ListPeriod() {}

  static Period of(CityCalendar calendar, String semester, String schoolYear) {
    if ((semester == null) == (schoolYear == null)) {
      throw ApiProblem.badRequest(Msg.msg("school.period-param.one-of"));
    }
    String name = semester != null ? "semester" : "schoolYear";
    try {
      return semester != null ? calendar.parse(PeriodType.SEMESTER, semester) : calendar.parse(PeriodType.SCHOOL_YEAR, schoolYear);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of(name, e));
    }
  }
}
