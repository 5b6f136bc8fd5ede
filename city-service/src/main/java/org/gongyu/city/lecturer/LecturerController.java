package org.gongyu.city.lecturer;

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
 * The lecturer registry (ADR 0024). A county's admin nominates for their county and reads the
 * county's nominations and the registered lecturers; city staff and admins nominate for city-direct
 * schools, read everything and review: register (备案, with the training day if known), reject with a
 * reason, record the training, set the teams, suspend, reinstate, revoke. Reviewing is the centre's
 * daily work, so city staff may do it, not only city admins. Another county's nominations answer 404
 * like an unknown one; an illegal transition 409 with the current status; bad input 422 naming the
 * field.
 */
@Tag(name = "Lecturer registry · 讲师备案", description = "Nominations by counties and the city's registration of lecturers · 区县申报与市级讲师备案")
@RestController
class LecturerController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final LecturerService service;

  LecturerController(LecturerService service) {
    this.service = service;
  }

  @Operation(summary = "Nominate a lecturer for the county",
      description = "区县管理员为本区县申报讲师（姓名必填，可填单位、专长、服务学段、说明）；区县不属于本市或非本区县时返回 404，输入有误时返回 422 并指明字段。")
  @PostMapping("/api/city/counties/{countyId}/lecturer-nominations")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  LecturerResponse nominate(@PathVariable @Pattern(regexp = ID) String countyId,
      @RequestBody LecturerRequests.Nominate body, Authentication authentication) {
    return service.nominate(countyId, body, actor(authentication));
  }

  @Operation(summary = "Correct a nomination, or send a rejected one again",
      description = "区县修改本区县的讲师申报（字段同申报）：待审核的修改后仍为待审核；未通过的修改后重新提交为待审核。"
          + "已备案、已暂停或已撤销返回 409，其他区县的申报返回 404，输入有误时返回 422 并指明字段。")
  @PutMapping("/api/city/counties/{countyId}/lecturer-nominations/{lecturerId}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  LecturerResponse editNomination(@PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = ID) String lecturerId, @RequestBody LecturerRequests.Nominate body,
      Authentication authentication) {
    return service.editNomination(countyId, lecturerId, body, actor(authentication));
  }

  @Operation(summary = "The county's nominations, whatever their status",
      description = "区县查看本区县申报的讲师及其状态（待审核、已备案、未通过及理由、已暂停、已撤销）。")
  @GetMapping("/api/city/counties/{countyId}/lecturer-nominations")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<LecturerResponse> nominations(@PathVariable @Pattern(regexp = ID) String countyId) {
    return service.nominationsOf(countyId);
  }

  @Operation(summary = "The registered lecturers, as a county sees the registry",
      description = "已备案（在册）的讲师，可按讲师团筛选：CITY_TEAM 市讲师团、COUNTY_TEAM 县区公益讲师团（teamCountyId 指定区县）、ADVISORY 顾问团。")
  @GetMapping("/api/city/counties/{countyId}/lecturers")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<LecturerResponse> registered(@PathVariable @Pattern(regexp = ID) String countyId,
      @RequestParam(required = false) String team, @RequestParam(required = false) String teamCountyId) {
    return service.registered(team, teamCountyId);
  }

  @Operation(summary = "Nominate a lecturer for the city-direct schools",
      description = "市级为市直学校申报讲师；输入有误时返回 422 并指明字段。")
  @PostMapping("/api/city/lecturers")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  LecturerResponse nominateCityDirect(@RequestBody LecturerRequests.Nominate body, Authentication authentication) {
    return service.nominate(null, body, actor(authentication));
  }

  @Operation(summary = "The whole registry, filtered",
      description = "市级查看全部讲师：nominatedBy 为区县编号或 CITY（市直），status 为 NOMINATED/REGISTERED/REJECTED/SUSPENDED/REVOKED，team 为讲师团。")
  @GetMapping("/api/city/lecturers")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  List<LecturerResponse> list(@RequestParam(required = false) String nominatedBy, @RequestParam(required = false) String status,
      @RequestParam(required = false) String team, @RequestParam(required = false) String teamCountyId) {
    return service.list(nominatedBy, status, team, teamCountyId);
  }

  @Operation(summary = "One lecturer with the trail", description = "市级查看一名讲师及其全部审核记录；不存在时返回 404。")
  @GetMapping("/api/city/lecturers/{lecturerId}")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  LecturerResponse read(@PathVariable @Pattern(regexp = ID) String lecturerId) {
    return service.read(lecturerId, null);
  }

  @Operation(summary = "Register (备案) a nominated lecturer",
      description = "对待审核的讲师备案，可同时填写参加市级培训的日期（不得晚于今天）和所属讲师团；非待审核状态返回 409。")
  @PostMapping("/api/city/lecturers/{lecturerId}/registration")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  LecturerResponse register(@PathVariable @Pattern(regexp = ID) String lecturerId,
      @RequestBody(required = false) LecturerRequests.Register body, Authentication authentication) {
    return service.register(lecturerId, body, actor(authentication));
  }

  @Operation(summary = "Reject a nomination with a reason",
      description = "不予备案并说明理由（必填，否则 422）；非待审核状态返回 409。")
  @PostMapping("/api/city/lecturers/{lecturerId}/rejection")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  LecturerResponse reject(@PathVariable @Pattern(regexp = ID) String lecturerId,
      @RequestBody(required = false) LecturerRequests.Reason body, Authentication authentication) {
    return service.rejectNomination(lecturerId, body, actor(authentication));
  }

  @Operation(summary = "Record the city's training of a registered lecturer",
      description = "登记已备案讲师参加市级培训的日期（必填，不得晚于今天）；未备案、未通过或已撤销时返回 409。")
  @PostMapping("/api/city/lecturers/{lecturerId}/training")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  LecturerResponse training(@PathVariable @Pattern(regexp = ID) String lecturerId,
      @RequestBody(required = false) LecturerRequests.Training body, Authentication authentication) {
    return service.recordTraining(lecturerId, body, actor(authentication));
  }

  @Operation(summary = "Set the teams of a registered lecturer",
      description = "设置已备案讲师所属讲师团（替换原有）：CITY_TEAM、COUNTY_TEAM（须填区县）、ADVISORY；未备案时返回 409。")
  @PutMapping("/api/city/lecturers/{lecturerId}/teams")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  LecturerResponse teams(@PathVariable @Pattern(regexp = ID) String lecturerId,
      @RequestBody(required = false) LecturerRequests.Teams body, Authentication authentication) {
    return service.setTeams(lecturerId, body, actor(authentication));
  }

  @Operation(summary = "Suspend a registered lecturer with a reason", description = "暂停已备案讲师（理由必填）；非已备案状态返回 409。")
  @PostMapping("/api/city/lecturers/{lecturerId}/suspension")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  LecturerResponse suspend(@PathVariable @Pattern(regexp = ID) String lecturerId,
      @RequestBody(required = false) LecturerRequests.Reason body, Authentication authentication) {
    return service.suspend(lecturerId, body, actor(authentication));
  }

  @Operation(summary = "Reinstate a suspended lecturer", description = "恢复已暂停的讲师；非暂停状态返回 409。")
  @PostMapping("/api/city/lecturers/{lecturerId}/reinstatement")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  LecturerResponse reinstate(@PathVariable @Pattern(regexp = ID) String lecturerId, Authentication authentication) {
    return service.reinstate(lecturerId, actor(authentication));
  }

  @Operation(summary = "Revoke a registration with a reason", description = "撤销讲师备案（理由必填）；非已备案或已暂停状态返回 409。")
  @PostMapping("/api/city/lecturers/{lecturerId}/revocation")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  LecturerResponse revoke(@PathVariable @Pattern(regexp = ID) String lecturerId,
      @RequestBody(required = false) LecturerRequests.Reason body, Authentication authentication) {
    return service.revoke(lecturerId, body, actor(authentication));
  }

  private static String actor(Authentication authentication) {
    return Caller.of(authentication).map(Caller::username).orElse("unknown");
  }
}
