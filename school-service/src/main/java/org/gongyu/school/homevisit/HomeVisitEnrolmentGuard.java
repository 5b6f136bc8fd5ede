package org.gongyu.school.homevisit;

import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.studentrecords.StudentRecordChecks;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Refuses an enrolment below the number of the class's students already contacted or with a file. */
@Component
class HomeVisitEnrolmentGuard {

  private final JdbcClient jdbc;

  HomeVisitEnrolmentGuard(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(SchoolClasses.EnrolmentChanged change) {
    for (String table : List.of(HomeContacts.TABLE, HomeVisitFiles.TABLE)) {
      long students = StudentRecordChecks.studentsOfClass(jdbc, table, change.schoolId(), change.classId());
      if (change.enrolment() < students) {
        throw ApiProblem.unprocessable(
            Msg.msg("school.enrolment.below-home-visits", change.classId(), change.enrolment(), students),
            List.of(Msg.msg("school.enrolment.at-least", students)));
      }
    }
  }
}
