package org.gongyu.school.homevisit;

import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
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
            "enrolment of class " + change.classId() + " cannot be " + change.enrolment() + ": "
                + students + " of its students already have home-visit records",
            List.of("enrolment: must be at least " + students));
      }
    }
  }
}
