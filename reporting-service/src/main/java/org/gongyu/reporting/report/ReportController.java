package org.gongyu.reporting.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.gongyu.chassis.security.Rules;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only reports for one indicator and one period of its own type ({@code 2026-2027-1},
 * {@code 2026-2027}, {@code 2026} or {@code 2024-2027}, as the catalogue says).
 */
@RestController
@RequestMapping("/api/reports/indicators/{code}/periods/{periodId}")
@Tag(name = "reports", description = "Published figures per tier with lineage")
class ReportController {

  static final String CODE = "[A-Za-z0-9_-]{1,60}";
  static final String ID = "[A-Za-z0-9-]{1,40}";

  private final ReportService reports;
  private final ReadyDocuments ready;
  private final Documents documents;

  ReportController(ReportService reports, ReadyDocuments ready, Documents documents) {
    this.reports = reports;
    this.ready = ready;
    this.documents = documents;
  }

  @GetMapping
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(summary = "The city's rollup and every known county's rollup",
      description = "One indicator in one period of its own type: the city's latest rollup (null until it publishes one) "
          + "with the county rollup versions it used, and every known county with its own rollup (figures null while it "
          + "has published none). Small cells of sensitive indicators are withheld. City roles only. "
          + "`basis=approved` answers with approved figures only (each school's signed-off figure its county approved, "
          + "summed over such schools); by default (`live`) every figure has its approved one beside it (`approved`, null "
          + "while none is approved) with `differsFromLive`.")
  ResponseEntity<Document<CityReport>> city(@PathVariable @Pattern(regexp = CODE) String code, @PathVariable String periodId,
      @RequestParam(name = "basis", required = false) String basis) {
    return documents.respond(ready.cityReport(code, periodId, Basis.of(basis)));
  }

  @GetMapping("/counties/{countyId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(summary = "One county's rollup with its lineage and every school that belonged to it in the period",
      description = "The county's latest rollup with its lineage (each school snapshot version it used, with `asOf`, when "
          + "that version was made), and every school that belonged to the county on the period's first day with its "
          + "latest snapshot and the version the county rollup used. Small cells withheld. County roles of that county and "
          + "city roles. "
          + "`basis=approved` answers with approved figures only (each school's signed-off figure its county approved, "
          + "summed over such schools); by default (`live`) every figure has its approved one beside it (`approved`, null "
          + "while none is approved) with `differsFromLive`.")
  ResponseEntity<Document<CountyReport>> county(
      @PathVariable @Pattern(regexp = CODE) String code,
      @PathVariable String periodId,
      @PathVariable @Pattern(regexp = ID) String countyId,
      @RequestParam(name = "basis", required = false) String basis) {
    return documents.respond(ready.countyReport(code, periodId, countyId, Basis.of(basis)));
  }

  @GetMapping("/schools/{schoolId}")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  @Operation(summary = "One school's latest snapshot and whether its county's rollup used it; exact for the school's own users",
      description = "The school as it was on the period's first day (`countyId` of that day) with its latest snapshot. "
          + "The school's own users see small cells exactly; county and city users get them withheld. The school's "
          + "users, its county's users and city users; any other school answers 404. "
          + "`basis=approved` answers with approved figures only (each school's signed-off figure its county approved, "
          + "summed over such schools); by default (`live`) every figure has its approved one beside it (`approved`, null "
          + "while none is approved) with `differsFromLive`.")
  SchoolReport school(
      @PathVariable @Pattern(regexp = CODE) String code,
      @PathVariable String periodId,
      @PathVariable @Pattern(regexp = ID) String schoolId,
      @RequestParam(name = "basis", required = false) String basis,
      Authentication authentication) {
    // the scope rule has let through only the school's own users at the school tier
    boolean ownSchool = Caller.of(authentication).map(c -> c.tier() == Role.Tier.SCHOOL).orElse(false);
    return reports.school(code, periodId, schoolId, ownSchool, Basis.of(basis));
  }

  @GetMapping("/below-target")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(summary = "Counties whose rollup and schools whose figure miss the period's target, largest gap first",
      description = "Counties judged by `Rollup#meets`, reporting schools of a type the indicator applies to by "
          + "`Target#isMetBy`; `gap` in the indicator's unit. Withheld small cells are not listed, only counted in "
          + "`withheld`. Without a target both lists are empty and `note` says why. City roles only.")
  ResponseEntity<Document<BelowTarget>> belowTarget(@PathVariable @Pattern(regexp = CODE) String code, @PathVariable String periodId) {
    return documents.respond(ready.belowTarget(code, periodId));
  }

  @GetMapping("/counties/{countyId}/below-target")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(summary = "Schools of the county (in the period) whose figure misses the period's target, largest gap first",
      description = "The city's list narrowed to the schools that belonged to the county on the period's first day "
          + "(`counties` empty). County roles of that county and city roles.")
  ResponseEntity<Document<BelowTarget>> countyBelowTarget(
      @PathVariable @Pattern(regexp = CODE) String code,
      @PathVariable String periodId,
      @PathVariable @Pattern(regexp = ID) String countyId) {
    return documents.respond(ready.belowTarget(code, periodId, countyId));
  }
}
