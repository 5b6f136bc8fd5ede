package org.gongyu.school.sixones;

import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
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
          Msg.msg("school.enrolment.below-six-ones", change.classId(), change.enrolment(), students),
          List.of(Msg.msg("school.enrolment.at-least", students)));
    }
  }
}
