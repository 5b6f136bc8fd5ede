package org.gongyu.school.classes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.Column;
import org.gongyu.chassis.excel.ColumnType;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.excel.TemplateSpec;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.imports.CountyImportFamily;
import org.gongyu.school.imports.PerRecordImport;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.stereotype.Component;

/**
 * Classes and enrolment of all the county's schools in one sheet: the school's template
 * ({@link ClassImport}) with a school column in front. Each row is the PUT of one class at its
 * school, applied with {@link SchoolClasses#save} as the school's own import does; a row naming a
 * school that is not (now) one of the county's is refused at the school cell and touches nothing.
 */
@Component
class CountyClassImport implements CountyImportFamily {

  static final String FAMILY = "classes";

  static final TemplateSpec SPEC = new TemplateSpec(FAMILY, 1, "各校班级及在籍人数", "Classes and enrolment of the county's schools",
      Stream.concat(Stream.of(Column.of("schoolId", "学校编号", "School id", ColumnType.TEXT).mandatory().maxLength(40)
                  .example("3301010001")
                  .note("本区县学校的编号（见学校名册）；每行写入该校", "The id of one of the county's schools (see the registry); the row goes to that school")),
              ClassImport.SPEC.columns().stream())
          .toList());

  private final SchoolClasses classes;
  private final PerRecordImport rows;
  private final SchoolRegistry registry;

  CountyClassImport(SchoolClasses classes, PerRecordImport rows, SchoolRegistry registry) {
    this.classes = classes;
    this.rows = rows;
    this.registry = registry;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String countyId, List<ImportRow> chunk) {
    Map<String, List<ImportRow>> bySchool = new LinkedHashMap<>();
    List<ImportRow> refused = new ArrayList<>();
    for (ImportRow row : chunk) {
      String schoolId = String.valueOf(row.values().get("schoolId"));
      boolean ours = registry.find(schoolId).map(s -> countyId.equals(s.countyId())).orElse(false);
      if (ours) {
        bySchool.computeIfAbsent(schoolId, k -> new ArrayList<>()).add(row);
      } else {
        refused.add(row.refused(Map.of("schoolId", Msg.msg("school.import.not-of-county", schoolId, countyId)), List.of()));
      }
    }
    int applied = 0;
    int unchanged = 0;
    for (var school : bySchool.entrySet()) {
      ChunkApplier.Result r = rows.apply(school.getValue(), ClassRequest.class, "classId", PerRecordImport.RecordId.ID,
          Map.of("school.class.other-year", "schoolYear"), Set.of("schoolId"),
          (classId, request) -> classes.save(school.getKey(), classId, request).changed());
      applied += r.applied();
      unchanged += r.unchanged();
      refused.addAll(r.refused());
    }
    refused.sort(java.util.Comparator.comparingInt(ImportRow::rowNumber));
    return new ChunkApplier.Result(applied, unchanged, refused);
  }
}
