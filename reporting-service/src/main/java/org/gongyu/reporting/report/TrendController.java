package org.gongyu.reporting.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.security.Rules;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One indicator over consecutive periods of its type ending at {@code to}: the city sees the city
 * and every county; a county user asks for their own county under {@code /counties/{countyId}}.
 */
@RestController
@RequestMapping("/api/reports/indicators/{code}")
@Tag(name = "trends", description = "An indicator's value, target, met and completeness over consecutive periods")
class TrendController {

  private final ReadyDocuments ready;
  private final Documents documents;

  TrendController(ReadyDocuments ready, Documents documents) {
    this.ready = ready;
    this.documents = documents;
  }

  @GetMapping("/trend")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(summary = "The city and every county, `periods` (1..12, default 6) periods ending at `to`",
      description = "One point per consecutive period of the indicator's type ending at `to` (which must be of that type): "
          + "value, the target of that period, met, completeness, version and `direction` against the previous period. "
          + "Withheld small cells give no value and no direction. City roles only.")
  ResponseEntity<Document<Trend>> city(
      @PathVariable @Pattern(regexp = ReportController.CODE) String code,
      @RequestParam String to,
      @RequestParam(defaultValue = "6") int periods) {
    return documents.respond(ready.cityTrend(code, to, periods));
  }

  @GetMapping("/counties/{countyId}/trend")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(summary = "One county, `periods` (1..12, default 6) periods ending at `to`",
      description = "The county series of the city trend, for county users of that county and city users.")
  ResponseEntity<Document<Trend>> county(
      @PathVariable @Pattern(regexp = ReportController.CODE) String code,
      @PathVariable @Pattern(regexp = ReportController.ID) String countyId,
      @RequestParam String to,
      @RequestParam(defaultValue = "6") int periods) {
    return documents.respond(ready.countyTrend(code, countyId, to, periods));
  }
}
