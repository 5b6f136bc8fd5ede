package org.gongyu.city.certification;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training and certification (培训与认证, ADR 0025). City staff and admins run the cohorts and issue,
 * renew and revoke certificates: it is the centre's daily work. A county's admin reads the county's
 * own participants; another county's answer 404 like an unknown one. An illegal step answers 409 with
 * the current status, bad input 422 naming the field.
 */
@Tag(name = "Training and certification · 培训与认证", description = "The city centre's training cohorts and instructor certificates · 市级培训班与家庭教育指导师证书")
@RestController
class CertificationController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final CertificationService service;

  CertificationController(CertificationService service) {
    this.service = service;
  }

  @Operation(summary = "Open a training cohort",
      description = "新建培训班：名称、类别（INSTRUCTOR 家庭教育指导师培训班、KEY_STAFF 家校共育骨干人员培训班）、形式（ONLINE 线上、OFFLINE 线下、MIXED 线上线下结合）、起止日期、承办方、课次；输入有误时返回 422 并指明字段。")
  @PostMapping("/api/city/training-cohorts")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TrainingResponses.Cohort create(@RequestBody(required = false) TrainingRequests.Cohort body, Authentication authentication) {
    return service.createCohort(body, actor(authentication));
  }

  @Operation(summary = "The training cohorts", description = "全部培训班，开班日期新者在前；status 可为 PLANNED（进行中）、COMPLETED（已结业）、CANCELLED（已取消）。")
  @GetMapping("/api/city/training-cohorts")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  List<TrainingResponses.Cohort> cohorts(@RequestParam(required = false) String status) {
    return service.cohorts(status);
  }

  @Operation(summary = "One cohort with its participants", description = "一个培训班及其学员（出勤、考核、证书）；不存在时返回 404。")
  @GetMapping("/api/city/training-cohorts/{cohortId}")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TrainingResponses.Cohort cohort(@PathVariable @Pattern(regexp = ID) String cohortId) {
    return service.cohort(cohortId);
  }

  @Operation(summary = "Enrol a participant", description = "为进行中的培训班登记学员（学校或区县的教职工：姓名、角色 HEAD/TEACHER/HEAD_TEACHER/COUNTY_STAFF、区县、学校编号）；培训班已结业或取消时返回 409。")
  @PostMapping("/api/city/training-cohorts/{cohortId}/participants")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TrainingResponses.Participant enrol(@PathVariable @Pattern(regexp = ID) String cohortId,
      @RequestBody(required = false) TrainingRequests.Participant body) {
    return service.enrol(cohortId, body);
  }

  @Operation(summary = "Record a participant's attendance", description = "登记学员出勤课次（0 至培训班课次）；培训班非进行中时返回 409。")
  @PutMapping("/api/city/training-cohorts/{cohortId}/participants/{participantId}/attendance")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TrainingResponses.Participant attendance(@PathVariable @Pattern(regexp = ID) String cohortId,
      @PathVariable @Pattern(regexp = ID) String participantId, @RequestBody(required = false) TrainingRequests.Attendance body) {
    return service.attendance(cohortId, participantId, body);
  }

  @Operation(summary = "Record a participant's assessment", description = "登记考核成绩（0–100，60 分及以上为合格）；未登记出勤或培训班非进行中时返回 409。")
  @PutMapping("/api/city/training-cohorts/{cohortId}/participants/{participantId}/assessment")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TrainingResponses.Participant assess(@PathVariable @Pattern(regexp = ID) String cohortId,
      @PathVariable @Pattern(regexp = ID) String participantId, @RequestBody(required = false) TrainingRequests.Assessment body) {
    return service.assess(cohortId, participantId, body);
  }

  @Operation(summary = "Complete a cohort", description = "培训班结业：所有学员均已考核后方可结业，否则返回 409。")
  @PostMapping("/api/city/training-cohorts/{cohortId}/completion")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TrainingResponses.Cohort complete(@PathVariable @Pattern(regexp = ID) String cohortId) {
    return service.complete(cohortId);
  }

  @Operation(summary = "Cancel a cohort with a reason", description = "取消进行中的培训班（理由必填）；非进行中时返回 409。")
  @PostMapping("/api/city/training-cohorts/{cohortId}/cancellation")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TrainingResponses.Cohort cancel(@PathVariable @Pattern(regexp = ID) String cohortId,
      @RequestBody(required = false) TrainingRequests.Reason body) {
    return service.cancel(cohortId, body);
  }

  @Operation(summary = "Issue a certificate to a participant who passed",
      description = "为已结业的家庭教育指导师培训班中考核合格的学员颁发证书：证书编号（全市唯一）、发证日期（默认今天）、有效期至（默认三年）；每名学员一本；不符合条件时返回 409。")
  @PostMapping("/api/city/training-cohorts/{cohortId}/participants/{participantId}/certificate")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TrainingResponses.Certificate issue(@PathVariable @Pattern(regexp = ID) String cohortId,
      @PathVariable @Pattern(regexp = ID) String participantId, @RequestBody(required = false) TrainingRequests.Issue body,
      Authentication authentication) {
    return service.issue(cohortId, participantId, body, actor(authentication));
  }

  @Operation(summary = "The certificates", description = "全部证书；status 可为 VALID（有效）、EXPIRED（已过期）、REVOKED（已撤销）。")
  @GetMapping("/api/city/instructor-certificates")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  List<TrainingResponses.Certificate> certificates(@RequestParam(required = false) String status) {
    return service.certificates(status);
  }

  @Operation(summary = "One certificate", description = "按编号查看一本证书；不存在时返回 404。")
  @GetMapping("/api/city/instructor-certificates/{number}")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TrainingResponses.Certificate certificate(@PathVariable @Pattern(regexp = ID) String number) {
    return service.certificate(number);
  }

  @Operation(summary = "Renew a certificate", description = "证书续期：新的有效期须晚于原有效期；已撤销时返回 409。")
  @PostMapping("/api/city/instructor-certificates/{number}/renewal")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TrainingResponses.Certificate renew(@PathVariable @Pattern(regexp = ID) String number,
      @RequestBody(required = false) TrainingRequests.Renewal body) {
    return service.renew(number, body);
  }

  @Operation(summary = "Revoke a certificate with a reason", description = "撤销证书（理由必填），自今天起不再有效；已撤销时返回 409。")
  @PostMapping("/api/city/instructor-certificates/{number}/revocation")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TrainingResponses.Certificate revoke(@PathVariable @Pattern(regexp = ID) String number,
      @RequestBody(required = false) TrainingRequests.Reason body) {
    return service.revoke(number, body);
  }

  @Operation(summary = "The county's participants", description = "区县查看本区县参加市级培训的学员及其出勤、考核与证书；非本区县时返回 404。")
  @GetMapping("/api/city/counties/{countyId}/training-participants")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<TrainingResponses.Participant> participantsOfCounty(@PathVariable @Pattern(regexp = ID) String countyId) {
    return service.participantsOfCounty(countyId);
  }

  private static String actor(Authentication authentication) {
    return Caller.of(authentication).map(Caller::username).orElse("unknown");
  }
}
