package org.gongyu.district.deadline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.security.Rules;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A county's reporting deadlines per period. PUT answers 201 when it created the deadline, else 200. */
@Tag(name = "Reporting deadlines · 上报截止日期", description = "When the county's schools must have reported a period · 区县学校各期间的上报截止日期")
@RestController
@RequestMapping("/api/district/counties/{countyId}/deadlines")
class DeadlineController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final DeadlineService deadlines;

  DeadlineController(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Operation(summary = "Set the reporting deadline of a period", description = "设定（201）或修改（200）某期间的上报截止日期。")
  @PutMapping("/{periodId}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<DeadlineResponse> put(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable String periodId,
      @Valid @RequestBody PutDeadlineRequest body) {
    DeadlineService.Upsert result = deadlines.put(countyId, periodId, body.deadline());
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(DeadlineResponse.of(result.row()));
  }

  @Operation(summary = "List the county's deadlines", description = "列出区县各期间的上报截止日期。")
  @GetMapping
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<DeadlineResponse> list(@PathVariable @Pattern(regexp = ID) String countyId) {
    return deadlines.list(countyId).stream().map(DeadlineResponse::of).toList();
  }
}
