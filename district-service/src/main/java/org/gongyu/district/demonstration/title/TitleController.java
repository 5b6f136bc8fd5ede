package org.gongyu.district.demonstration.title;

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
 * Titles of a county's demonstration programme: the list, re-inspection and rectification
 * outcomes (county admin; 200 with the title as changed), and a programme's quota progress.
 */
@Tag(name = "Demonstration titles · 示范校称号", description = "Titles awarded, re-inspection and rectification · 已授予称号、复查与整改")
@RestController
@RequestMapping("/api/district/counties/{countyId}/demonstration")
class TitleController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";
  private static final String PROGRAMME_ID = "[A-Za-z0-9._-]{1,60}";

  private final TitleService titles;

  TitleController(TitleService titles) {
    this.titles = titles;
  }

  @Operation(summary = "List the county's demonstration titles", description = "列出区县已授予的示范校称号及其状态。")
  @GetMapping("/titles")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<TitleResponse> titles(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @RequestParam(required = false) @Pattern(regexp = PROGRAMME_ID) String programmeId,
      @RequestParam(required = false) String status) {
    return titles.list(countyId, programmeId, status).stream().map(TitleResponse::of).toList();
  }

  @Operation(summary = "Schedule a re-inspection", description = "区县管理员为已获称号的学校安排复查。")
  @PostMapping("/applications/{applicationId}/reinspection")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  TitleResponse scheduleReinspection(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable UUID applicationId,
      @Valid @RequestBody ScheduleReinspectionRequest body,
      Authentication authentication) {
    return TitleResponse.of(titles.scheduleReinspection(countyId, applicationId, body.scheduledOn(), body.note(), actor(authentication)));
  }

  @Operation(summary = "Record a re-inspection outcome", description = "区县管理员记录复查结果：KEEP 保持称号、RECTIFY 限期整改（须给出整改期限）、REVOKE 撤销称号；RECTIFY 和 REVOKE 须说明理由。")
  @PostMapping("/applications/{applicationId}/reinspection/outcome")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  TitleResponse reinspectionOutcome(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable UUID applicationId,
      @Valid @RequestBody ReinspectionOutcomeRequest body,
      Authentication authentication) {
    return TitleResponse.of(titles.recordReinspection(
        countyId, applicationId, body.outcome(), body.rectificationDeadline(), body.note(), actor(authentication)));
  }

  @Operation(summary = "Record a rectification outcome", description = "区县管理员记录整改期满后的结果。")
  @PostMapping("/applications/{applicationId}/rectification/outcome")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  TitleResponse rectificationOutcome(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable UUID applicationId,
      @Valid @RequestBody RectificationOutcomeRequest body,
      Authentication authentication) {
    return TitleResponse.of(titles.recordRectification(countyId, applicationId, body.outcome(), body.note(), actor(authentication)));
  }

  @Operation(summary = "Progress of a programme", description = "返回示范校创建项目的进展：各状态的申报数、称号数与名额完成情况。")
  @GetMapping("/programmes/{programmeId}/progress")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  ProgressResponse progress(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = PROGRAMME_ID) String programmeId) {
    return titles.progress(countyId, programmeId);
  }

  private static String actor(Authentication authentication) {
    return Caller.of(authentication).map(Caller::username).orElse("unknown");
  }
}
