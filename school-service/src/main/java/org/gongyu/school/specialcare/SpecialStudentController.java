package org.gongyu.school.specialcare;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.privacy.SensitiveReads;
import org.springframework.web.bind.annotation.GetMapping;
import org.gongyu.school.studentrecords.SnapshotFigure;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.records.WithdrawalRequest;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The special-student register. Answers never carry the student's reference or the notes. */
@Tag(name = "Special care · 特殊关爱", description = "The school's register of students needing special care · 特殊关爱学生台账")
@RestController
class SpecialStudentController {

  private final SpecialStudents register;
  private final SensitiveReads reads;

  private final CityCalendar calendar;

  SpecialStudentController(SpecialStudents register, SensitiveReads reads, CityCalendar calendar) {
    this.calendar = calendar;
    this.register = register;
    this.reads = reads;
  }

  /** One entry, stating why it is read; the read is recorded. A withdrawn entry is answered as WITHDRAWN. */
  @Operation(summary = "Read one special-care entry (purpose required, recorded)",
      description = "读取一条特殊关爱学生记录（不含学生编号和情况说明）。须以请求头 X-Purpose 或参数 purpose 说明目的（FOLLOW_UP 家访跟进、COUNSELLING 个案辅导、STATISTICS_CHECK 统计核对、OTHER 其他），缺少则 400；每次查阅均记录查阅人、角色、时间和目的。已撤回的记录以“已撤回”状态返回。")
  @GetMapping("/api/school/schools/{schoolId}/special-students/{entryId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<EntryView> get(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,40}") String entryId,
      HttpServletRequest request) {
    SensitiveReads.Purpose purpose = reads.purpose(request, true);
    Tracked<SpecialStudents.View> e = register.read(schoolId, entryId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.special-student.not-found", entryId)));
    reads.recordOne(schoolId, SensitiveReads.Family.SPECIAL_CARE, entryId, purpose);
    return e.map(EntryView::of);
  }

  /** An entry as a read shows it: no student reference, no notes. */
  record EntryView(String entryId, String classId, String category, LocalDate registeredOn, LocalDate careFileOn,
      LocalDate assistancePlanOn, LocalDate closedOn) {
    static EntryView of(SpecialStudents.View v) {
      return new EntryView(v.entryId(), v.classId(), v.category(), v.registeredOn(), v.careFileOn(), v.assistancePlanOn(), v.closedOn());
    }
  }

  /** The entries registered in a school year; the read of the list is recorded (purpose optional). */
  @Operation(summary = "List the special-care entries of a school year (recorded)",
      description = "列出某学年（如 2026-2027）登记的特殊关爱学生记录（不含学生编号和情况说明），可按班级筛选；已撤回的记录以“已撤回”状态列出。每次查阅均记录。")
  @GetMapping("/api/school/schools/{schoolId}/special-students")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<EntryView>> list(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @RequestParam String schoolYear,
      @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
      HttpServletRequest request) {
    Period year;
    try {
      year = calendar.parse(PeriodType.SCHOOL_YEAR, schoolYear);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("schoolYear", e));
    }
    SensitiveReads.Purpose purpose = reads.purpose(request, false);
    List<Tracked<EntryView>> list = register.list(schoolId, year, classId).stream().map(t -> t.map(EntryView::of)).toList();
    reads.recordList(schoolId, SensitiveReads.Family.SPECIAL_CARE,
        "schoolYear=" + schoolYear + (classId == null ? "" : "&classId=" + classId), purpose);
    return list;
  }

  @Operation(summary = "Withdraw a special-care entry", description = "撤回一条特殊关爱学生记录（须填写原因）：不再计入指标，记录（不含学生编号和情况说明）仍以“已撤回”状态可读；已撤回时返回 409。")
  @PostMapping("/api/school/schools/{schoolId}/special-students/{entryId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<EntryView> withdraw(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,40}") String entryId,
      @Valid @RequestBody WithdrawalRequest request) {
    return register.withdraw(schoolId, entryId, request.reason().strip()).map(EntryView::of);
  }

  @Operation(summary = "The trail of a special-care entry", description = "一条特殊关爱学生记录的全部版本（不含学生编号和情况说明），按时间先后排列；仅本校用户可读。")
  @GetMapping("/api/school/schools/{schoolId}/special-students/{entryId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> history(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,40}") String entryId) {
    return register.history(schoolId, entryId);
  }

  /**
   * An entry as the API shows it: no student reference, no notes.
   *
   * @param changed   whether this request changed the entry (false for an identical PUT)
   * @param snapshots the latest {@code SPECIAL_CARE} figure of every started semester the entry's dates reach
   */
  record SpecialStudentResponse(String entryId, String category, LocalDate registeredOn, LocalDate careFileOn,
      LocalDate assistancePlanOn, LocalDate closedOn, boolean changed, List<SnapshotFigure> snapshots) {}

  /** Creates the entry (201) or corrects it (200); the same content again changes nothing (200). */
  @Operation(summary = "Create or correct a special-care entry", description = "新建（201）或更正（200）一条特殊关爱学生记录；内容相同的重复请求不做更改（200）。学生以化名保存，情况说明加密存储。")
  @PutMapping("/api/school/schools/{schoolId}/special-students/{entryId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<SpecialStudentResponse>> put(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,40}") String entryId,
      @Valid @RequestBody SpecialStudentRequest request) {
    SpecialStudents.Saved saved = register.put(schoolId, entryId, request);
    SpecialStudents.Entry e = saved.entry();
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(new SpecialStudentResponse(entryId, e.category().name(), e.registeredOn(), e.careFileOn(),
            e.assistancePlanOn(), e.closedOn(), saved.changed(), saved.snapshots().stream().map(SnapshotFigure::of).toList()),
            saved.version()));
  }
}
