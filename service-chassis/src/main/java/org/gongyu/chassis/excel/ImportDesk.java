package org.gongyu.chassis.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.chassis.web.Texts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/**
 * What every service's import endpoints do the same way, whatever their unit (a school, a county):
 * templates as downloads, uploads checked up front (a file that fails the checks leaves nothing
 * behind: no job, no stored file), jobs of a unit listed, read and cancelled, error workbooks
 * downloaded, and the JSON the endpoints answer. A service keeps its own controller (its path, its
 * roles) and its families, and hands each upload's {@link ChunkApplier} to {@link #upload}.
 */
public final class ImportDesk {

  /** The newest jobs a unit sees. */
  public static final int LISTED = 20;

  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ImportJobs jobs;
  private final ImportRunner runner;
  private final MessageSource messages;
  private final Path uploads;

  /**
   * @param name a word for the private temporary directory uploads wait in while their job runs
   */
  public ImportDesk(ImportJobs jobs, ImportRunner runner, MessageSource messages, String name) {
    this.jobs = jobs;
    this.runner = runner;
    this.messages = messages;
    try {
      // only this process's user may read the uploads
      this.uploads = Files.createTempDirectory("gongyu-" + name + "-imports-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      this.uploads.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A template's column as the endpoints list it. */
  public record ColumnInfo(String key, String headerZh, String headerEn, String type, boolean required) {}

  /** A template as the endpoints list it. */
  public record TemplateInfo(String family, String titleZh, String titleEn, int templateVersion, List<ColumnInfo> columns) {
    public static TemplateInfo of(TemplateSpec s) {
      return new TemplateInfo(s.family(), s.titleZh(), s.titleEn(), s.version(), s.columns().stream()
          .map(c -> new ColumnInfo(c.key(), c.headerZh(), c.headerEn(), c.type().name(), c.required())).toList());
    }
  }

  /** Why a job failed, in the reader's language. */
  public record ProblemInfo(String title, String detail) {}

  /** A job as the endpoints answer it. */
  public record JobResponse(UUID jobId, String family, String fileName, String status, int rowsTotal, int rowsDone, int read,
      int applied, int refused, int unchanged, boolean hasErrorWorkbook, ProblemInfo problem, Instant createdAt,
      Instant finishedAt, Instant expiresAt) {}

  public JobResponse response(ImportJobs.Job j, Locale locale) {
    ProblemInfo problem = j.problem() == null ? null : new ProblemInfo(Texts.resolve(j.problem().title(), messages, locale),
        Texts.resolve(j.problem().detail(), messages, locale));
    return new JobResponse(j.jobId(), j.family(), j.fileName(), j.status().name(), j.rowsTotal(), j.rowsDone(), j.read(),
        j.applied(), j.refused(), j.unchanged(), j.hasErrorWorkbook(), problem, j.createdAt(), j.finishedAt(), j.expiresAt());
  }

  /** The template as a download named after its title and version in the template's language. */
  public ResponseEntity<byte[]> template(TemplateSpec spec, Lang lang) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TemplateWriter.write(spec, lang, runner.properties().limits(), out);
    String name = (lang == Lang.EN ? spec.titleEn() + " import template v" : spec.titleZh() + "导入模板-v") + spec.version() + ".xlsx";
    return download(out.toByteArray(), name);
  }

  /**
   * Checks the file against {@code spec} and queues its job for {@code unit}; a file that fails the
   * checks leaves nothing behind. The applier runs on the runner's thread in the uploader's
   * language, so Bean Validation words a refused cell as the API's 400 would for them.
   */
  public ImportJobs.Job upload(String unit, TemplateSpec spec, MultipartFile file, Locale locale, ChunkApplier applier) {
    if (file == null || file.isEmpty()) {
      throw ApiProblem.badRequest(Msg.msg("excel.file.missing"));
    }
    long max = runner.properties().maxBytes();
    if (file.getSize() > max) {
      throw ApiProblem.payloadTooLarge(Msg.msg("excel.file.too-large", file.getSize(), max));
    }
    Path stored = null;
    try {
      stored = Files.createTempFile(uploads, "upload-", ".xlsx");
      file.transferTo(stored);
      ExcelReader.Inspection inspection = ExcelReader.inspect(stored, spec, runner.properties().limits());
      if (inspection.rows() == 0) {
        throw ApiProblem.unprocessable(Msg.msg("excel.file.no-rows"), List.of());
      }
      Lang lang = Lang.of(locale);
      ImportJobs.Job job = jobs.create(unit, spec.family(), fileName(file.getOriginalFilename()), lang, inspection.rows());
      Function<Object, String> texts = m -> Texts.resolve(m, messages, lang.locale());
      runner.submit(job, stored, spec, inLanguage(lang, applier), texts);
      stored = null; // the runner deletes it
      return jobs.find(unit, job.jobId()).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (stored != null) {
        try {
          Files.deleteIfExists(stored);
        } catch (IOException ignored) {
          // a leftover in a private temporary directory, removed at exit
        }
      }
    }
  }

  private static ChunkApplier inLanguage(Lang lang, ChunkApplier applier) {
    return new ChunkApplier() {
      @Override
      public Result apply(List<ImportRow> rows) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(lang.locale());
        try {
          return applier.apply(rows);
        } finally {
          LocaleContextHolder.setLocale(before);
        }
      }

      @Override
      public void finish() {
        applier.finish();
      }
    };
  }

  /** The unit's newest jobs, newest first. */
  public List<ImportJobs.Job> jobs(String unit) {
    return jobs.latest(unit, LISTED);
  }

  public ImportJobs.Job job(String unit, UUID jobId) {
    return jobs.find(unit, jobId).orElseThrow(() -> ApiProblem.notFound(Msg.msg("excel.job.unknown", jobId)));
  }

  public ImportJobs.Job cancel(String unit, UUID jobId) {
    return jobs.cancel(unit, jobId);
  }

  /** The job's error workbook as a download named after the uploaded file; 404 when there is none. */
  public ResponseEntity<byte[]> errorWorkbook(String unit, UUID jobId) {
    ImportJobs.Job job = job(unit, jobId);
    byte[] body = jobs.errorWorkbook(unit, jobId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("excel.job.no-error-workbook", jobId)));
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

  /** The file's name as its uploader sees it again: no path, no control characters, at most 200 characters. */
  public static String fileName(String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      name = "upload.xlsx";
    }
    return name.length() > 200 ? name.substring(0, 200) : name;
  }
}
