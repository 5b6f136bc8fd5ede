package org.gongyu.reporting.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.gongyu.chassis.security.Rules;
import org.gongyu.reporting.report.AttentionService;
import org.springframework.http.ResponseEntity;
import org.gongyu.reporting.report.Basis;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Files of the report views: each path is its JSON twin's plus {@code /export.xlsx} or {@code
 * /export.pdf}, under the same rule (roles and unit), so a caller exports exactly what they may
 * read, withheld cells withheld. Language: {@code lang=zh-CN|en}, else {@code Accept-Language},
 * else zh-CN. Every export is audited.
 */
@RestController
@Tag(name = "exports", description = "The report views as .xlsx (every table) and PDF (city and county scorecards)")
class ExportController {

  static final String BASIS = "live (default): the latest figures with the approved ones beside them; approved: approved figures only";
  static final String BASIS_NOTE = " The sheet's name says which figures it holds (实时数据 / 审核通过数据).";
  static final String ID = "[A-Za-z0-9-]{1,40}";
  static final String CODE = "[A-Za-z0-9_-]{1,60}";
  static final String LANG = "zh-CN or en; without it Accept-Language decides (zh* or en*), else zh-CN";
  static final String XLSX_NOTE = " Sheets with a frozen header row: numbers are numeric cells (rates formatted 0.0%), "
      + "headers and indicator names in the chosen language, withheld small cells as the text <5, text beginning with "
      + "= + - @ neutralised with a leading '. Audited (who, role, unit, which export, format, language).";
  static final String PDF_NOTE = " A4 landscape: title, period, local generation time, the scorecard table with met / not "
      + "met in words, and per indicator a bar chart with the target marked; Chinese set in embedded Noto Sans CJK. "
      + "Audited. 500 problem if the server lacks the font.";

