package org.gongyu.school.registration;

import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.classes.SchoolClasses;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Refuses an enrolment below the number of the class's students already registered. */
@Component
class EnrolmentGuard {

  private final PlatformRegistrations registrations;

  EnrolmentGuard(PlatformRegistrations registrations) {
    this.registrations = registrations;
  }

  @EventListener
  void on(SchoolClasses.EnrolmentChanged change) {
    long registered = registrations.registeredStudents(change.schoolId(), change.classId());
    if (change.enrolment() < registered) {
      throw ApiProblem.unprocessable(
          Msg.msg("school.enrolment.below-registered", change.classId(), change.enrolment(), registered),
          List.of(Msg.msg("school.enrolment.at-least", registered)));
    }
  }
}
