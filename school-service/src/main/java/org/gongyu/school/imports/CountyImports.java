package org.gongyu.school.imports;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongyu.chassis.excel.ImportDesk;
import org.gongyu.chassis.excel.ImportJobs;
import org.gongyu.chassis.excel.ImportRunner;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The county's imports of school records ({@link CountyImportFamily}): jobs of the unit
 * {@code county:<id>} in school-service's own job tables, figures of every school a sheet changed
 * refreshed as for a school's own import.
 */
@Service
class CountyImports {

  private final Map<String, CountyImportFamily> families;
  private final ImportDesk desk;
  private final ImportFigures figures;

  CountyImports(List<CountyImportFamily> families, ImportJobs jobs, ImportRunner runner, MessageSource messages,
      ImportFigures figures) {
    this.families = families.stream().sorted(Comparator.comparing(f -> f.spec().family()))
        .collect(Collectors.toMap(f -> f.spec().family(), f -> f, (a, b) -> a, LinkedHashMap::new));
    this.desk = new ImportDesk(jobs, runner, messages, "school-county");
    this.figures = figures;
  }

  static String unit(String countyId) {
    return "county:" + countyId;
  }

  ImportDesk desk() {
    return desk;
  }

  List<CountyImportFamily> families() {
    return List.copyOf(families.values());
  }

  CountyImportFamily family(String key) {
    CountyImportFamily f = families.get(key);
    if (f == null) {
      throw ApiProblem.notFound(Msg.msg("excel.family.unknown", key));
    }
    return f;
  }

  ImportJobs.Job upload(String countyId, String familyKey, MultipartFile file, Locale locale) {
    CountyImportFamily family = family(familyKey);
    return desk.upload(unit(countyId), family.spec(), file, locale, figures.deferred(rows -> family.apply(countyId, rows)));
  }
}
