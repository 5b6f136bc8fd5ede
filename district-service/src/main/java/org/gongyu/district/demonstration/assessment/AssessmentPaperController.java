package org.gongyu.district.demonstration.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scoresheet (评分表) and the application form (申报表) of an application as PDF, for printing
 * and signing: the same callers as the scoresheet and the file (the same checks run first), zh-CN
 * unless {@code lang=en}.
 */
@Tag(name = "Demonstration assessment · 示范校评审", description = "Assessors, assignments, scores, consensus and decision · 评审专家、分派、评分、合议与结论")
@RestController
@RequestMapping("/api/district/counties/{countyId}/demonstration")
class AssessmentPaperController {

  private final AssessmentPapers papers;

  AssessmentPaperController(AssessmentPapers papers) {
    this.papers = papers;
  }

  @Operation(summary = "The scoresheet as PDF (评分表)",
      description = "当前轮次的评分表（PDF，嵌入中文字体）：学校、项目、各评价要点下每位专家的评分与评语、分差、合议分及说明、合计与最终得分。"
          + "可读者与 GET …/scoresheet 相同（区县与市级用户；专家须已声明并提交本人评分）。默认中文，lang=en 为英文。")
  @ApiResponse(responseCode = "200", description = "the PDF (inline, filename scoresheet-{applicationId}.pdf)",
      content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
  @GetMapping(value = "/applications/{applicationId}/scoresheet.pdf")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  ResponseEntity<byte[]> scoresheet(
      @PathVariable @Pattern(regexp = AssessmentController.ID) String countyId,
      @PathVariable UUID applicationId,
      @Parameter(description = "zh-CN (default) or en") @RequestParam(required = false) String lang,
      Authentication authentication) {
    return pdf(papers.scoresheet(countyId, applicationId, caller(authentication), AssessmentPapers.Lang.of(lang)),
        "scoresheet-" + applicationId + ".pdf");
  }

  @Operation(summary = "The application form as PDF (申报表)",
      description = "当前轮次的申报表（PDF，嵌入中文字体）：学校、学区、项目、评价标准，按领域和评价要点列出学校自评分、自评说明及佐证材料。"
          + "可读者与 GET …/file 相同（区县管理员；已分派并声明无利益冲突的专家）。默认中文，lang=en 为英文。")
  @ApiResponse(responseCode = "200", description = "the PDF (inline, filename application-form-{applicationId}.pdf)",
      content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
  @GetMapping(value = "/applications/{applicationId}/application-form.pdf")
  @PreAuthorize(Rules.COUNTY_STAFF + Rules.OF_COUNTY)
  ResponseEntity<byte[]> applicationForm(
      @PathVariable @Pattern(regexp = AssessmentController.ID) String countyId,
      @PathVariable UUID applicationId,
      @Parameter(description = "zh-CN (default) or en") @RequestParam(required = false) String lang,
      Authentication authentication) {
    return pdf(papers.applicationForm(countyId, applicationId, caller(authentication), AssessmentPapers.Lang.of(lang)),
        "application-form-" + applicationId + ".pdf");
  }

  private static ResponseEntity<byte[]> pdf(byte[] body, String filename) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }

  private static Caller caller(Authentication authentication) {
    return Caller.of(authentication).orElseThrow(() -> new IllegalStateException("an authorised request without a caller"));
  }
}
