package org.gongyu.school.registration;

import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
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
          "enrolment of class " + change.classId() + " cannot be " + change.enrolment() + ": "
              + registered + " of its students already have a registered guardian",
          List.of("enrolment: must be at least " + registered));
    }
  }
}
