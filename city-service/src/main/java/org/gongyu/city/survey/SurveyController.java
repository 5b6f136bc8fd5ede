package org.gongyu.city.survey;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Questionnaires (ADR 0026). City staff and admins build a survey, publish it to the schools (of
 * one county or of the city), close it, and read the counts the schools sent; a county reads the
 * published surveys that reach its schools and its schools' counts, and its admin builds, publishes
 * and closes surveys of its own for its schools. A withheld cell is null.
 */
@Tag(name = "Surveys · 问卷调查", description = "City questionnaires to parents and students, answered by schools as counts · 市级问卷与学校汇总结果")
@RestController
class SurveyController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final SurveyService service;

  SurveyController(SurveyService service) {
    this.service = service;
  }

  @Operation(summary = "Create a survey (a draft)",
      description = "市级新建问卷（草稿）：标题、目的（PROBLEM_DISCOVERY 问题调研 / SATISFACTION 满意度）、对象（PARENTS 家长 / STUDENTS 学生）、"
          + "起止日期、题目（SINGLE 单选、MULTIPLE 多选、SCALE 1–5 满意度）；输入有误时返回 422 并指明字段。")
  @PostMapping("/api/city/surveys")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  SurveyResponse create(@RequestBody(required = false) SurveyRequests.Create body, Authentication authentication) {
    return service.create(body, Caller.of(authentication).map(Caller::username).orElse("unknown"));
  }

  @Operation(summary = "The city's surveys", description = "市级查看全部问卷（草稿、进行中、已结束）及已上报学校数。")
  @GetMapping("/api/city/surveys")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  List<SurveyResponse> list() {
    return service.list(null);
  }

  @Operation(summary = "One survey with its questions", description = "查看一份问卷及其题目；不存在时返回 404。")
  @GetMapping("/api/city/surveys/{surveyId}")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  SurveyResponse read(@PathVariable @Pattern(regexp = ID) String surveyId) {
    return service.read(surveyId);
  }

  @Operation(summary = "Publish a draft to the schools", description = "发布草稿问卷，学校开始收集；非草稿或结束日期已过返回 409。")
  @PostMapping("/api/city/surveys/{surveyId}/publication")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  SurveyResponse publish(@PathVariable @Pattern(regexp = ID) String surveyId) {
    return service.publish(surveyId);
  }

  @Operation(summary = "Close a published survey", description = "结束进行中的问卷，学校不再录入答卷；非进行中返回 409。")
  @PostMapping("/api/city/surveys/{surveyId}/closure")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  SurveyResponse close(@PathVariable @Pattern(regexp = ID) String surveyId) {
    return service.close(surveyId);
  }

  @Operation(summary = "A survey's results over the city",
      description = "全市汇总：每题各选项人数（各校已隐藏的小数格为 null，合计只加已显示的格）、各区县与各校结果、满意度均分。")
  @GetMapping("/api/city/surveys/{surveyId}/results")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  SurveyResults results(@PathVariable @Pattern(regexp = ID) String surveyId) {
    return service.results(surveyId, null);
  }

  @Operation(summary = "The published surveys reaching a county's schools", description = "区县查看发往本区县学校的问卷（已发布、已结束）及本区县自建的草稿。")
  @GetMapping("/api/city/counties/{countyId}/surveys")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<SurveyResponse> countySurveys(@PathVariable @Pattern(regexp = ID) String countyId) {
    return service.list(countyId);
  }

  @Operation(summary = "Create a county's own survey (a draft)",
      description = "区县管理员为本区县学校新建问卷（草稿），字段同市级问卷；countyId 可不填，填写时须为本区县（否则 422）。"
          + "只有本区县能发布和结束它。")
  @PostMapping("/api/city/counties/{countyId}/surveys")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  SurveyResponse createForCounty(@PathVariable @Pattern(regexp = ID) String countyId,
      @RequestBody(required = false) SurveyRequests.Create body, Authentication authentication) {
    return service.create(body, Caller.of(authentication).map(Caller::username).orElse("unknown"), countyId);
  }

  @Operation(summary = "Publish a county's own draft to its schools",
      description = "区县发布本区县新建的问卷草稿；非草稿返回 409；市级问卷由市级发布（409），看不到的问卷返回 404。")
  @PostMapping("/api/city/counties/{countyId}/surveys/{surveyId}/publication")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  SurveyResponse publishForCounty(@PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = ID) String surveyId) {
    return service.publish(surveyId, countyId);
  }

  @Operation(summary = "Close a county's own published survey",
      description = "区县结束本区县发布的问卷；非进行中返回 409；市级问卷由市级结束（409）。")
  @PostMapping("/api/city/counties/{countyId}/surveys/{surveyId}/closure")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  SurveyResponse closeForCounty(@PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = ID) String surveyId) {
    return service.close(surveyId, countyId);
  }

  @Operation(summary = "A survey's results over a county's schools", description = "区县查看本区县各校的汇总结果（小数格已隐藏）；问卷未发往本区县时返回 404。")
  @GetMapping("/api/city/counties/{countyId}/surveys/{surveyId}/results")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  SurveyResults countyResults(@PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = ID) String surveyId) {
    return service.results(surveyId, countyId);
  }
}