  /** The answer of an export: the file. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "200", description = "the .xlsx file (Content-Disposition attachment, RFC 5987 filename*)",
      content = @Content(mediaType = Exports.XLSX, schema = @Schema(type = "string", format = "binary")))
  @interface XlsxFile {}

  /** The answer of an export: the PDF. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "200", description = "the PDF file (Content-Disposition attachment, RFC 5987 filename*)",
      content = @Content(mediaType = Exports.PDF, schema = @Schema(type = "string", format = "binary")))
  @interface PdfFile {}

  private final Exports exports;

  ExportController(Exports exports) {
    this.exports = exports;
  }

  @GetMapping("/api/reports/periods/{periodId}/scorecard/export.xlsx")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(summary = "The city scorecard as .xlsx",
      description = "What GET /api/reports/periods/{periodId}/scorecard answers: a sheet of units × indicators and a "
          + "sheet of every figure per indicator × unit." + XLSX_NOTE + " City roles only.")
  @XlsxFile
  ResponseEntity<byte[]> cityScorecardXlsx(@PathVariable String periodId,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      Authentication who, HttpServletRequest request) {
    return exports.cityScorecard(periodId, Exports.Format.XLSX, Lang.of(lang, acceptLanguage), who, request);
  }

  @GetMapping("/api/reports/periods/{periodId}/scorecard/export.pdf")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(summary = "The city scorecard as a PDF report with charts",
      description = "What GET /api/reports/periods/{periodId}/scorecard answers, as a report." + PDF_NOTE + " City roles only.")
  @PdfFile
  ResponseEntity<byte[]> cityScorecardPdf(@PathVariable String periodId,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      Authentication who, HttpServletRequest request) {
    return exports.cityScorecard(periodId, Exports.Format.PDF, Lang.of(lang, acceptLanguage), who, request);
  }

  @GetMapping("/api/reports/periods/{periodId}/counties/{countyId}/scorecard/export.xlsx")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(summary = "A county scorecard as .xlsx",
      description = "What GET /api/reports/periods/{periodId}/counties/{countyId}/scorecard answers: the county and its "
          + "schools × indicators, and every school cell per indicator." + XLSX_NOTE
          + " County roles of that county and city roles.")
  @XlsxFile
  ResponseEntity<byte[]> countyScorecardXlsx(@PathVariable String periodId, @PathVariable @Pattern(regexp = ID) String countyId,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      Authentication who, HttpServletRequest request) {
    return exports.countyScorecard(periodId, countyId, Exports.Format.XLSX, Lang.of(lang, acceptLanguage), who, request);
  }

  @GetMapping("/api/reports/periods/{periodId}/counties/{countyId}/scorecard/export.pdf")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(summary = "A county scorecard as a PDF report with charts",
      description = "What GET /api/reports/periods/{periodId}/counties/{countyId}/scorecard answers, as a report: the "
          + "county's own figures per indicator and a chart of its schools per indicator." + PDF_NOTE
          + " County roles of that county and city roles.")
  @PdfFile
  ResponseEntity<byte[]> countyScorecardPdf(@PathVariable String periodId, @PathVariable @Pattern(regexp = ID) String countyId,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      Authentication who, HttpServletRequest request) {
    return exports.countyScorecard(periodId, countyId, Exports.Format.PDF, Lang.of(lang, acceptLanguage), who, request);
  }

  @GetMapping("/api/reports/periods/{periodId}/schools/{schoolId}/scorecard/export.xlsx")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  @Operation(summary = "A school's own scorecard as .xlsx",
      description = "What GET /api/reports/periods/{periodId}/schools/{schoolId}/scorecard answers (exact for the "
          + "school's own users, small cells withheld for county and city users)." + XLSX_NOTE)
  @XlsxFile
  ResponseEntity<byte[]> schoolScorecardXlsx(@PathVariable String periodId, @PathVariable @Pattern(regexp = ID) String schoolId,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      Authentication who, HttpServletRequest request) {
    return exports.schoolScorecard(periodId, schoolId, Lang.of(lang, acceptLanguage), who, request);
  }

  @GetMapping("/api/reports/indicators/{code}/periods/{periodId}/export.xlsx")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(summary = "One indicator across the city and its counties as .xlsx",
      description = "What GET /api/reports/indicators/{code}/periods/{periodId} answers." + XLSX_NOTE + BASIS_NOTE + " City roles only.")
  @XlsxFile
  ResponseEntity<byte[]> indicatorCityXlsx(@PathVariable @Pattern(regexp = CODE) String code, @PathVariable String periodId,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      @Parameter(description = BASIS, schema = @Schema(allowableValues = {"live", "approved"}))
      @RequestParam(required = false) String basis,
      Authentication who, HttpServletRequest request) {
    return exports.indicatorCity(code, periodId, Basis.of(basis), Lang.of(lang, acceptLanguage), who, request);
  }

  @GetMapping("/api/reports/indicators/{code}/periods/{periodId}/counties/{countyId}/export.xlsx")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(summary = "One indicator in a county, its schools and the lineage, as .xlsx",
      description = "What GET /api/reports/indicators/{code}/periods/{periodId}/counties/{countyId} answers, with a "
          + "sheet of the school snapshot versions the county rollup used and when each was made." + XLSX_NOTE + BASIS_NOTE
          + " County roles of that county and city roles.")
  @XlsxFile
  ResponseEntity<byte[]> indicatorCountyXlsx(@PathVariable @Pattern(regexp = CODE) String code, @PathVariable String periodId,
      @PathVariable @Pattern(regexp = ID) String countyId,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      @Parameter(description = BASIS, schema = @Schema(allowableValues = {"live", "approved"}))
      @RequestParam(required = false) String basis,
      Authentication who, HttpServletRequest request) {
    return exports.indicatorCounty(code, periodId, countyId, Basis.of(basis), Lang.of(lang, acceptLanguage), who, request);
  }

  @GetMapping("/api/reports/indicators/{code}/periods/{periodId}/below-target/export.xlsx")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(summary = "The city's below-target lists of one indicator as .xlsx",
      description = "What GET /api/reports/indicators/{code}/periods/{periodId}/below-target answers: counties, schools "
          + "(largest gap first) and a notes sheet with the number withheld." + XLSX_NOTE + " City roles only.")
  @XlsxFile
  ResponseEntity<byte[]> belowTargetXlsx(@PathVariable @Pattern(regexp = CODE) String code, @PathVariable String periodId,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      Authentication who, HttpServletRequest request) {
    return exports.belowTarget(code, periodId, null, Lang.of(lang, acceptLanguage), who, request);
  }

  @GetMapping("/api/reports/indicators/{code}/periods/{periodId}/counties/{countyId}/below-target/export.xlsx")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(summary = "A county's below-target list of one indicator as .xlsx",
      description = "What GET /api/reports/indicators/{code}/periods/{periodId}/counties/{countyId}/below-target "
          + "answers." + XLSX_NOTE + " County roles of that county and city roles.")
  @XlsxFile
  ResponseEntity<byte[]> countyBelowTargetXlsx(@PathVariable @Pattern(regexp = CODE) String code,
      @PathVariable String periodId, @PathVariable @Pattern(regexp = ID) String countyId,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      Authentication who, HttpServletRequest request) {
    return exports.belowTarget(code, periodId, countyId, Lang.of(lang, acceptLanguage), who, request);
  }

  @GetMapping("/api/reports/indicators/{code}/trend/export.xlsx")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(summary = "One indicator's trend for the city and every county as .xlsx",
      description = "What GET /api/reports/indicators/{code}/trend answers: one row per unit and period, oldest first."
          + XLSX_NOTE + " City roles only.")
  @XlsxFile
  ResponseEntity<byte[]> trendXlsx(@PathVariable @Pattern(regexp = CODE) String code,
      @Parameter(description = "the last period of the trend, of the indicator's own period type") @RequestParam String to,
      @Parameter(description = "how many periods, 1..12") @RequestParam(defaultValue = "6") int periods,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      Authentication who, HttpServletRequest request) {
    return exports.trend(code, to, periods, null, Lang.of(lang, acceptLanguage), who, request);
  }

  @GetMapping("/api/reports/indicators/{code}/counties/{countyId}/trend/export.xlsx")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(summary = "One indicator's trend for a county as .xlsx",
      description = "What GET /api/reports/indicators/{code}/counties/{countyId}/trend answers: one row per period, "
          + "oldest first." + XLSX_NOTE + " County roles of that county and city roles.")
  @XlsxFile
  ResponseEntity<byte[]> countyTrendXlsx(@PathVariable @Pattern(regexp = CODE) String code,
      @PathVariable @Pattern(regexp = ID) String countyId,
      @Parameter(description = "the last period of the trend, of the indicator's own period type") @RequestParam String to,
      @Parameter(description = "how many periods, 1..12") @RequestParam(defaultValue = "6") int periods,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      Authentication who, HttpServletRequest request) {
    return exports.trend(code, to, periods, countyId, Lang.of(lang, acceptLanguage), who, request);
  }

  @GetMapping("/api/reports/periods/{periodId}/attention/export.xlsx")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  @Operation(summary = "What needs attention across the city as .xlsx",
      description = "What GET /api/reports/periods/{periodId}/attention answers, with the same filters." + XLSX_NOTE
          + " City roles only.")
  @XlsxFile
  ResponseEntity<byte[]> attentionXlsx(@PathVariable String periodId,
      @Parameter(description = "BELOW_TARGET, MISSING, LATE", array = @ArraySchema(
          schema = @Schema(allowableValues = {"BELOW_TARGET", "MISSING", "LATE"})))
      @RequestParam(required = false) List<String> reason,
      @RequestParam(required = false) List<String> indicator,
      @Parameter(description = "COUNTY or SCHOOL", schema = @Schema(allowableValues = {"COUNTY", "SCHOOL"}))
      @RequestParam(required = false) String level,
      @RequestParam(required = false) @Pattern(regexp = ID) String countyId,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      Authentication who, HttpServletRequest request) {
    return exports.attention(periodId, null, new AttentionService.Filter(reason, indicator, level, countyId),
        Lang.of(lang, acceptLanguage), who, request);
  }

  @GetMapping("/api/reports/periods/{periodId}/counties/{countyId}/attention/export.xlsx")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  @Operation(summary = "What needs attention in one county as .xlsx",
      description = "What GET /api/reports/periods/{periodId}/counties/{countyId}/attention answers, with the same "
          + "filters." + XLSX_NOTE + " County roles of that county and city roles.")
  @XlsxFile
  ResponseEntity<byte[]> countyAttentionXlsx(@PathVariable String periodId, @PathVariable @Pattern(regexp = ID) String countyId,
      @Parameter(description = "BELOW_TARGET, MISSING, LATE", array = @ArraySchema(
          schema = @Schema(allowableValues = {"BELOW_TARGET", "MISSING", "LATE"})))
      @RequestParam(required = false) List<String> reason,
      @RequestParam(required = false) List<String> indicator,
      @Parameter(description = "COUNTY or SCHOOL", schema = @Schema(allowableValues = {"COUNTY", "SCHOOL"}))
      @RequestParam(required = false) String level,
      @Parameter(description = LANG, schema = @Schema(allowableValues = {"zh-CN", "en"}))
      @RequestParam(required = false) String lang,
      @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
      Authentication who, HttpServletRequest request) {
    return exports.attention(periodId, countyId, new AttentionService.Filter(reason, indicator, level, null),
        Lang.of(lang, acceptLanguage), who, request);
  }
}
