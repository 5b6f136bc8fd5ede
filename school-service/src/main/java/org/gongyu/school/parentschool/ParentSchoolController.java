package org.gongyu.school.parentschool;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.records.WithdrawalRequest;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
@Tag(name = "Parent school · 家长学校", description = "The school's parent school: its record, sessions, head-teacher trainings and instructors · 家长学校、授课活动、班主任培训和讲师")
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
  private final RegistryLecturers lecturers;
  private final RegistryCertificates certificates;

  ParentSchoolController(ParentSchools parentSchools, Sessions sessions, HeadTrainings trainings, Instructors instructors,
      SchoolRegistry registry, CityCalendar calendar, RegistryLecturers lecturers, RegistryCertificates certificates) {
    this.lecturers = lecturers;
    this.certificates = certificates;
    this.parentSchools = parentSchools;
    this.sessions = sessions;
    this.trainings = trainings;
    this.instructors = instructors;
    this.registry = registry;
    this.calendar = calendar;
  }

  record ParentSchoolResponse(String headName, LocalDate headFrom, LocalDate establishedOn, String structure, String rules) {
    static ParentSchoolResponse of(ParentSchools.Recorded e) {
      return new ParentSchoolResponse(e.headName(), e.headFrom(), e.establishedOn(), e.structure(), e.rules());
    }
  }

  record HeadResponse(LocalDate headFrom, String headName) {}

  record SessionResponse(String sessionId, String type, String classId, LocalDate date, String topic, String lecturer, String mode,
      int attendance, String lecturerId) {
    static SessionResponse of(Session s) {
      return new SessionResponse(s.sessionId(), s.type().name(), s.classId(), s.date(), s.topic(), s.lecturer(), s.mode().name(),
          s.attendance(), s.lecturerId());
    }
  }

  record HeadTrainingResponse(String trainingId, String personName, String course, LocalDate completedOn) {
    static HeadTrainingResponse of(HeadTrainings.HeadTraining t) {
      return new HeadTrainingResponse(t.trainingId(), t.personName(), t.course(), t.completedOn());
    }
  }

  /**
   * An instructor with the check of its certificate against the city's (ADR 0025), as of today.
   *
   * @param certificateCheck     VALID (持证), EXPIRED, REVOKED, NOT_YET_ISSUED, HOLDER_MISMATCH (issued to
   *                             someone else) or NOT_FOUND (未持证: no city certificate of that number)
   * @param certificateExpiresOn the city certificate's expiry when the number is the instructor's, else null
   */
  record InstructorResponse(String instructorId, String name, String certificateNo, LocalDate certifiedOn, LocalDate leftOn,
      String certificateCheck, LocalDate certificateExpiresOn) {}

  private InstructorResponse instructorResponse(Instructors.Instructor i) {
    var certificate = certificates.find(i.certificateNo());
    var check = ParentSchoolRules.check(i.name(), certificate, calendar.today());
    return new InstructorResponse(i.instructorId(), i.name(), i.certificateNo(), i.certifiedOn(), i.leftOn(), check.name(),
        check == ParentSchoolRules.CertificateCheck.HOLDER_MISMATCH || check == ParentSchoolRules.CertificateCheck.NOT_FOUND
            ? null : certificate.get().expiresOn());
  }

  private static <T, R> ResponseEntity<Tracked<R>> answer(Saved<T> saved, java.util.function.Function<T, R> shape) {
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(shape.apply(saved.record()), saved.version()));
  }

  // ---------------------------------------------------------------- establishment

  @Operation(summary = "Record or correct the school's parent school", description = "记录（201）或更正（200）本校家长学校的基本情况。")
  @PutMapping("/parent-school")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<ParentSchoolResponse>> putParentSchool(
      @PathVariable @Pattern(regexp = ID) String schoolId, @Valid @RequestBody ParentSchoolRequest request) {
    return answer(parentSchools.put(schoolId, request), ParentSchoolResponse::of);
  }

  @Operation(summary = "Withdraw the school's parent school", description = "撤回本校家长学校记录（须填写原因）；撤回后各学期按未建立计算，记录仍以“已撤回”状态可读，之后可重新记录。")
  @PostMapping("/parent-school/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<ParentSchoolResponse> withdrawParentSchool(
      @PathVariable @Pattern(regexp = ID) String schoolId, @Valid @RequestBody WithdrawalRequest request) {
    return parentSchools.withdraw(schoolId, request.reason().strip()).map(ParentSchoolResponse::of);
  }

  @Operation(summary = "The trail of the school's parent school", description = "本校家长学校记录的全部版本（新建、更正、撤回），按时间先后排列；仅本校用户可读。")
  @GetMapping("/parent-school/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> parentSchoolHistory(@PathVariable @Pattern(regexp = ID) String schoolId) {
    registry.require(schoolId);
    return parentSchools.history(schoolId);
  }

  @Operation(summary = "Who headed the parent school when", description = "家长学校负责人的任职记录：每位负责人自哪一天起任职，按日期排序。")
  @GetMapping("/parent-school/heads")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  List<HeadResponse> heads(@PathVariable @Pattern(regexp = ID) String schoolId) {
    registry.require(schoolId);
    return parentSchools.heads(schoolId).stream().map(h -> new HeadResponse(h.from(), h.name())).toList();
  }

  @Operation(summary = "Read the school's parent school", description = "读取本校家长学校的基本情况；尚未记录时返回 404。")
  @GetMapping("/parent-school")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  Tracked<ParentSchoolResponse> getParentSchool(@PathVariable @Pattern(regexp = ID) String schoolId) {
    registry.require(schoolId);
    return parentSchools.read(schoolId, RecordTrail.ownSchoolCaller()).map(t -> t.map(ParentSchoolResponse::of))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.parent-school.none", schoolId)));
  }

  // ---------------------------------------------------------------- sessions

  @Operation(summary = "Record or correct a parent-school session", description = "记录（201）或更正（200）一次家长学校授课活动（全校集中或班级）。班级活动须提供 classId，全校集中活动不得提供。")
  @PutMapping("/parent-school/sessions/{sessionId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<SessionResponse>> putSession(
      @PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String sessionId,
      @Valid @RequestBody SessionRequest request) {
    return answer(sessions.put(schoolId, sessionId, request), SessionResponse::of);
  }

  @Operation(summary = "Delete (withdraw) a parent-school session", description = "删除一次家长学校授课活动记录（204）：即撤回，原因可用 reason 参数给出；记录仍以“已撤回”状态可读。不存在时返回 404，已撤回时返回 409。")
  @DeleteMapping("/parent-school/sessions/{sessionId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Void> deleteSession(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String sessionId,
      @RequestParam(required = false) @Size(max = RecordTrail.MAX_REASON) String reason) {
    registry.require(schoolId);
    sessions.withdraw(schoolId, sessionId, reason == null || reason.isBlank() ? "DELETE" : reason.strip());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Withdraw a parent-school session", description = "撤回一次授课活动（须填写原因）：不再计入任何指标，记录仍以“已撤回”状态可读；已撤回时返回 409。")
  @PostMapping("/parent-school/sessions/{sessionId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<SessionResponse> withdrawSession(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String sessionId, @Valid @RequestBody WithdrawalRequest request) {
    registry.require(schoolId);
    return sessions.withdraw(schoolId, sessionId, request.reason().strip()).map(SessionResponse::of);
  }

  @Operation(summary = "The trail of a parent-school session", description = "一次授课活动的全部版本（新建、更正、撤回），按时间先后排列；仅本校用户可读。")
  @GetMapping("/parent-school/sessions/{sessionId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> sessionHistory(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String sessionId) {
    registry.require(schoolId);
    return sessions.history(schoolId, sessionId);
  }

  @Operation(summary = "Read a parent-school session", description = "读取一次家长学校授课活动。")
  @GetMapping("/parent-school/sessions/{sessionId}")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  Tracked<SessionResponse> getSession(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String sessionId) {
    registry.require(schoolId);
    return sessions.read(schoolId, sessionId, RecordTrail.ownSchoolCaller()).map(t -> t.map(SessionResponse::of))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.session.unknown", sessionId, schoolId)));
  }

  /**
   * A lecturer of the city's registry as the school's copy has it (ADR 0024).
   *
   * @param registeredAndTrained registered (in force) and trained by the city: what LECTURER_REGISTRATION counts
   */
  record RegistryLecturerResponse(String lecturerId, String displayName, String affiliation, String status, LocalDate trainedOn,
      boolean registeredAndTrained) {}

  /** The city's registered lecturers (all entries of the copy if asked), for naming one in a session. */
  @Operation(summary = "The city's registered lecturers, to name in a session",
      description = "市级备案讲师（学校所存副本）：授课活动可通过 lecturerId 指定其中一位；all=true 时也列出已暂停或已撤销的。")
  @GetMapping("/parent-school/lecturers")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<RegistryLecturerResponse> registryLecturers(@PathVariable @Pattern(regexp = ID) String schoolId,
      @RequestParam(defaultValue = "false") boolean all) {
    registry.require(schoolId);
    return lecturers.list(all).stream().map(l -> new RegistryLecturerResponse(l.lecturerId(), l.displayName(), l.affiliation(),
        l.status(), l.trainedOn(), l.registeredAndTrained())).toList();
  }

  /** The sessions dated in a semester, by date. */
  @Operation(summary = "List the parent-school sessions of a semester", description = "列出某学期（如 2026-2027-1）内的授课活动，按日期排序。")
  @GetMapping("/parent-school/sessions")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  List<Tracked<SessionResponse>> listSessions(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String semester,
      @RequestParam(required = false) @Pattern(regexp = ID) String classId) {
    Period period;
    try {
      period = calendar.parse(PeriodType.SEMESTER, semester);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("semester", e));
    }
    registry.require(schoolId);
    return sessions.list(schoolId, period.start(calendar.calendar()), period.endExclusive(calendar.calendar()), classId,
            RecordTrail.ownSchoolCaller()).stream()
        .map(t -> t.map(SessionResponse::of)).toList();
  }

  // ---------------------------------------------------------------- head trainings

  @Operation(summary = "Record or correct a head-teacher training", description = "记录（201）或更正（200）一次班主任家庭教育培训。")
  @PutMapping("/head-trainings/{trainingId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<HeadTrainingResponse>> putTraining(
      @PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String trainingId,
      @Valid @RequestBody HeadTrainingRequest request) {
    return answer(trainings.put(schoolId, trainingId, request), HeadTrainingResponse::of);
  }

  @Operation(summary = "List the head-teacher trainings", description = "列出本校的班主任家庭教育培训记录。")
  @GetMapping("/head-trainings")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  List<Tracked<HeadTrainingResponse>> listTrainings(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return trainings.tracked(schoolId, RecordTrail.ownSchoolCaller()).stream().map(t -> t.map(HeadTrainingResponse::of)).toList();
  }

  @Operation(summary = "Withdraw a head-teacher training", description = "撤回一条班主任培训记录（须填写原因）：不再计入指标，记录仍以“已撤回”状态可读；已撤回时返回 409。")
  @PostMapping("/head-trainings/{trainingId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<HeadTrainingResponse> withdrawTraining(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String trainingId, @Valid @RequestBody WithdrawalRequest request) {
    registry.require(schoolId);
    return trainings.withdraw(schoolId, trainingId, request.reason().strip()).map(HeadTrainingResponse::of);
  }

  @Operation(summary = "The trail of a head-teacher training", description = "一条班主任培训记录的全部版本，按时间先后排列；仅本校用户可读。")
  @GetMapping("/head-trainings/{trainingId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> trainingHistory(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String trainingId) {
    return trainings.history(schoolId, trainingId);
  }

  // ---------------------------------------------------------------- instructors

  @Operation(summary = "Record or correct a parent-school instructor", description = "记录（201）或更正（200）一名家长学校讲师；证书编号与市级证书库核验，结果见 certificateCheck（VALID 持证、EXPIRED 已过期、REVOKED 已撤销、HOLDER_MISMATCH 持证人不符、NOT_FOUND 未持证），只有 VALID 计入持证上岗率。")
  @PutMapping("/instructors/{instructorId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<InstructorResponse>> putInstructor(
      @PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String instructorId,
      @Valid @RequestBody InstructorRequest request) {
    return answer(instructors.put(schoolId, instructorId, request), this::instructorResponse);
  }

  @Operation(summary = "List the parent-school instructors", description = "列出本校家长学校的讲师及其证书与市级证书库的核验结果（certificateCheck）。")
  @GetMapping("/instructors")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  List<Tracked<InstructorResponse>> listInstructors(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return instructors.tracked(schoolId, RecordTrail.ownSchoolCaller()).stream().map(t -> t.map(this::instructorResponse)).toList();
  }

  @Operation(summary = "Withdraw a parent-school instructor", description = "撤回一名讲师记录（须填写原因）：不再计入指标，记录仍以“已撤回”状态可读；已撤回时返回 409。")
  @PostMapping("/instructors/{instructorId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<InstructorResponse> withdrawInstructor(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String instructorId, @Valid @RequestBody WithdrawalRequest request) {
    registry.require(schoolId);
    return instructors.withdraw(schoolId, instructorId, request.reason().strip()).map(this::instructorResponse);
  }

  @Operation(summary = "The trail of a parent-school instructor", description = "一名讲师记录的全部版本，按时间先后排列；仅本校用户可读。")
  @GetMapping("/instructors/{instructorId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> instructorHistory(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String instructorId) {
    return instructors.history(schoolId, instructorId);
  }
}
