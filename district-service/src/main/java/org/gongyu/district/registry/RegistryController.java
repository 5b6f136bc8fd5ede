package org.gongyu.district.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The counties' 学区 and school registry. PUT answers 201 when it created the resource, else 200. */
@Tag(name = "School registry · 学校名册", description = "The county's 学区 and schools · 区县的学区和学校")
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

  @Operation(summary = "Register or rename a 学区", description = "登记（201）或更名（200）区县的一个学区。")
  @PutMapping("/xuequ/{xuequId}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<XuequResponse> putXuequ(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = ID) String xuequId,
      @Valid @RequestBody PutXuequRequest body) {
    Upserted<XuequRow> result = registry.putXuequ(countyId, xuequId, body.name());
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(XuequResponse.of(result.row()));
  }

  @Operation(summary = "List the county's 学区", description = "列出区县的学区。")
  @GetMapping("/xuequ")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<XuequResponse> xuequ(@PathVariable @Pattern(regexp = ID) String countyId) {
    return registry.xuequOf(countyId).stream().map(XuequResponse::of).toList();
  }

  @Operation(summary = "Register or update a school", description = "登记（201）或更新（200）区县的一所学校：名称、学校类型、所属学区。")
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
   * started before stay with this county). Only this county's admin gives a school away (the city's admins for
   * the city-direct unit, ADR 0027).
   */
  @Operation(summary = "Move a school to another county", description = "自某学期第一天起将学校划转到另一区县（按生效日期：此前已开始的期间仍属原区县）。仅原区县管理员（市直学校单位为市级管理员）可操作；两区县的汇总在同一事务中重新计算。")
  @PostMapping("/schools/{schoolId}/move")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  MovedSchoolResponse moveSchool(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = ID) String schoolId,
      @Valid @RequestBody MoveSchoolRequest body) {
    return MovedSchoolResponse.of(
        registry.moveSchool(countyId, schoolId, body.toCountyId(), body.toXuequId(), body.effectiveFrom()));
  }

  /**
   * Closes a school, or merges it into another school of the county, from a day (effective-dated
   * like a move: periods that started before keep the school and their figures). Only this
   * county's admin closes its schools.
   */
  @Operation(summary = "Close a school or merge it into another",
      description = "自某日起关闭学校，或将其合并至本区县另一所未关闭的学校（按生效日期：该日或之后开始的期间不再要求该校填报，此前已开始的期间及其数据保持不变）。"
          + "生效日须在未结束的学期内且晚于最近一次归属变更；已关闭的学校、合并至已关闭的学校或合并至自身返回 409。")
  @PostMapping("/schools/{schoolId}/close")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  SchoolResponse closeSchool(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = ID) String schoolId,
      @Valid @RequestBody CloseSchoolRequest body) {
    SchoolRow closed = registry.closeSchool(countyId, schoolId, body.effectiveFrom(), body.successorId());
    return mapper.toResponses(List.of(closed), registry.schoolsOf(countyId)).getFirst();
  }

  @Operation(summary = "List the county's schools",
      description = "列出区县的学校（含所属学区、学校类型及关闭/合并情况）。已关闭的学校列到其最后一个期间结束为止，此后仅在 closed=true 时列出。")
  @GetMapping("/schools")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<SchoolResponse> schools(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @Parameter(description = "为 true 时也列出最后一个期间已结束的已关闭学校") @RequestParam(defaultValue = "false") boolean closed) {
    List<SchoolRow> all = registry.schoolsOf(countyId);
    return mapper.toResponses(all.stream().filter(s -> registry.listed(s, closed)).toList(), all);
  }

  @Operation(summary = "Read a school", description = "读取区县的一所学校（已关闭的也可读取）；不存在时返回 404。")
  @GetMapping("/schools/{schoolId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  SchoolResponse school(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = ID) String schoolId) {
    return mapper.toResponses(List.of(registry.school(countyId, schoolId)), registry.schoolsOf(countyId)).getFirst();
  }
}
