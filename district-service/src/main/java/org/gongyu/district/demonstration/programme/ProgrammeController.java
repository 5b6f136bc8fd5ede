package org.gongyu.district.demonstration.programme;

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

/**
 * A county's demonstration-school programmes, their breakdown table and creation arrangement. PUT
 * of a programme answers 201 when it created it, else 200.
 */
@Tag(name = "Demonstration programmes · 示范校创建项目", description = "The county's programmes, quotas and arrangements per 学区 · 区县的创建项目、名额及各学区安排")
@RestController
@RequestMapping("/api/district/counties/{countyId}/demonstration/programmes")
class ProgrammeController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";
  static final String PROGRAMME_ID = "[A-Za-z0-9-]{1,60}";

  private final ProgrammeService service;

  ProgrammeController(ProgrammeService service) {
    this.service = service;
  }

  @Operation(summary = "Create or update a programme", description = "新建（201）或更新（200）区县的示范校创建项目：所用标准版本、申报期等。")
  @PutMapping("/{programmeId}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<ProgrammeResponse> put(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = PROGRAMME_ID) String programmeId,
      @Valid @RequestBody PutProgrammeRequest body) {
    ProgrammeService.Upsert result = service.put(countyId, programmeId, body);
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.programme());
  }

  @Operation(summary = "List the county's programmes", description = "列出区县的示范校创建项目。")
  @GetMapping
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<ProgrammeResponse> list(@PathVariable @Pattern(regexp = ID) String countyId) {
    return service.list(countyId);
  }

  @Operation(summary = "Read a programme", description = "读取一个创建项目；不存在时返回 404。")
  @GetMapping("/{programmeId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  ProgrammeResponse get(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = PROGRAMME_ID) String programmeId) {
    return service.get(countyId, programmeId);
  }

  @Operation(summary = "Set a programme's quotas", description = "设定创建项目的名额。")
  @PutMapping("/{programmeId}/quotas")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ProgrammeResponse putQuotas(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = PROGRAMME_ID) String programmeId,
      @Valid @RequestBody PutQuotasRequest body) {
    return service.putQuotas(countyId, programmeId, body.quotas());
  }

  /** {@code xuequKey}: a 学区 id of the county, or {@code direct} for the schools directly under it. */
  @Operation(summary = "Set the arrangement of a 学区", description = "设定某学区（或 direct：区县直属学校）在创建项目中的安排。xuequKey 为区县的学区编号或 direct。")
  @PutMapping("/{programmeId}/arrangement/{xuequKey}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ArrangementResponse putArrangement(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = PROGRAMME_ID) String programmeId,
      @PathVariable @Pattern(regexp = ID) String xuequKey,
      @Valid @RequestBody PutArrangementRequest body) {
    return service.putArrangement(countyId, programmeId, xuequKey, body.schools());
  }

  @Operation(summary = "Read a programme's arrangement", description = "读取创建项目在各学区的安排。")
  @GetMapping("/{programmeId}/arrangement")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  ArrangementResponse arrangement(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = PROGRAMME_ID) String programmeId) {
    return service.arrangement(countyId, programmeId);
  }
}
