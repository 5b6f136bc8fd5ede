package org.gongyu.reporting.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.security.Rules;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One list per tier of every indicator × unit below target, missing or late, instead of one list per indicator. */
@RestController
@RequestMapping("/api/reports/periods/{periodId}")
@Tag(name = "attention", description = "Every indicator × unit below target, missing or late, in one list")
class AttentionController {

  static final String DESCRIPTION = "Every catalogue indicator in its own period containing the first day of `periodId`. "
      + "BELOW_TARGET: the county's rollup or the school's snapshot does not meet the period's target (as in the "
      + "below-target lists, with `gap`). MISSING: a school of a type the indicator applies to (a member of the county "
      + "on the period's first day) has no snapshot, or a county has no rollup. LATE: a school's first snapshot came "
      + "after the county's deadline, or none came and the deadline has passed. A unit may be listed for several "
      + "reasons. Suppressed small cells are never listed with values: one that would be judged against its target is "
      + "counted in `withheld` instead. Filters: `reason` and `indicator` (repeatable or comma-separated), `level` "
      + "(COUNTY or SCHOOL).";

  private final ReadyDocuments ready;
  private final Documents documents;

  AttentionController(ReadyDocuments ready, Documents documents) {
    this.ready = ready;
    this.documents = documents;
  }

  @GetMapping("/attention")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(summary = "What needs attention across the city (every county and its schools)",
      description = DESCRIPTION + " `countyId` narrows the list to one county. City roles only.")
  ResponseEntity<Document<Attention>> city(
      @PathVariable String periodId,
      @Parameter(description = "BELOW_TARGET, MISSING, LATE (repeatable or comma-separated)", array = @ArraySchema(
          schema = @Schema(allowableValues = {"BELOW_TARGET", "MISSING", "LATE"}))) @RequestParam(required = false)
      List<String> reason,
      @Parameter(description = "indicator codes") @RequestParam(required = false) List<String> indicator,
      @Parameter(description = "COUNTY or SCHOOL", schema = @Schema(allowableValues = {"COUNTY", "SCHOOL"}))
      @RequestParam(required = false) String level,
      @RequestParam(required = false) @Pattern(regexp = ReportController.ID) String countyId) {
    return documents.respond(ready.cityAttention(periodId, new AttentionService.Filter(reason, indicator, level, countyId)));
  }

  @GetMapping("/counties/{countyId}/attention")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(summary = "What needs attention in one county (the county and its schools)",
      description = DESCRIPTION + " County roles of that county and city roles.")
  ResponseEntity<Document<Attention>> county(
      @PathVariable String periodId,
      @PathVariable @Pattern(regexp = ReportController.ID) String countyId,
      @Parameter(description = "BELOW_TARGET, MISSING, LATE (repeatable or comma-separated)", array = @ArraySchema(
          schema = @Schema(allowableValues = {"BELOW_TARGET", "MISSING", "LATE"}))) @RequestParam(required = false)
      List<String> reason,
      @Parameter(description = "indicator codes") @RequestParam(required = false) List<String> indicator,
      @Parameter(description = "COUNTY or SCHOOL", schema = @Schema(allowableValues = {"COUNTY", "SCHOOL"}))
      @RequestParam(required = false) String level) {
    return documents.respond(ready.countyAttention(periodId, countyId, new AttentionService.Filter(reason, indicator, level, null)));
  }
}
