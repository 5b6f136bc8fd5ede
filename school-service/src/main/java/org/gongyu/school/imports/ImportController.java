package org.gongyu.school.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gongyu.chassis.excel.ImportDesk;
import org.gongyu.chassis.excel.ImportDesk.JobResponse;
import org.gongyu.chassis.excel.ImportJobs;
import org.gongyu.chassis.excel.Lang;
import org.gongyu.chassis.security.Rules;
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

  private final Imports imports;
  private final ImportDesk desk;

  ImportController(Imports imports) {
    this.imports = imports;
    this.desk = imports.desk();
  }

  /** A template, and whether only the school's administrators may upload it. */
  record TemplateInfo(String family, String titleZh, String titleEn, int templateVersion, List<ImportDesk.ColumnInfo> columns,
      boolean adminsOnly) {
    static TemplateInfo of(ImportFamily f) {
      ImportDesk.TemplateInfo t = ImportDesk.TemplateInfo.of(f.spec());
      return new TemplateInfo(t.family(), t.titleZh(), t.titleEn(), t.templateVersion(), t.columns(), f.adminsOnly());
    }
  }

  @Operation(summary = "The import templates", description = "列出可导入的记录类型及其模板（列、类型、是否必填、模板版本，是否仅限学校管理员上传）。")
  @GetMapping("/templates")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<TemplateInfo> templates(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return imports.families().stream().map(TemplateInfo::of).toList();
  }

  @Operation(summary = "Download a template", description = "下载导入模板（.xlsx）：中文表头（lang=en 为英文），下拉选项、日期格式、示例行、说明页和模板版本。")
  @GetMapping("/templates/{family}.xlsx")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<byte[]> template(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = FAMILY) String family, @RequestParam(name = "lang", required = false) String lang) {
    return desk.template(imports.family(family).spec(), Lang.of(lang));
  }

  @Operation(summary = "Upload a filled template", description = "上传填好的模板（multipart 字段 file），作为导入任务在后台执行，返回 202 与任务。"
      + "有效行写入，有错误的行在错误工作簿中退回；同一文件重复上传不会重复记录。非 xlsx 415，超过大小或行数 413，加密、模板或版本不符 422，"
      + "仅限管理员的模板由其他用户上传 403，均不建任务。")
  @PostMapping(path = "/{family}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<JobResponse> upload(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = FAMILY) String family, @RequestPart(name = "file", required = false) MultipartFile file,
      Locale locale) {
    ImportJobs.Job job = imports.upload(schoolId, family, file, locale);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/school/schools/" + schoolId + "/imports/jobs/" + job.jobId()))
        .body(desk.response(job, locale));
  }

  @Operation(summary = "The school's latest import jobs", description = "本校最近 20 个导入任务，最新的在前。")
  @GetMapping("/jobs")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<JobResponse> jobs(@PathVariable @Pattern(regexp = ID) String schoolId, Locale locale) {
    return desk.jobs(Imports.unit(schoolId)).stream().map(j -> desk.response(j, locale)).toList();
  }

  @Operation(summary = "One import job", description = "导入任务的状态与进度（已处理行数/总行数，写入、退回、未变化的行数）。")
  @GetMapping("/jobs/{jobId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  JobResponse job(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID jobId, Locale locale) {
    return desk.response(imports.job(schoolId, jobId), locale);
  }

  @Operation(summary = "Cancel an import job", description = "取消导入任务：排队中的立即取消，执行中的在当前批次结束后停止（已完成批次的行保留）；已结束时 409。")
  @PostMapping("/jobs/{jobId}/cancellation")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  JobResponse cancel(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID jobId, Locale locale) {
    return desk.response(desk.cancel(Imports.unit(schoolId), jobId), locale);
  }

  @Operation(summary = "Download the error workbook", description = "下载错误工作簿：退回的行（原样）、“错误说明”列、标红的出错单元格及批注、汇总页；保留 7 天；没有时 404。")
  @GetMapping("/jobs/{jobId}/errors.xlsx")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<byte[]> errors(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID jobId) {
    return desk.errorWorkbook(Imports.unit(schoolId), jobId);
  }
}
