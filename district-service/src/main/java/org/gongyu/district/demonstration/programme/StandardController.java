package org.gongyu.district.demonstration.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.district.county.CountyDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city's standards as this county received them, to choose the version a programme keeps. The
 * copy is the same for every county; the path names the county for the access rule.
 */
@Tag(name = "Standards for the county · 区县可用的标准", description = "The city's demonstration standards as the county sees them · 区县可用的市级示范校标准")
@RestController
@RequestMapping("/api/district/counties/{countyId}/demonstration/standards")
class StandardController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final Standards standards;
  private final CountyDirectory counties;

  StandardController(Standards standards, CountyDirectory counties) {
    this.standards = standards;
    this.counties = counties;
  }

  @Operation(summary = "Standards available to the county", description = "列出区县可用的市级示范校标准（最新版本）。")
  @GetMapping
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<StandardResponses.Summary> list(@PathVariable @Pattern(regexp = ID) String countyId) {
    requireCounty(countyId);
    return standards.all().stream().map(StandardResponses.Summary::of).toList();
  }

  @Operation(summary = "Read one version of a standard", description = "读取某标准的一个版本；不存在时返回 404。")
  @GetMapping("/{standardId}/versions/{version}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  StandardResponses.Version version(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,60}") String standardId,
      @PathVariable @Min(1) long version) {
    requireCounty(countyId);
    return standards.find(standardId, version).map(StandardResponses.Version::of)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("district.standard.not-received", standardId, version)));
  }

  private void requireCounty(String countyId) {
    if (!counties.exists(countyId)) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
  }
}
