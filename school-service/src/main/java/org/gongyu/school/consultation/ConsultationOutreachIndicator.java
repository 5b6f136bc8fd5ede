package org.gongyu.school.consultation;

import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.stereotype.Component;

/**
 * {@code CONSULTATION_OUTREACH} per school year: distinct students of the year's classes whose family
 * received the consultation-service information on a day of the year / Σ enrolment of those classes.
 */
@Component
class ConsultationOutreachIndicator implements IndicatorDerivation {

  private final StudentsOfTheYear students;

  ConsultationOutreachIndicator(StudentsOfTheYear students) {
    this.students = students;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.CONSULTATION_OUTREACH;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SCHOOL_YEAR;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    return students.figure(StudentsOfTheYear.Source.OUTREACH, schoolId, period);
  }
}
