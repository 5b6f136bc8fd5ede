package org.gongyu.school.classes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.security.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Semester;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
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
  ResponseEntity<ClassResponse> put(
      @PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String classId,
      @Valid @RequestBody ClassRequest request) {
    try {
      Semester.ofSchoolYear(request.schoolYear());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("schoolYear", e));
    }
    SchoolClasses.Saved saved = classes.save(schoolId, classId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(ClassResponse.of(saved.schoolClass()));
  }

  @Operation(summary = "List the school's classes", description = "列出本校的班级。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<ClassResponse> list(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return classes.list(schoolId).stream().map(ClassResponse::of).toList();
  }

  @Operation(summary = "Read a class", description = "读取一个班级；不存在时返回 404。")
  @GetMapping("/{classId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ClassResponse get(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String classId) {
    return classes.find(schoolId, classId)
        .map(ClassResponse::of)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.class.unknown", classId, schoolId)));
  }
}
