package org.gongyu.school.survey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A school's surveys (ADR 0026): its own users only. Answers are anonymous and stay here; the
 * county and the city see only the counts the school publishes, with small cells withheld.
 */
@Tag(name = "Surveys · 问卷调查", description = "City questionnaires answered anonymously at the school, counts sent upward · 学校匿名收集问卷并上报汇总数")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/surveys")
class SurveyController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final SchoolSurveys surveys;

  SurveyController(SchoolSurveys surveys) {
    this.surveys = surveys;
  }

  @Operation(summary = "The city's surveys reaching this school", description = "本校收到的市级问卷（全市或本区县），含本校已录入份数与最近一次上报。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<SchoolSurveyResponse> list(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return surveys.list(schoolId);
  }

  @Operation(summary = "One survey with its questions", description = "查看一份问卷的题目与选项；未发往本校时返回 404。")
  @GetMapping("/{surveyId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  SchoolSurveyResponse read(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String surveyId) {
    return surveys.read(schoolId, surveyId);
  }

  @Operation(summary = "Enter anonymous questionnaires",
      description = "录入匿名答卷（如纸质问卷），一次 1–500 份，全部通过才保存：不收集姓名、学号、班级等任何身份信息，可选填年级。"
          + "答案须为问卷的题目与选项（单选、量表一项，多选至少一项），否则 422 并指明字段；问卷未在收集期内返回 409。")
  @PostMapping("/{surveyId}/responses")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  SchoolSurveyResponse enter(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String surveyId,
      @RequestBody(required = false) SurveyRequests.Responses body) {
    return surveys.enter(schoolId, surveyId, body);
  }

  @Operation(summary = "The school's counts, exact and as the city sees them",
      description = "本校各题各选项的准确人数，以及上报后上级看到的数（1–4 及可被推算的格不显示，为 null）。")
  @GetMapping("/{surveyId}/results")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  SurveyCounts counts(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String surveyId) {
    return surveys.counts(schoolId, surveyId);
  }

  @Operation(summary = "Publish the school's counts upward",
      description = "将本校汇总数上报市级（小数格已隐藏，不含任何答卷），每次上报为新版本；尚无答卷时返回 409。")
  @PostMapping("/{surveyId}/results/publication")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  SurveyCounts publish(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String surveyId,
      Authentication authentication) {
    return surveys.publish(schoolId, surveyId, Caller.of(authentication).map(Caller::username).orElse("unknown"));
  }
}
