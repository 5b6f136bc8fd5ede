package org.gongyu.school.classes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.security.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.records.WithdrawalRequest;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Classes · 班级", description = "The school's classes and their enrolment · 班级及在籍人数")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/classes")
class ClassController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final SchoolClasses classes;

  ClassController(SchoolClasses classes) {
    this.classes = classes;
  }

  record ClassResponse(String classId, String schoolYear, int grade, String name, int enrolment) {
    static ClassResponse of(SchoolClasses.SchoolClass c) {
      return new ClassResponse(c.classId(), c.schoolYear(), c.grade(), c.name(), c.enrolment());
    }
  }

  /** Creates the class or updates its grade, name or enrolment (idempotent). */
  @Operation(summary = "Create or update a class", description = "新建班级或更新其年级、名称、在籍人数（幂等）。在籍人数不得低于已有记录所涉及的学生数（422）。")
  @PutMapping("/{classId}")
  @PreAuthorize(Rules.SCHOOL_ADMIN + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<ClassResponse>> put(
      @PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String classId,
      @Valid @RequestBody ClassRequest request) {
    SchoolClasses.Saved saved = classes.save(schoolId, classId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(ClassResponse.of(saved.schoolClass()), saved.version()));
  }

  @Operation(summary = "Withdraw a class", description = "撤回一个误录的班级（须填写原因）：其在籍人数不再计入任何指标，记录仍以“已撤回”状态可读。仍有记录引用该班级时返回 409；已撤回时返回 409。")
  @PostMapping("/{classId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_ADMIN + Rules.OF_SCHOOL)
  Tracked<ClassResponse> withdraw(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String classId,
      @Valid @RequestBody WithdrawalRequest request) {
    return classes.withdraw(schoolId, classId, request.reason().strip()).map(ClassResponse::of);
  }

  @Operation(summary = "The trail of a class", description = "一个班级记录的全部版本（新建、更正、撤回），按时间先后排列；仅本校用户可读。")
  @GetMapping("/{classId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> history(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String classId) {
    return classes.history(schoolId, classId);
  }

  @Operation(summary = "List the school's classes", description = "列出本校的班级。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<ClassResponse>> list(@PathVariable @Pattern(regexp = ID) String schoolId,
      @RequestParam(required = false) @Pattern(regexp = "\\d{4}-\\d{4}") String schoolYear) {
    return classes.tracked(schoolId, schoolYear).stream().map(t -> t.map(ClassResponse::of)).toList();
  }

  @Operation(summary = "Read a class", description = "读取一个班级；不存在时返回 404。")
  @GetMapping("/{classId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<ClassResponse> get(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String classId) {
    return classes.read(schoolId, classId)
        .map(t -> t.map(ClassResponse::of))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.class.unknown", classId, schoolId)));
  }
}
