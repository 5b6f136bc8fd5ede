package org.gongyu.city.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.gongyu.chassis.assessment.AdjustmentRequest;
import org.gongyu.chassis.assessment.AdjustmentResponse;
import org.gongyu.chassis.assessment.AssessmentPaper;
import org.gongyu.chassis.assessment.AssessmentWorkbook;
import org.gongyu.chassis.assessment.ComputeRequest;
import org.gongyu.chassis.assessment.IssueSchemeRequest;
import org.gongyu.chassis.assessment.RunResponse;
import org.gongyu.chassis.assessment.RunSummaryResponse;
import org.gongyu.chassis.assessment.SchemeVersion;
import org.gongyu.chassis.assessment.SchemeVersionResponse;
import org.gongyu.chassis.assessment.WithdrawAdjustmentRequest;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.pdf.XhtmlPdf;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city's management assessment of counties: city staff issue scheme versions (never changed; a
 * change is the next version), compute a version for a school year, read and export the ranking
 * with every item explained (.xlsx, PDF), and adjust a county's result by hand (加减分, with a
 * reason; withdrawn with a reason). A county reads its own row of a run, and its rows of the newest
 * runs, nobody else's.
 */
@Tag(name = "Management assessment · 管理考核", description = "The city's versioned scoring schemes over indicators and its assessment of the counties · 市级对县区的管理考核：按指标评分的版本化考核方案、计算结果与导出")
@RestController
@RequestMapping("/api/city/assessments")
class CityAssessmentController {

  /** Scheme ids: capitals, digits and dashes, e.g. {@code COUNTY-MGMT}. */
  static final String SCHEME_ID = "[A-Z][A-Z0-9-]{0,59}";
  static final String COUNTY_ID = "[A-Za-z0-9-]{1,40}";

  private final CityAssessments assessments;
  private final CityCalendar calendar;
  private final XhtmlPdf pdf;

  CityAssessmentController(CityAssessments assessments, CityCalendar calendar,
      @Value("${gongyu.city.pdf.font:" + XhtmlPdf.DEFAULT_FONT + "}") String font) {
    this.assessments = assessments;
    this.calendar = calendar;
    this.pdf = new XhtmlPdf(font, "gongyu.city.pdf.font");
  }

  @Operation(summary = "Latest version of each scheme", description = "列出每个考核方案的最新版本。")
  @GetMapping
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  List<SchemeVersionResponse> latest() {
    return assessments.latest().stream().map(SchemeVersionResponse::of).toList();
  }

  @Operation(summary = "All versions of a scheme", description = "列出某考核方案的全部版本（旧版在前）；不存在时返回 404。")
  @GetMapping("/{schemeId}")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  List<SchemeVersionResponse> versions(@PathVariable @Pattern(regexp = SCHEME_ID) String schemeId) {
    return assessments.versions(schemeId).stream().map(SchemeVersionResponse::of).toList();
  }

  @Operation(summary = "Read one version of a scheme", description = "读取考核方案的一个版本：各考核项的指标、分值和评分规则（含文字说明）；不存在时返回 404。")
  @GetMapping("/{schemeId}/versions/{version}")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  SchemeVersionResponse version(@PathVariable @Pattern(regexp = SCHEME_ID) String schemeId, @PathVariable @Min(1) long version) {
    return SchemeVersionResponse.of(assessments.version(schemeId, version));
  }

  @Operation(summary = "Issue the next version of a scheme", description = "发布考核方案的下一个版本（新方案为第 1 版，201）。已发布的版本不可更改，已计算的结果不受新版本影响。各考核项分值之和须等于总分；不符合规则时返回 422 并逐项指出字段。")
  @PostMapping("/{schemeId}/versions")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  ResponseEntity<SchemeVersionResponse> issue(
      @PathVariable @Pattern(regexp = SCHEME_ID) String schemeId, @RequestBody IssueSchemeRequest body, Authentication who) {
    SchemeVersion v = assessments.issue(schemeId, body, Caller.of(who).map(Caller::username).orElse("unknown"));
    return ResponseEntity.created(URI.create("/api/city/assessments/" + schemeId + "/versions/" + v.version()))
        .body(SchemeVersionResponse.of(v));
  }

  @Operation(summary = "Compute the assessment of the counties for a school year", description = "按考核方案（默认最新版本）计算各县区某学年的考核结果并保存（201）：每个县区每个考核项的数据、目标、得分和评分说明，总分和排名。学期指标取该学年两个学期的合计；无数据的考核项记 0 分并注明。期间不是学年时返回 422。")
  @PostMapping("/{schemeId}/runs")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  ResponseEntity<RunResponse> compute(
      @PathVariable @Pattern(regexp = SCHEME_ID) String schemeId, @RequestBody ComputeRequest body, Authentication who) {
    RunResponse run = assessments.compute(schemeId, body, Caller.of(who).map(Caller::username).orElse("unknown"));
    return ResponseEntity.created(URI.create("/api/city/assessments/" + schemeId + "/runs/" + run.runId())).body(run);
  }

  @Operation(summary = "Computed assessments of a scheme", description = "列出某考核方案已计算的考核结果（新的在前）。")
  @GetMapping("/{schemeId}/runs")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  List<RunSummaryResponse> runs(@PathVariable @Pattern(regexp = SCHEME_ID) String schemeId) {
    return assessments.runs(schemeId).stream().map(RunSummaryResponse::of).toList();
  }

