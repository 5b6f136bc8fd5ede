package org.gongyu.school.parentschool;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The parent school, its sessions, its head's trainings and its instructors. Writes: the school's
 * staff and admins; reads: any role that sees the school. A PUT creates (201), corrects (200) or,
 * with the content already stored, changes nothing (200).
 */
@RestController
@RequestMapping("/api/school/schools/{schoolId}")
class ParentSchoolController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final ParentSchools parentSchools;
  private final Sessions sessions;
  private final HeadTrainings trainings;
  private final Instructors instructors;
  private final SchoolRegistry registry;
  private final CityCalendar calendar;

  ParentSchoolController(ParentSchools parentSchools, Sessions sessions, HeadTrainings trainings, Instructors instructors,
      SchoolRegistry registry, CityCalendar calendar) {
    this.parentSchools = parentSchools;
    this.sessions = sessions;
    this.trainings = trainings;
    this.instructors = instructors;
    this.registry = registry;
    this.calendar = calendar;
  }

  record ParentSchoolResponse(String headName, LocalDate establishedOn, String structure, String rules) {
    static ParentSchoolResponse of(ParentSchools.Establishment e) {
      return new ParentSchoolResponse(e.headName(), e.establishedOn(), e.structure(), e.rules());
    }
  }

  record SessionResponse(String sessionId, String type, String classId, LocalDate date, String topic, String lecturer, String mode,
      int attendance) {
    static SessionResponse of(Session s) {
      return new SessionResponse(s.sessionId(), s.type().name(), s.classId(), s.date(), s.topic(), s.lecturer(), s.mode().name(),
          s.attendance());
    }
  }

  record HeadTrainingResponse(String trainingId, String personName, String course, LocalDate completedOn) {
    static HeadTrainingResponse of(HeadTrainings.HeadTraining t) {
      return new HeadTrainingResponse(t.trainingId(), t.personName(), t.course(), t.completedOn());
    }
  }

  record InstructorResponse(String instructorId, String name, String certificateNo, LocalDate certifiedOn, LocalDate leftOn) {
    static InstructorResponse of(Instructors.Instructor i) {
      return new InstructorResponse(i.instructorId(), i.name(), i.certificateNo(), i.certifiedOn(), i.leftOn());
    }
  }

  private static <T, R> ResponseEntity<R> answer(Saved<T> saved, java.util.function.Function<T, R> shape) {
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(shape.apply(saved.record()));
  }

  // ---------------------------------------------------------------- establishment

  @PutMapping("/parent-school")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<ParentSchoolResponse> putParentSchool(
      @PathVariable @Pattern(regexp = ID) String schoolId, @Valid @RequestBody ParentSchoolRequest request) {
    return answer(parentSchools.put(schoolId, request), ParentSchoolResponse::of);
  }

  @GetMapping("/parent-school")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  ParentSchoolResponse getParentSchool(@PathVariable @Pattern(regexp = ID) String schoolId) {
    registry.require(schoolId);
    return parentSchools.find(schoolId).map(ParentSchoolResponse::of)
        .orElseThrow(() -> ApiProblem.notFound("school " + schoolId + " has recorded no parent school"));
  }

  // ---------------------------------------------------------------- sessions

  @PutMapping("/parent-school/sessions/{sessionId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<SessionResponse> putSession(
      @PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String sessionId,
      @Valid @RequestBody SessionRequest request) {
    return answer(sessions.put(schoolId, sessionId, request), SessionResponse::of);
  }

  @DeleteMapping("/parent-school/sessions/{sessionId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Void> deleteSession(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String sessionId) {
    if (!sessions.delete(schoolId, sessionId)) {
      throw ApiProblem.notFound("session " + sessionId + " is not recorded at school " + schoolId);
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/parent-school/sessions/{sessionId}")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  SessionResponse getSession(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String sessionId) {
    registry.require(schoolId);
    return sessions.find(schoolId, sessionId).map(SessionResponse::of)
        .orElseThrow(() -> ApiProblem.notFound("session " + sessionId + " is not recorded at school " + schoolId));
  }

  /** The sessions dated in a semester, by date. */
  @GetMapping("/parent-school/sessions")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  List<SessionResponse> listSessions(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String semester) {
    Period period;
    try {
      period = calendar.parse(PeriodType.SEMESTER, semester);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("semester: " + e.getMessage());
    }
    registry.require(schoolId);
    return sessions.between(schoolId, period.start(calendar.calendar()), period.endExclusive(calendar.calendar())).stream()
        .map(SessionResponse::of).toList();
  }

  // ---------------------------------------------------------------- head trainings

  @PutMapping("/head-trainings/{trainingId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<HeadTrainingResponse> putTraining(
      @PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String trainingId,
      @Valid @RequestBody HeadTrainingRequest request) {
    return answer(trainings.put(schoolId, trainingId, request), HeadTrainingResponse::of);
  }

  @GetMapping("/head-trainings")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  List<HeadTrainingResponse> listTrainings(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return trainings.list(schoolId).stream().map(HeadTrainingResponse::of).toList();
  }

  // ---------------------------------------------------------------- instructors

  @PutMapping("/instructors/{instructorId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<InstructorResponse> putInstructor(
      @PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String instructorId,
      @Valid @RequestBody InstructorRequest request) {
    return answer(instructors.put(schoolId, instructorId, request), InstructorResponse::of);
  }

  @GetMapping("/instructors")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  List<InstructorResponse> listInstructors(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return instructors.list(schoolId).stream().map(InstructorResponse::of).toList();
  }
}
