package org.gongyu.district.imports;

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
import org.gongyu.district.county.CountyDirectory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The county's imports: templates of every {@link ImportFamily}, uploads checked up front (nothing
 * is stored of a file that fails them) and then run as jobs of the unit {@code county:<id>}.
 */
@Service
class Imports {

  private final Map<String, ImportFamily> families;
  private final ImportDesk desk;
  private final CountyDirectory counties;

  Imports(List<ImportFamily> families, ImportJobs jobs, ImportRunner runner, CountyDirectory counties, MessageSource messages) {
    // in the order a county imports them: 学区 before the schools that name them
    this.families = families.stream().sorted(Comparator.comparingInt(ImportFamily::order))
        .collect(Collectors.toMap(f -> f.spec().family(), f -> f, (a, b) -> a, LinkedHashMap::new));
    this.desk = new ImportDesk(jobs, runner, messages, "district");
    this.counties = counties;
  }

  static String unit(String countyId) {
    return "county:" + countyId;
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

  /** Checks the file and queues its job; a file that fails the checks leaves nothing behind. */
  ImportJobs.Job upload(String countyId, String familyKey, MultipartFile file, Locale locale) {
    requireCounty(countyId);
    ImportFamily family = family(familyKey);
    return desk.upload(unit(countyId), family.spec(), file, locale, rows -> family.apply(countyId, rows));
  }

  List<ImportJobs.Job> jobs(String countyId) {
    requireCounty(countyId);
    return desk.jobs(unit(countyId));
  }

  private void requireCounty(String countyId) {
    if (!counties.exists(countyId)) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
  }
}
