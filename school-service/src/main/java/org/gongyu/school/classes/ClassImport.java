package org.gongyu.school.classes;

import java.util.List;
import java.util.Map;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.Column;
import org.gongyu.chassis.excel.ColumnType;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.excel.TemplateSpec;
import org.gongyu.school.imports.ImportFamily;
import org.gongyu.school.imports.PerRecordImport;
import org.springframework.stereotype.Component;

/**
 * Classes and enrolment from Excel: each row is the PUT of one class ({@link ClassRequest} under its
 * class id), applied with {@link SchoolClasses#save} as the PUT does. Like the PUT, only the
 * school's administrators may upload it ({@link #adminsOnly()}).
 */
@Component
class ClassImport implements ImportFamily {

  static final String FAMILY = "classes";

  static final TemplateSpec SPEC = new TemplateSpec(FAMILY, 1, "班级及在籍人数", "Classes and enrolment", List.of(
      Column.of("classId", "班级编号", "Class id", ColumnType.TEXT).mandatory().maxLength(40).example("C301")
          .note("本校的班级编号（字母、数字和 -，至多 40 个字符）；同一编号再次上传即更正该班级",
              "The school's id of the class (letters, digits and -, at most 40); the same id again corrects the class"),
      Column.of("schoolYear", "学年", "School year", ColumnType.TEXT).mandatory().maxLength(9).example("2026-2027")
          .note("班级所属学年，如 2026-2027；已记录的班级不能改到别的学年", "The class's school year, e.g. 2026-2027; a recorded class keeps its year"),
      Column.of("grade", "年级", "Grade", ColumnType.INTEGER).mandatory().example(3L)
          .note("1 至 12（一年级为 1，高三为 12）", "1 to 12"),
      Column.of("name", "班级名称", "Name", ColumnType.TEXT).mandatory().maxLength(100).example("三年级1班")
          .note("如 三年级1班", "e.g. 三年级1班"),
      Column.of("enrolment", "在籍人数", "Enrolment", ColumnType.INTEGER).mandatory().example(40L)
          .note("0 至 5000；不得少于已有记录涉及的该班学生数", "0 to 5000; not below the students of the class the school's records already name"),
      Column.of("reason", "更正原因", "Reason", ColumnType.TEXT).maxLength(500)
          .note("新班级不填；更正已记录的班级时必填", "Blank for a new class; required to correct a recorded class")));

  private final SchoolClasses classes;
  private final PerRecordImport rows;

  ClassImport(SchoolClasses classes, PerRecordImport rows) {
    this.classes = classes;
    this.rows = rows;
  }

  @Override
  public boolean adminsOnly() {
    return true;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, ClassRequest.class, "classId", PerRecordImport.RecordId.ID, Map.of("school.class.other-year", "schoolYear"),
        (classId, request) -> classes.save(schoolId, classId, request).changed());
  }
}
