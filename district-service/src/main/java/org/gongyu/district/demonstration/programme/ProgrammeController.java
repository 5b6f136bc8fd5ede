package org.gongyu.district.demonstration.programme;

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

/**
 * A county's demonstration-school programmes, their breakdown table and creation arrangement. PUT
 * of a programme answers 201 when it created it, else 200.
 */
@RestController
@RequestMapping("/api/district/counties/{countyId}/demonstration/programmes")
class ProgrammeController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";
  static final String PROGRAMME_ID = "[A-Za-z0-9-]{1,60}";

  private final ProgrammeService service;

  ProgrammeController(ProgrammeService service) {
    this.service = service;
  }

  @PutMapping("/{programmeId}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<ProgrammeResponse> put(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = PROGRAMME_ID) String programmeId,
      @Valid @RequestBody PutProgrammeRequest body) {
    ProgrammeService.Upsert result = service.put(countyId, programmeId, body);
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.programme());
  }

  @GetMapping
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<ProgrammeResponse> list(@PathVariable @Pattern(regexp = ID) String countyId) {
    return service.list(countyId);
  }

  @GetMapping("/{programmeId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  ProgrammeResponse get(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = PROGRAMME_ID) String programmeId) {
    return service.get(countyId, programmeId);
  }

  @PutMapping("/{programmeId}/quotas")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ProgrammeResponse putQuotas(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = PROGRAMME_ID) String programmeId,
      @Valid @RequestBody PutQuotasRequest body) {
    return service.putQuotas(countyId, programmeId, body.quotas());
  }

  /** {@code xuequKey}: a 学区 id of the county, or {@code direct} for the schools directly under it. */
  @PutMapping("/{programmeId}/arrangement/{xuequKey}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ArrangementResponse putArrangement(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = PROGRAMME_ID) String programmeId,
      @PathVariable @Pattern(regexp = ID) String xuequKey,
      @Valid @RequestBody PutArrangementRequest body) {
    return service.putArrangement(countyId, programmeId, xuequKey, body.schools());
  }

  @GetMapping("/{programmeId}/arrangement")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  ArrangementResponse arrangement(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = PROGRAMME_ID) String programmeId) {
    return service.arrangement(countyId, programmeId);
  }
}
