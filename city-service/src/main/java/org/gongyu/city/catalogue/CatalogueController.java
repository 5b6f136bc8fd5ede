package org.gongyu.city.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The indicator catalogue: readable by every role, target schedules set by city admins. */
@Tag(name = "Indicator catalogue · 指标目录", description = "The city's indicator catalogue and target schedules · 本市指标目录及目标值安排")
@RestController
@RequestMapping("/api/city/catalogue")
class CatalogueController {

  private final CatalogueService service;
  private final CatalogueMapper mapper;

  CatalogueController(CatalogueService service, CatalogueMapper mapper) {
    this.service = service;
    this.mapper = mapper;
  }

  @Operation(summary = "The indicator catalogue", description = "列出指标目录：每个指标的名称（中英文）、类型、期间类型和目标值安排。")
  @GetMapping
  @PreAuthorize(Rules.ANY_ROLE)
  List<CatalogueEntryResponse> catalogue() {
    return mapper.toResponses(service.all());
  }

  @Operation(summary = "Read one indicator", description = "读取一个指标；目录中没有时返回 404。")
  @GetMapping("/{code}")
  @PreAuthorize(Rules.ANY_ROLE)
  CatalogueEntryResponse one(@PathVariable @Pattern(regexp = "[A-Z0-9_]{1,60}") String code) {
    return mapper.toResponse(service.one(code));
  }

  /** 200 with the entry as GET shows it, whether the step changed or already had the value. */
  @Operation(summary = "Set an indicator's target from a period on", description = "自某期间起设定指标的目标值（200，返回与 GET 相同的内容）。已开始的期间不可更改（409）；比率类目标为 0 到 1 之间的小数。")
  @PutMapping("/{code}/targets/{periodId}")
  @PreAuthorize(Rules.CITY_ADMIN + Rules.OF_CITY)
  CatalogueEntryResponse setTarget(
      @PathVariable @Pattern(regexp = "[A-Z0-9_]{1,60}") String code,
      @PathVariable @Pattern(regexp = "[0-9-]{1,20}") String periodId,
      @Valid @RequestBody SetTargetRequest body,
      Authentication authentication) {
    String by = Caller.of(authentication).map(Caller::username).orElse("unknown");
    return mapper.toResponse(service.setTarget(code, periodId, body.value(), by));
  }
}
