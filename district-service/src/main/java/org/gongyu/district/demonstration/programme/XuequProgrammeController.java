package org.gongyu.district.demonstration.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.security.Rules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 学区's part of the demonstration programme (seeds W1, ADR 0027): the 学区 selects its
 * candidate schools and submits its part of the arrangement table (安排表) to the county, under the
 * same rules as the county admin's {@code PUT …/arrangement/{xuequKey}}. 学区 staff reach only their
 * own 学区 (404 for another); the county admin may act for any of its 学区.
 */
@Tag(name = "Demonstration programmes · 示范校创建项目", description = "The county's programmes, quotas and arrangements per 学区 · 区县的创建项目、名额及各学区安排")
@RestController
@RequestMapping("/api/district/counties/{countyId}/xuequ/{xuequId}/demonstration/programmes")
class XuequProgrammeController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";
  private static final String XUEQU_STAFF_OR_COUNTY_ADMIN = "hasAnyRole('XUEQU_STAFF','COUNTY_ADMIN')";

  private final ProgrammeService service;

  XuequProgrammeController(ProgrammeService service) {
    this.service = service;
  }

  @Operation(summary = "The county's programmes as a 学区 sees them",
      description = "学区查看区县的示范校创建项目：本学区名额、本学区已报的安排及本学区的学校；学区不存在或非本学区返回 404。")
  @GetMapping
  @PreAuthorize(Rules.XUEQU_COUNTY_OR_CITY_USER + Rules.OF_XUEQU)
  XuequProgrammesResponse list(@PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = ID) String xuequId) {
    return service.ofXuequ(countyId, xuequId);
  }

  @Operation(summary = "Submit the 学区's part of the arrangement table",
      description = "学区遴选本学区的创建学校并报送安排表（替换本学区原有安排，空列表为清空）：学校须属本学区、计划年份须在项目期内（422），"
          + "学校已列入其他学区的安排时返回 409。")
  @PutMapping("/{programmeId}/arrangement")
  @PreAuthorize(XUEQU_STAFF_OR_COUNTY_ADMIN + Rules.OF_XUEQU)
  ArrangementResponse submit(@PathVariable @Pattern(regexp = ID) String countyId, @PathVariable @Pattern(regexp = ID) String xuequId,
      @PathVariable @Pattern(regexp = ProgrammeController.PROGRAMME_ID) String programmeId,
      @Valid @RequestBody PutArrangementRequest body) {
    return service.putArrangement(countyId, programmeId, xuequId, body.schools());
  }
}
