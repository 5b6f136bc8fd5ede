package org.gongyu.school.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongyu.chassis.excel.ExcelReader;
import org.gongyu.chassis.excel.ImportJobs;
import org.gongyu.chassis.excel.ImportRunner;
import org.gongyu.chassis.excel.Lang;
import org.gongyu.chassis.excel.TemplateSpec;
import org.gongyu.chassis.excel.TemplateWriter;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.chassis.web.Texts;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The school's imports: templates of every {@link ImportFamily}, uploads checked up front (nothing
 * is stored of a file that fails them) and then run as jobs of the unit {@code school:<id>}.
 */
@Service
class Imports {

  /** The newest jobs a school sees. */
  static final int LISTED = 20;

  private final Map<String, ImportFamily> families;
  private final ImportJobs jobs;
  private final ImportRunner runner;
  private final SchoolRegistry registry;
  private final MessageSource messages;
  private final ImportFigures figures;
  private final Path uploads;

  Imports(List<ImportFamily> families, ImportJobs jobs, ImportRunner runner, SchoolRegistry registry, MessageSource messages,
      ImportFigures figures) {
    this.figures = figures;
    this.families = families.stream().sorted(Comparator.comparing(f -> f.spec().family()))
        .collect(Collectors.toMap(f -> f.spec().family(), f -> f, (a, b) -> a, java.util.LinkedHashMap::new));
    this.jobs = jobs;
    this.runner = runner;
    this.registry = registry;
    this.messages = messages;
    try {
      // the uploads wait here while their job runs; only this process's user may read them
      this.uploads = Files.createTempDirectory("gongyu-imports-", PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
      this.uploads.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String unit(String schoolId) {
    return "school:" + schoolId;
  }

  List<TemplateSpec> templates() {
    return families.values().stream().map(ImportFamily::spec).toList();
  }

  ImportFamily family(String key) {
    ImportFamily f = families.get(key);
    if (f == null) {
      throw ApiProblem.notFound(Msg.msg("excel.family.unknown", key));
    }
    return f;
  }

  byte[] template(String family, Lang lang) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TemplateWriter.write(family(family).spec(), lang, runner.properties().limits(), out);
    return out.toByteArray();
  }

  /** Checks the file and queues its job; a file that fails the checks leaves nothing behind. */
  ImportJobs.Job upload(String schoolId, String familyKey, MultipartFile file, Locale locale) {
    registry.require(schoolId);
    ImportFamily family = family(familyKey);
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
      ExcelReader.Inspection inspection = ExcelReader.inspect(stored, family.spec(), runner.properties().limits());
      if (inspection.rows() == 0) {
        throw ApiProblem.unprocessable(Msg.msg("excel.file.no-rows"), List.of());
      }
      Lang lang = Lang.of(locale);
      ImportJobs.Job job = jobs.create(unit(schoolId), familyKey, fileName(file.getOriginalFilename()), lang, inspection.rows());
      Function<Object, String> texts = m -> Texts.resolve(m, messages, lang.locale());
      runner.submit(job, stored, family.spec(), figures.applier(schoolId, family), texts);
      stored = null; // the runner deletes it
      return jobs.find(unit(schoolId), job.jobId()).orElseThrow();
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

  List<ImportJobs.Job> jobs(String schoolId) {
    return jobs.latest(unit(schoolId), LISTED);
  }

  ImportJobs.Job job(String schoolId, UUID jobId) {
    return jobs.find(unit(schoolId), jobId).orElseThrow(() -> ApiProblem.notFound(Msg.msg("excel.job.unknown", jobId)));
  }

  ImportJobs.Job cancel(String schoolId, UUID jobId) {
    return jobs.cancel(unit(schoolId), jobId);
  }

  byte[] errorWorkbook(String schoolId, UUID jobId) {
    job(schoolId, jobId);
    return jobs.errorWorkbook(unit(schoolId), jobId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.import.no-error-workbook", jobId)));
  }

  /** The file's name as the school sees it again: no path, no control characters, at most 200 characters. */
  static String fileName(String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      name = "upload.xlsx";
    }
    return name.length() > 200 ? name.substring(0, 200) : name;
  }
}
