package org.gongyu.school.sixones;

import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.studentrecords.StudentRecordChecks;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Refuses an enrolment below the number of the class's students with a recorded participation. */
@Component
class SixOnesEnrolmentGuard {

  private final JdbcClient jdbc;

  SixOnesEnrolmentGuard(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(SchoolClasses.EnrolmentChanged change) {
    long students = StudentRecordChecks.studentsOfClass(jdbc, SixOnesParticipations.TABLE, change.schoolId(), change.classId());
    if (change.enrolment() < students) {
      throw ApiProblem.unprocessable(
          "enrolment of class " + change.classId() + " cannot be " + change.enrolment() + ": "
              + students + " of its students already took part in six-ones activities",
          List.of("enrolment: must be at least " + students));
    }
  }
}
