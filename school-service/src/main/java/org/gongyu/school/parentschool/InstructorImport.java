package org.gongyu.school.parentschool;

import java.time.LocalDate;
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

/** Parent-school instructors from Excel: each row is the PUT of one instructor ({@link InstructorRequest}), applied with {@link Instructors#put}. */
@Component
class InstructorImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("instructors", 1, "家庭教育指导讲师", "Parent-school instructors", List.of(
      Column.of("instructorId", "讲师编号", "Instructor id", ColumnType.TEXT).mandatory().maxLength(40).example("IN-01")
          .note("本校该讲师的编号（字母、数字和 -，至多 40 个字符）；同一编号再次上传即更正该记录",
              "The school's id of the instructor (letters, digits and -, at most 40); the same id again corrects it"),
      Column.of("name", "姓名", "Name", ColumnType.TEXT).mandatory().maxLength(100).example("赵老师"),
      Column.of("certificateNo", "证书编号", "Certificate no.", ColumnType.TEXT).mandatory().maxLength(60).example("JJZD-2026-0001")
          .note("家庭教育指导师证书编号", "The number of the instructor's certificate"),
      Column.of("certifiedOn", "取得证书日期", "Certified on", ColumnType.DATE).mandatory().example(LocalDate.of(2025, 6, 1))
          .note("不得晚于今天", "Not in the future"),
      Column.of("leftOn", "离校日期", "Left on", ColumnType.DATE)
          .note("讲师离开本校的日期；仍在校不填；不得早于取得证书日期，不得晚于今天",
              "When they left the school; blank while they teach here; not before certification, not in the future"),
      Column.of("reason", "更正原因", "Reason", ColumnType.TEXT).maxLength(500)
          .note("新记录不填；更正已记录的讲师时必填", "Blank for a new record; required to correct a recorded one")));

  private final Instructors instructors;
  private final PerRecordImport rows;

  InstructorImport(Instructors instructors, PerRecordImport rows) {
    this.instructors = instructors;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, InstructorRequest.class, "instructorId", PerRecordImport.RecordId.ID, Map.of(), (instructorId, request) ->
        instructors.put(schoolId, instructorId, request).changed());
  }
}
