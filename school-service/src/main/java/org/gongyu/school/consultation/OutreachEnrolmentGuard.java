package org.gongyu.school.consultation;

import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
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
          Msg.msg("school.enrolment.below-outreach", change.classId(), change.enrolment(), reached),
          List.of(Msg.msg("school.enrolment.at-least", reached)));
    }
  }
}
