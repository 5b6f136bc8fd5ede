package org.gongyu.school.homevisit;

import java.time.Instant;
import java.time.LocalDate;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code PARENT_CONTACT} per semester. */
@Component
class ParentContactIndicator implements IndicatorDerivation {
  private final JdbcClient jdbc;
  private final SchoolClasses classes;
  private final CityCalendar calendar;

  ParentContactIndicator(JdbcClient jdbc, SchoolClasses classes, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.classes = classes;
    this.calendar = calendar;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.PARENT_CONTACT;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SEMESTER;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    String year = period.asSemester().schoolYear();
    LocalDate start = period.start(calendar.calendar());
    LocalDate end = calendar.dayOf(endExclusive);
    return HomeVisitFigures.parentContact(HomeVisitIndicators.contacts(jdbc, schoolId, start, end, false), year, start, end,
        classes.totalEnrolment(schoolId, year));
  }
}
