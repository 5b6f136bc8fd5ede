package org.gongyu.school.specialcare;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.Column;
import org.gongyu.chassis.excel.ColumnType;
import org.gongyu.chassis.excel.EnumValue;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.excel.TemplateSpec;
import org.gongyu.school.imports.ImportFamily;
import org.gongyu.school.imports.PerRecordImport;
import org.springframework.stereotype.Component;

/**
 * The special-student register from Excel: each row is the PUT of one entry (its entry id a column,
 * the rest a {@link SpecialStudentRequest}), applied with {@link SpecialStudents#put} as the PUT
 * endpoint does: a new entry is recorded, the same content again is unchanged, other content is a
 * correction and needs the reason column.
 */
@Component
class SpecialStudentImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("special-students", 1, "特殊学生关爱登记", "Special-care register", List.of(
      Column.of("entryId", "登记编号", "Entry id", ColumnType.TEXT).mandatory().maxLength(40).example("SS-2026-001")
          .note("本校为该登记确定的编号（字母、数字和 . _ : -，至多 40 个字符）；同一编号再次上传：内容相同不做更改，内容不同即为更正",
              "The school's id of the entry (letters, digits, . _ : -, at most 40); the same id again: unchanged if identical, else a correction"),
      Column.of("classId", "班级编号", "Class id", ColumnType.TEXT).mandatory().maxLength(40).example("C301")
          .note("学生所在班级，须属于登记日期所在学年", "The student's class, of the school year the registration day falls in"),
      Column.of("studentRef", "学生编号", "Student ref", ColumnType.TEXT).mandatory().maxLength(100).example("STU-0001")
          .note("学校的学生编号，仅以加密摘要保存，不保存原值", "The school's student reference; stored only as a keyed hash"),
      Column.ofEnum("category", "类别", "Category", List.of(
              new EnumValue("LEFT_BEHIND", "留守儿童", "Left-behind"),
              new EnumValue("SPECIAL_NEEDS", "特殊需要", "Special needs"),
              new EnumValue("HARDSHIP", "困难家庭", "Hardship"),
              new EnumValue("OTHER", "其他", "Other")))
          .mandatory().example("LEFT_BEHIND").note("学生列入关爱登记的原因", "Why the student is on the register"),
      Column.of("registeredOn", "登记日期", "Registered on", ColumnType.DATE).mandatory().example(LocalDate.of(2026, 9, 10))
          .note("列入登记的日期，不得晚于今天", "The day the student was put on the register, not in the future"),
      Column.of("careFileOn", "建立关爱档案日期", "Care file on", ColumnType.DATE).example(LocalDate.of(2026, 9, 20))
          .note("建立关爱档案的日期（如已建立），不得早于登记日期", "The day the care file was set up, if it was; not before the registration"),
      Column.of("assistancePlanOn", "制定帮扶计划日期", "Assistance plan on", ColumnType.DATE)
          .note("制定帮扶计划的日期（如已制定），不得早于登记日期", "The day the assistance plan was made, if it was; not before the registration"),
      Column.of("closedOn", "结束日期", "Closed on", ColumnType.DATE)
          .note("结束关爱的日期（如已结束），不得早于登记日期", "The day the entry was closed, if it was; not before the registration"),
      Column.of("notes", "情况说明", "Notes", ColumnType.TEXT).maxLength(4000).example("父母在外务工，由祖父母照看")
          .note("学生情况，加密保存，不会显示或导出", "The situation in the school's words; stored encrypted, never shown or exported"),
      Column.of("reason", "更正原因", "Reason", ColumnType.TEXT).maxLength(500)
          .note("更正已登记的记录时必须填写（1 至 500 个字符）；新登记可不填", "Required to correct a recorded entry (1 to 500 characters); optional for a new one")));

  private final SpecialStudents register;
  private final PerRecordImport rows;

  SpecialStudentImport(SpecialStudents register, PerRecordImport rows) {
    this.register = register;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, SpecialStudentRequest.class, "entryId", PerRecordImport.RecordId.EXTERNAL_ID, Map.of(),
        (entryId, request) -> register.put(schoolId, entryId, request).changed());
  }
}
