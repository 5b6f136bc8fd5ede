package org.gongyu.district.registry;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.security.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The counties' 学区 and school registry. PUT answers 201 when it created the resource, else 200. */
@RestController
@RequestMapping("/api/district/counties/{countyId}")
class RegistryController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final RegistryService registry;
  private final SchoolMapper mapper;

  RegistryController(RegistryService registry, SchoolMapper mapper) {
    this.registry = registry;
    this.mapper = mapper;
  }

  @PutMapping("/xuequ/{xuequId}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<XuequResponse> putXuequ(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = ID) String xuequId,
      @Valid @RequestBody PutXuequRequest body) {
    Upserted<XuequRow> result = registry.putXuequ(countyId, xuequId, body.name());
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(XuequResponse.of(result.row()));
  }

  @GetMapping("/xuequ")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<XuequResponse> xuequ(@PathVariable @Pattern(regexp = ID) String countyId) {
    return registry.xuequOf(countyId).stream().map(XuequResponse::of).toList();
  }

  @PutMapping("/schools/{schoolId}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<SchoolResponse> putSchool(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = ID) String schoolId,
      @Valid @RequestBody PutSchoolRequest body) {
    Upserted<SchoolRow> result = registry.putSchool(countyId, schoolId, body.name(), body.schoolType(), body.xuequId());
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(mapper.toResponse(result.row()));
  }

  /**
   * Moves a school to another county from the start of a semester (effective-dated: periods that
   * started before stay with this county). Only this county's admin gives a school away.
   */
  @PostMapping("/schools/{schoolId}/move")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  MovedSchoolResponse moveSchool(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = ID) String schoolId,
      @Valid @RequestBody MoveSchoolRequest body) {
    return MovedSchoolResponse.of(
        registry.moveSchool(countyId, schoolId, body.toCountyId(), body.toXuequId(), body.effectiveFrom()));
  }

  @GetMapping("/schools")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<SchoolResponse> schools(@PathVariable @Pattern(regexp = ID) String countyId) {
    return mapper.toResponses(registry.schoolsOf(countyId));
  }

  @GetMapping("/schools/{schoolId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  SchoolResponse school(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = ID) String schoolId) {
    return mapper.toResponse(registry.school(countyId, schoolId));
  }
}
