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

/** {@code HOME_VISIT_3Y} per programme cycle. */
@Component
class HomeVisit3yIndicator implements IndicatorDerivation {
  private final JdbcClient jdbc;
  private final SchoolClasses classes;
  private final CityCalendar calendar;

  HomeVisit3yIndicator(JdbcClient jdbc, SchoolClasses classes, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.classes = classes;
    this.calendar = calendar;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.HOME_VISIT_3Y;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.PROGRAMME_CYCLE;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    String current = HomeVisitFigures.currentSchoolYear(period, calendar.calendar(), calendar.today()).id();
    LocalDate start = period.start(calendar.calendar());
    LocalDate end = calendar.dayOf(endExclusive);
    return HomeVisitFigures.homeVisit3y(HomeVisitIndicators.contacts(jdbc, schoolId, start, end, false), current, start, end,
        classes.totalEnrolment(schoolId, current));
  }
}
