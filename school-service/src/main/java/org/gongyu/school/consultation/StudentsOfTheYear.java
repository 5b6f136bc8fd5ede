package org.gongyu.school.consultation;

import java.sql.Date;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.gongyu.school.classes.SchoolClasses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The share of a school year's students that one of this package's records reached: distinct
 * students of the year's classes named by a record dated on a day of the year / Σ enrolment of those
 * classes. Outreach and problem discovery differ only in the table and its day.
 */
@Component
class StudentsOfTheYear {

  /** A table of this package with {@code school_id}, {@code class_id}, {@code student_key} and a day column. */
  enum Source {
    OUTREACH("consultation_outreach", "delivered_on"),
    CASES("consultation_case", "opened_on");

    private final String table;
    private final String day;

    Source(String table, String day) {
      this.table = table;
      this.day = day;
    }
  }

  private final JdbcClient jdbc;
  private final SchoolClasses classes;
  private final CityCalendar calendar;

  StudentsOfTheYear(JdbcClient jdbc, SchoolClasses classes, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.classes = classes;
    this.calendar = calendar;
  }

  Figure figure(Source source, String schoolId, Period year) {
    long reached = jdbc.sql("select count(distinct r.student_key) from " + source.table + " r"
            + " join school_class c on c.school_id = r.school_id and c.class_id = r.class_id"
            + " where r.school_id = ? and c.school_year = ? and r." + source.day + " >= ? and r." + source.day + " < ?")
        .params(schoolId, year.id(), Date.valueOf(year.start(calendar.calendar())), Date.valueOf(year.endExclusive(calendar.calendar())))
        .query(Long.class)
        .single();
    return new Figure(reached, classes.totalEnrolment(schoolId, year.id()));
  }
}
