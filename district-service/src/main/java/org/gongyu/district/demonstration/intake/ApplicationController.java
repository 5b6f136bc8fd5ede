package org.gongyu.district.demonstration.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A county's demonstration applications: the list, one application, its history, and the county's
 * first decision (accept into creation or decline). An illegal decision is a 409 naming the
 * application's {@code currentStatus}.
 */
@Tag(name = "Demonstration applications · 示范校申报", description = "Applications the county receives · 区县收到的示范校申报")
@RestController
@RequestMapping("/api/district/counties/{countyId}/demonstration/applications")
class ApplicationController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final ApplicationService service;

  ApplicationController(ApplicationService service) {
    this.service = service;
  }

  /** {@code status}: a status name (400 otherwise); {@code programmeId}: one of the county's programmes (404 otherwise). */
  @Operation(summary = "List the county's applications", description = "列出区县收到的申报，可按 status（状态名，否则 400）和 programmeId（区县的项目，否则 404）筛选。")
  @GetMapping
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<ApplicationResponses.Summary> list(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,60}") String programmeId,
      @RequestParam(required = false) String status) {
    return service.list(countyId, programmeId, status);
  }

  @Operation(summary = "Read an application", description = "读取一份申报的详情；不存在时返回 404。")
  @GetMapping("/{applicationId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  ApplicationResponses.Detail get(@PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID applicationId) {
    return service.detail(countyId, applicationId);
  }

  @Operation(summary = "Status history of an application", description = "返回申报的状态变更历史（谁、何时、从何状态到何状态）。")
  @GetMapping("/{applicationId}/history")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<ApplicationResponses.HistoryEntry> history(@PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID applicationId) {
    return service.history(countyId, applicationId);
  }

  @Operation(summary = "Accept an application", description = "区县管理员受理申报；状态不允许时返回 409。")
  @PostMapping("/{applicationId}/accept")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ApplicationResponses.Detail accept(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable UUID applicationId,
      @Valid @RequestBody(required = false) AcceptRequest body,
      Authentication authentication) {
    return service.accept(countyId, applicationId, body == null ? null : body.note(), actor(authentication));
  }

  @Operation(summary = "Decline an application", description = "区县管理员对 APPLIED 状态的申报作出不予受理决定（理由随状态通知学校）；状态不允许时返回 409。")
  @PostMapping("/{applicationId}/decline")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ApplicationResponses.Detail decline(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable UUID applicationId,
      @Valid @RequestBody DeclineRequest body,
      Authentication authentication) {
    return service.decline(countyId, applicationId, body.reason(), actor(authentication));
  }

  private static String actor(Authentication authentication) {
    return Caller.of(authentication).map(Caller::username).orElse("unknown");
  }
}
