package org.gongyu.school.consultation;

import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.school.classes.SchoolClasses;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Refuses an enrolment below the number of the class's students whose family was already reached. */
@Component
class OutreachEnrolmentGuard {

  private final ConsultationOutreach outreach;

  OutreachEnrolmentGuard(ConsultationOutreach outreach) {
    this.outreach = outreach;
  }

  @EventListener
  void on(SchoolClasses.EnrolmentChanged change) {
    long reached = outreach.reachedStudents(change.schoolId(), change.classId());
    if (change.enrolment() < reached) {
      throw ApiProblem.unprocessable(
          "enrolment of class " + change.classId() + " cannot be " + change.enrolment() + ": the families of "
              + reached + " of its students already received the consultation-service information",
          List.of("enrolment: must be at least " + reached));
    }
  }
}
