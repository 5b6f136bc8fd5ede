package org.gongyu.school.classes;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.security.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.contracts.period.Semester;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
  @PutMapping("/{classId}")
  @PreAuthorize(Rules.SCHOOL_ADMIN + Rules.OF_SCHOOL)
  ResponseEntity<ClassResponse> put(
      @PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String classId,
      @Valid @RequestBody ClassRequest request) {
    try {
      Semester.ofSchoolYear(request.schoolYear());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("schoolYear: " + e.getMessage());
    }
    SchoolClasses.Saved saved = classes.save(schoolId, classId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(ClassResponse.of(saved.schoolClass()));
  }

  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<ClassResponse> list(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return classes.list(schoolId).stream().map(ClassResponse::of).toList();
  }

  @GetMapping("/{classId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ClassResponse get(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String classId) {
    return classes.find(schoolId, classId)
        .map(ClassResponse::of)
        .orElseThrow(() -> ApiProblem.notFound("class " + classId + " is not recorded at school " + schoolId));
  }
}
