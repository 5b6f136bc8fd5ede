package org.gongyu.school.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gongyu.chassis.excel.ImportJobs;
import org.gongyu.chassis.excel.Lang;
import org.gongyu.chassis.excel.TemplateSpec;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.Texts;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Excel templates, uploads as jobs, their progress, cancellation and error workbooks; the school's users only. */
@Tag(name = "Excel import · Excel 导入", description = "Templates, uploads, jobs and error workbooks · 模板下载、上传、导入任务与错误工作簿")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/imports")
class ImportController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";
  private static final String FAMILY = "[a-z0-9-]{1,40}";
  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Imports imports;
  private final MessageSource messages;

  ImportController(Imports imports, MessageSource messages) {
    this.imports = imports;
    this.messages = messages;
  }

  record ColumnInfo(String key, String headerZh, String headerEn, String type, boolean required) {}

  record TemplateInfo(String family, String titleZh, String titleEn, int templateVersion, List<ColumnInfo> columns) {
    static TemplateInfo of(TemplateSpec s) {
      return new TemplateInfo(s.family(), s.titleZh(), s.titleEn(), s.version(), s.columns().stream()
          .map(c -> new ColumnInfo(c.key(), c.headerZh(), c.headerEn(), c.type().name(), c.required())).toList());
    }
  }

  record ProblemInfo(String title, String detail) {}

  record JobResponse(UUID jobId, String family, String fileName, String status, int rowsTotal, int rowsDone, int read,
      int applied, int refused, int unchanged, boolean hasErrorWorkbook, ProblemInfo problem, Instant createdAt,
      Instant finishedAt, Instant expiresAt) {}

  private JobResponse response(ImportJobs.Job j, Locale locale) {
    ProblemInfo problem = j.problem() == null ? null : new ProblemInfo(Texts.resolve(j.problem().title(), messages, locale),
        Texts.resolve(j.problem().detail(), messages, locale));
    return new JobResponse(j.jobId(), j.family(), j.fileName(), j.status().name(), j.rowsTotal(), j.rowsDone(), j.read(),
        j.applied(), j.refused(), j.unchanged(), j.hasErrorWorkbook(), problem, j.createdAt(), j.finishedAt(), j.expiresAt());
  }

  @Operation(summary = "The import templates", description = "列出可导入的记录类型及其模板（列、类型、是否必填、模板版本）。")
  @GetMapping("/templates")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<TemplateInfo> templates(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return imports.templates().stream().map(TemplateInfo::of).toList();
  }

  @Operation(summary = "Download a template", description = "下载导入模板（.xlsx）：中文表头（lang=en 为英文），下拉选项、日期格式、示例行、说明页和模板版本。")
  @GetMapping("/templates/{family}.xlsx")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<byte[]> template(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = FAMILY) String family, @RequestParam(name = "lang", required = false) String lang) {
    Lang l = Lang.of(lang);
    byte[] body = imports.template(family, l);
    TemplateSpec spec = imports.family(family).spec();
    String name = (l == Lang.EN ? spec.titleEn() + " import template v" : spec.titleZh() + "导入模板-v") + spec.version() + ".xlsx";
    return download(body, name);
  }

  @Operation(summary = "Upload a filled template", description = "上传填好的模板（multipart 字段 file），作为导入任务在后台执行，返回 202 与任务。"
      + "有效行写入，有错误的行在错误工作簿中退回；同一文件重复上传不会重复记录。非 xlsx 415，超过大小或行数 413，加密、模板或版本不符 422，均不建任务。")
  @PostMapping(path = "/{family}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<JobResponse> upload(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = FAMILY) String family, @RequestPart(name = "file", required = false) MultipartFile file,
      Locale locale) {
    ImportJobs.Job job = imports.upload(schoolId, family, file, locale);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/school/schools/" + schoolId + "/imports/jobs/" + job.jobId()))
        .body(response(job, locale));
  }

  @Operation(summary = "The school's latest import jobs", description = "本校最近 20 个导入任务，最新的在前。")
  @GetMapping("/jobs")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<JobResponse> jobs(@PathVariable @Pattern(regexp = ID) String schoolId, Locale locale) {
    return imports.jobs(schoolId).stream().map(j -> response(j, locale)).toList();
  }

  @Operation(summary = "One import job", description = "导入任务的状态与进度（已处理行数/总行数，写入、退回、未变化的行数）。")
  @GetMapping("/jobs/{jobId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  JobResponse job(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID jobId, Locale locale) {
    return response(imports.job(schoolId, jobId), locale);
  }

  @Operation(summary = "Cancel an import job", description = "取消导入任务：排队中的立即取消，执行中的在当前批次结束后停止（已完成批次的行保留）；已结束时 409。")
  @PostMapping("/jobs/{jobId}/cancellation")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  JobResponse cancel(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID jobId, Locale locale) {
    return response(imports.cancel(schoolId, jobId), locale);
  }

  @Operation(summary = "Download the error workbook", description = "下载错误工作簿：退回的行（原样）、“错误说明”列、标红的出错单元格及批注、汇总页；保留 7 天；没有时 404。")
  @GetMapping("/jobs/{jobId}/errors.xlsx")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<byte[]> errors(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID jobId, Locale locale) {
    ImportJobs.Job job = imports.job(schoolId, jobId);
    byte[] body = imports.errorWorkbook(schoolId, jobId);
    String base = job.fileName().replaceAll("(?i)\\.xlsx$", "");
    return download(body, base + (Lang.of(job.lang()) == Lang.EN ? "-errors.xlsx" : "-错误行.xlsx"));
  }

  private static ResponseEntity<byte[]> download(byte[] body, String fileName) {
    return ResponseEntity.ok()
        .contentType(XLSX)
        .contentLength(body.length)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build()
            .toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(body);
  }
}
