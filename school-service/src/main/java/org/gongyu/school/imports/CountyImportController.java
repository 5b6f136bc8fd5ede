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
import org.gongyu.chassis.excel.ImportDesk.TemplateInfo;
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

/** Excel imports of school records for all of a county's schools in one sheet; the county's admins only. */
@Tag(name = "County Excel import · 区县 Excel 导入",
    description = "School records of all the county's schools in one sheet (classes and enrolment) · 各校班级及在籍人数等一次导入")
@RestController
@RequestMapping("/api/school/counties/{countyId}/imports")
class CountyImportController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";
  private static final String FAMILY = "[a-z0-9-]{1,40}";

  private final CountyImports imports;
  private final ImportDesk desk;

  CountyImportController(CountyImports imports) {
    this.imports = imports;
    this.desk = imports.desk();
  }

  @Operation(summary = "The county's templates of school records", description = "列出区县可为各校一次导入的记录类型及其模板（含“学校编号”列）。")
  @GetMapping("/templates")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  List<TemplateInfo> templates(@PathVariable @Pattern(regexp = ID) String countyId) {
    return imports.families().stream().map(f -> TemplateInfo.of(f.spec())).toList();
  }

  @Operation(summary = "Download a template", description = "下载导入模板（.xlsx）：中文表头（lang=en 为英文），示例行、说明页和模板版本。")
  @GetMapping("/templates/{family}.xlsx")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<byte[]> template(@PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = FAMILY) String family, @RequestParam(name = "lang", required = false) String lang) {
    return desk.template(imports.family(family).spec(), Lang.of(lang));
  }

  @Operation(summary = "Upload a filled template",
      description = "上传填好的模板（multipart 字段 file），作为导入任务在后台执行，返回 202 与任务。每行按该校对应 PUT 接口的规则写入该校；"
          + "不属于本区县的学校的行在“学校编号”处退回。同一文件重复上传不会重复记录。非 xlsx 415，超过大小或行数 413，加密、模板或版本不符 422，均不建任务。")
  @PostMapping(path = "/{family}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<JobResponse> upload(@PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = FAMILY) String family, @RequestPart(name = "file", required = false) MultipartFile file,
      Locale locale) {
    ImportJobs.Job job = imports.upload(countyId, family, file, locale);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/school/counties/" + countyId + "/imports/jobs/" + job.jobId()))
        .body(desk.response(job, locale));
  }

  @Operation(summary = "The county's latest import jobs of school records", description = "本区县最近 20 个各校记录导入任务，最新的在前。")
  @GetMapping("/jobs")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  List<JobResponse> jobs(@PathVariable @Pattern(regexp = ID) String countyId, Locale locale) {
    return desk.jobs(CountyImports.unit(countyId)).stream().map(j -> desk.response(j, locale)).toList();
  }

  @Operation(summary = "One import job", description = "导入任务的状态与进度（已处理行数/总行数，写入、退回、未变化的行数）。")
  @GetMapping("/jobs/{jobId}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  JobResponse job(@PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID jobId, Locale locale) {
    return desk.response(desk.job(CountyImports.unit(countyId), jobId), locale);
  }

  @Operation(summary = "Cancel an import job", description = "取消导入任务：排队中的立即取消，执行中的在当前批次结束后停止（已写入的行保留）；已结束时 409。")
  @PostMapping("/jobs/{jobId}/cancellation")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  JobResponse cancel(@PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID jobId, Locale locale) {
    return desk.response(desk.cancel(CountyImports.unit(countyId), jobId), locale);
  }

  @Operation(summary = "Download the error workbook", description = "下载错误工作簿：退回的行（原样）、“错误说明”列、标红的出错单元格及批注、汇总页；保留 7 天；没有时 404。")
  @GetMapping("/jobs/{jobId}/errors.xlsx")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<byte[]> errors(@PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID jobId) {
    return desk.errorWorkbook(CountyImports.unit(countyId), jobId);
  }
}
