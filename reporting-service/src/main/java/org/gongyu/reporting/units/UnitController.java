package org.gongyu.reporting.units;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.security.Rules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The org unit behind an id, for the top bar and the breadcrumbs of the web app. */
@RestController
@Tag(name = "units", description = "The city, its counties and schools by id, with the names of the units above them")
class UnitController {

  private final Units units;

  UnitController(Units units) {
    this.units = units;
  }

  @GetMapping("/api/reports/units/{unitId}")
  @PreAuthorize(Rules.ANY_ROLE + " and @reportUnits.visible(#unitId)")
  @Operation(
      summary = "One org unit (city, county or school) with its county and city",
      description = "Scoped like the school view: a school user sees their school, a county user their county and its "
          + "schools, a city user every unit of the city; every user sees the city itself. Any other unit answers 404, "
          + "the same as one that does not exist.")
  UnitView unit(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String unitId) {
    return units.unit(unitId);
  }
}
