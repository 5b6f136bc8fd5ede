package org.gongyu.district.approval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The county's review of its schools' sign-offs of a period and its submission to the city (ADR
 * 0019). Reads: the county's staff and the city's; steps: the county admin. An illegal step is 409
 * (with {@code currentState} and {@code currentSignOffVersion}, or {@code notApproved} for a
 * submission), a missing comment or reason 422.
 */
@Tag(name = "Period approval · 上报审核", description = "The county reviews its schools' sign-offs and submits the period to the city · 区县审核学校的上报并报送市级")
@RestController
@RequestMapping("/api/district/counties/{countyId}/approvals/{periodId}")
class ApprovalController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final ApprovalService service;

  ApprovalController(ApprovalService service) {
    this.service = service;
  }

  @Operation(summary = "The county's period: each expected school's sign-off and review, the submission and the city's decision",
      description = "区县某期间的审核总览：每所应上报学校的状态（未上报、已上报待审核、已通过、已退回及意见、已重新开放）、各状态数量、是否可以报送市级、报送状态及市级的决定。期间无法解析时返回 400。")
  @GetMapping
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  ApprovalResponses.Overview overview(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = ID) String periodId) {
    return service.overview(countyId, periodId);
  }

  @Operation(summary = "One school's latest sign-off with its figures and trail",
      description = "某学校该期间最新一次上报的数据、审核状态及全部记录（上报、通过、退回、重新开放）；该校不属于本区县该期间的应上报学校时返回 404。")
  @GetMapping("/schools/{schoolId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  ApprovalResponses.SchoolDetail school(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = ID) String periodId,
      @PathVariable @Pattern(regexp = ID) String schoolId) {
    return service.school(countyId, periodId, schoolId);
  }

  @Operation(summary = "Approve a school's sign-off",
      description = "区县管理员审核通过学校的上报（请求体给出所审核的上报版本）；未上报、版本已过期或该上报不在待审核状态时返回 409。")
  @PostMapping("/schools/{schoolId}/approval")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ApprovalResponses.SchoolDetail approve(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = ID) String periodId,
      @PathVariable @Pattern(regexp = ID) String schoolId, @Valid @RequestBody ReviewRequest body,
      Authentication authentication) {
    return service.approve(countyId, periodId, schoolId, body.signOffVersion(), actor(authentication));
  }

  @Operation(summary = "Return a school's sign-off with a comment",
      description = "区县管理员将学校的上报退回并附意见（必填，否则 422），学校可修改后重新上报；未上报、版本已过期或不在待审核状态时返回 409。")
  @PostMapping("/schools/{schoolId}/return")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ApprovalResponses.SchoolDetail returnToSchool(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = ID) String periodId,
      @PathVariable @Pattern(regexp = ID) String schoolId, @Valid @RequestBody ReviewRequest body,
      Authentication authentication) {
    return service.returnToSchool(countyId, periodId, schoolId, body.signOffVersion(), body.comment(), actor(authentication));
  }

  @Operation(summary = "Reopen a school's approved sign-off with a reason",
      description = "区县管理员重新开放已通过的上报并说明理由（必填，否则 422）；若本期间已报送市级，同一事务内撤回报送。未通过的上报或版本已过期时返回 409。")
  @PostMapping("/schools/{schoolId}/reopening")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ApprovalResponses.SchoolDetail reopen(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = ID) String periodId,
      @PathVariable @Pattern(regexp = ID) String schoolId, @Valid @RequestBody ReopenRequest body,
      Authentication authentication) {
    return service.reopen(countyId, periodId, schoolId, body.signOffVersion(), body.reason(), actor(authentication));
  }

  @Operation(summary = "Submit the period to the city",
      description = "所有应上报学校均已审核通过后，区县管理员将该期间报送市级；有学校未通过时返回 409 并列出这些学校，已报送且市级未退回时返回 409。")
  @PostMapping("/submission")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ApprovalResponses.Overview submit(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = ID) String periodId,
      Authentication authentication) {
    return service.submit(countyId, periodId, actor(authentication));
  }

  private static String actor(Authentication authentication) {
    return Caller.of(authentication).map(Caller::username).orElse("unknown");
  }
}
