package org.gongyu.city.standard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demonstration-school standards: read by county and city users (schools read the rubric of
 * their county's programme in school-service), issued by city admins. There is no PUT: a version
 * never changes, a change is the next version.
 */
@Tag(name = "Demonstration standards · 示范校标准", description = "The demonstration-school standards the city issues; a version never changes · 市级发布的示范校评价标准，已发布版本不可更改")
@RestController
@RequestMapping("/api/city/standards")
class StandardController {

  /** Standard ids: capitals, digits and dashes, e.g. {@code DEMO-SCHOOL}. */
  static final String STANDARD_ID = "[A-Z][A-Z0-9-]{0,59}";

  private final StandardService service;

  StandardController(StandardService service) {
    this.service = service;
  }

  /** The latest published version of each standard. */
  @Operation(summary = "Latest version of each standard", description = "列出每个标准的最新发布版本。")
  @GetMapping
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER)
  List<StandardSummaryResponse> latest() {
    return service.latest().stream().map(StandardSummaryResponse::of).toList();
  }

  @Operation(summary = "All versions of a standard", description = "列出某标准的全部发布版本；未发布时返回 404。")
  @GetMapping("/{standardId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER)
  StandardVersionsResponse versions(@PathVariable @Pattern(regexp = STANDARD_ID) String standardId) {
    return StandardVersionsResponse.of(standardId, service.versions(standardId));
  }

  @Operation(summary = "Read one version of a standard", description = "读取某标准的一个版本（含任务领域、评价要点及分值）；不存在时返回 404。")
  @GetMapping("/{standardId}/versions/{version}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER)
  StandardVersionResponse version(
      @PathVariable @Pattern(regexp = STANDARD_ID) String standardId,
      @PathVariable @Min(1) long version) {
    return StandardVersionResponse.of(service.version(standardId, version));
  }

  /** 201 with the new version, published in the same transaction. */
  @Operation(summary = "Issue the next version of a standard", description = "发布标准的下一个版本（新标准为第 1 版），在同一事务中发布事件（201）。评价规则不符时返回 422 并逐项列出问题。")
  @PostMapping("/{standardId}/versions")
  @PreAuthorize(Rules.CITY_ADMIN + Rules.OF_CITY)
  ResponseEntity<StandardVersionResponse> issue(
      @PathVariable @Pattern(regexp = STANDARD_ID) String standardId,
      @RequestBody IssueStandardRequest body,
      Authentication authentication) {
    String by = Caller.of(authentication).map(Caller::username).orElse("unknown");
    StandardVersion issued = service.issue(standardId, body, by);
    return ResponseEntity.created(URI.create("/api/city/standards/" + standardId + "/versions/" + issued.version()))
        .body(StandardVersionResponse.of(issued));
  }
}
