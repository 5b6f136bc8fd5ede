package org.gongyu.school.imports;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongyu.chassis.excel.ImportDesk;
import org.gongyu.chassis.excel.ImportJobs;
import org.gongyu.chassis.excel.ImportRunner;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The school's imports: templates of every {@link ImportFamily}, uploads checked up front (nothing
 * is stored of a file that fails them) and then run as jobs of the unit {@code school:<id>}.
 */
@Service
class Imports {

  private final Map<String, ImportFamily> families;
  private final ImportDesk desk;
  private final SchoolRegistry registry;
  private final ImportFigures figures;

  Imports(List<ImportFamily> families, ImportJobs jobs, ImportRunner runner, SchoolRegistry registry, MessageSource messages,
      ImportFigures figures) {
    this.families = families.stream().sorted(Comparator.comparing(f -> f.spec().family()))
        .collect(Collectors.toMap(f -> f.spec().family(), f -> f, (a, b) -> a, LinkedHashMap::new));
    this.desk = new ImportDesk(jobs, runner, messages, "school");
    this.registry = registry;
    this.figures = figures;
  }

  static String unit(String schoolId) {
    return "school:" + schoolId;
  }

  ImportDesk desk() {
    return desk;
  }

  List<ImportFamily> families() {
    return List.copyOf(families.values());
  }

  ImportFamily family(String key) {
    ImportFamily f = families.get(key);
    if (f == null) {
      throw ApiProblem.notFound(Msg.msg("excel.family.unknown", key));
    }
    return f;
  }

  /** Checks the caller may import the family and the file, and queues its job; a refused file leaves nothing behind. */
  ImportJobs.Job upload(String schoolId, String familyKey, MultipartFile file, Locale locale) {
    registry.require(schoolId);
    ImportFamily family = family(familyKey);
    if (family.adminsOnly() && !isSchoolAdmin()) {
      throw ApiProblem.forbidden(Msg.msg("excel.family.admins-only", familyKey));
    }
    return desk.upload(unit(schoolId), family.spec(), file, locale, figures.applier(schoolId, family));
  }

  private static boolean isSchoolAdmin() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_SCHOOL_ADMIN".equals(a.getAuthority()));
  }

  ImportJobs.Job job(String schoolId, UUID jobId) {
    return desk.job(unit(schoolId), jobId);
  }
}