  @Operation(summary = "Read a computed assessment", description = "读取一次考核结果：所用方案版本、各县区排名、总分及每个考核项的数据、得分和评分说明。")
  @GetMapping("/{schemeId}/runs/{runId}")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  RunResponse run(@PathVariable @Pattern(regexp = SCHEME_ID) String schemeId, @PathVariable @Min(1) long runId) {
    return assessments.response(schemeId, runId);
  }

  @Operation(summary = "A county's own row of a computed assessment", description = "县区读取本县区在一次考核中的结果（排名、总分、各考核项得分和说明）；其他县区的结果返回 404。")
  @GetMapping("/{schemeId}/runs/{runId}/counties/{countyId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  RunResponse countyRow(@PathVariable @Pattern(regexp = SCHEME_ID) String schemeId, @PathVariable @Min(1) long runId,
      @PathVariable String countyId) {
    return assessments.countyRow(schemeId, runId, countyId);
  }

  @Operation(summary = "A computed assessment as .xlsx", description = "导出考核结果 Excel：排名表、考核明细（数据按百分比等格式显示，附评分说明）和考核方案。表头语言取 lang 参数或 Accept-Language（默认中文）。")
  @ApiResponse(responseCode = "200", description = "the .xlsx file (Content-Disposition attachment, RFC 5987 filename*)",
      content = @Content(mediaType = AssessmentWorkbook.XLSX, schema = @Schema(type = "string", format = "binary")))
  @GetMapping("/{schemeId}/runs/{runId}/export.xlsx")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  ResponseEntity<byte[]> export(@PathVariable @Pattern(regexp = SCHEME_ID) String schemeId, @PathVariable @Min(1) long runId,
      @Parameter(description = "zh-CN or en; else Accept-Language", schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage) {
    return AssessmentWorkbook.download(assessments.workbook(schemeId, runId), lang, acceptLanguage, calendar.zone());
  }

  @Operation(summary = "A computed assessment as PDF", description = "导出考核结果 PDF（A4 横向，可打印）：按最终总分的排名（计算得分、加减分、总分），各县区每个考核项的数据、得分和评分说明，加减分及理由（已撤销的注明且不计入），以及考核方案。语言取 lang 参数或 Accept-Language（默认中文）。")
  @ApiResponse(responseCode = "200", description = "the PDF (Content-Disposition attachment, RFC 5987 filename*)",
      content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
  @GetMapping("/{schemeId}/runs/{runId}/export.pdf")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  ResponseEntity<byte[]> exportPdf(@PathVariable @Pattern(regexp = SCHEME_ID) String schemeId, @PathVariable @Min(1) long runId,
      @Parameter(description = "zh-CN or en; else Accept-Language", schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage) {
    return AssessmentPaper.download(assessments.workbook(schemeId, runId), lang, acceptLanguage, calendar.zone(), pdf);
  }

  @Operation(summary = "Adjust a county's result (加减分)", description = "市级人员对某县区在该考核方案版本和学年的结果加分或扣分（201）：分值不为 0、最多两位小数、绝对值不超过方案总分，须填写理由，可注明所涉考核项。加减分计入该版本该学年的每次计算结果，排名按最终总分；新版本方案不带入。县区不在该次结果中时返回 404，字段不符合规则时返回 422 并指出字段。")
  @PostMapping("/{schemeId}/runs/{runId}/units/{unitId}/adjustments")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  ResponseEntity<AdjustmentResponse> adjust(@PathVariable @Pattern(regexp = SCHEME_ID) String schemeId,
      @PathVariable @Min(1) long runId, @Parameter(description = "the county (县区) whose result is adjusted")
      @PathVariable @Pattern(regexp = COUNTY_ID) String unitId, @RequestBody AdjustmentRequest body, Authentication who) {
    // the city's staff adjust any county of the city (OF_CITY); a county the run did not assess is 404
    AdjustmentResponse a = assessments.adjust(schemeId, runId, unitId, body, Caller.of(who).map(Caller::username).orElse("unknown"));
    return ResponseEntity.created(URI.create("/api/city/assessments/" + schemeId + "/runs/" + runId + "/adjustments/"
        + a.adjustmentId())).body(a);
  }

  @Operation(summary = "Withdraw an adjustment", description = "撤销一项加减分（须填写理由）：记录保留并注明撤销人、时间和理由，不再计入总分。已撤销的再次撤销返回 409；该版本该学年没有此项时返回 404。")
  @PostMapping("/{schemeId}/runs/{runId}/adjustments/{adjustmentId}/withdrawal")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  AdjustmentResponse withdraw(@PathVariable @Pattern(regexp = SCHEME_ID) String schemeId, @PathVariable @Min(1) long runId,
      @PathVariable @Min(1) long adjustmentId, @RequestBody WithdrawAdjustmentRequest body, Authentication who) {
    return assessments.withdraw(schemeId, runId, adjustmentId, body, Caller.of(who).map(Caller::username).orElse("unknown"));
  }

  @Operation(summary = "The city's assessment of one county", description = "县区读取市级对本县区的管理考核：每个考核方案最近一次计算结果中本县区的一行（排名、总分、加减分、各考核项得分和说明）；尚无结果时为空列表。其他县区返回 404。")
  @GetMapping("/counties/{countyId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<RunResponse> ofCounty(@PathVariable @Pattern(regexp = COUNTY_ID) String countyId) {
    return assessments.ofCounty(countyId);
  }
}
