package org.gongyu.city.approval;

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
 * The counties' submissions of a period and the city's decisions (ADR 0019). City staff and city
 * admins both read and decide: accepting or returning a county's figures is the family-education
 * centre's daily review work (city-staff), not an administrative setting such as targets or the
 * standard (city-admin only). A decision on a withdrawn, outdated or decided submission is 409; a
 * return without a comment 422.
 */
@Tag(name = "Period approval · 上报审核", description = "The counties' submissions of a period and the city's decisions · 各区县的期间报送及市级决定")
@RestController
@RequestMapping("/api/city/approvals/{periodId}")
class CityApprovalController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final CityApprovalService service;

  CityApprovalController(CityApprovalService service) {
    this.service = service;
  }

  @Operation(summary = "Every county's submission of a period",
      description = "市级查看各区县某期间的报送状态：未报送、已报送（时间）、已撤回（理由）、已接受、已退回（意见），及各状态数量。期间无法解析时返回 400。")
  @GetMapping
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  CityApprovalResponses.Overview overview(@PathVariable @Pattern(regexp = ID) String periodId) {
    return service.overview(periodId);
  }

  @Operation(summary = "One county's submission with its approved schools and trail",
      description = "某区县该期间的报送、其所依据的各校已通过上报版本及全部记录；区县不属于本市时返回 404。")
  @GetMapping("/counties/{countyId}")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY + Rules.OF_COUNTY)
  CityApprovalResponses.CountyDetail county(
      @PathVariable @Pattern(regexp = ID) String periodId, @PathVariable @Pattern(regexp = ID) String countyId) {
    return service.county(periodId, countyId);
  }

  @Operation(summary = "Accept a county's submission",
      description = "市级接受区县的报送（请求体给出所决定的报送版本，可附意见）；报送已撤回、版本已过期或已作出决定时返回 409。")
  @PostMapping("/counties/{countyId}/acceptance")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY + Rules.OF_COUNTY)
  CityApprovalResponses.CountyDetail accept(
      @PathVariable @Pattern(regexp = ID) String periodId, @PathVariable @Pattern(regexp = ID) String countyId,
      @Valid @RequestBody DecisionRequest body, Authentication authentication) {
    return service.accept(periodId, countyId, body.submissionVersion(), body.comment(), actor(authentication));
  }

  @Operation(summary = "Return a county's submission with a comment",
      description = "市级将区县的报送退回并附意见（必填，否则 422），区县可重新审核后再次报送；报送已撤回、版本已过期或已作出决定时返回 409。")
  @PostMapping("/counties/{countyId}/return")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY + Rules.OF_COUNTY)
  CityApprovalResponses.CountyDetail returnToCounty(
      @PathVariable @Pattern(regexp = ID) String periodId, @PathVariable @Pattern(regexp = ID) String countyId,
      @Valid @RequestBody DecisionRequest body, Authentication authentication) {
    return service.returnToCounty(periodId, countyId, body.submissionVersion(), body.comment(), actor(authentication));
  }

  private static String actor(Authentication authentication) {
    return Caller.of(authentication).map(Caller::username).orElse("unknown");
  }
}
