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

/** Head-teacher trainings from Excel: each row is the PUT of one training ({@link HeadTrainingRequest}), applied with {@link HeadTrainings#put}. */
@Component
class HeadTrainingImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("head-trainings", 1, "班主任家庭教育培训", "Head-teacher trainings", List.of(
      Column.of("trainingId", "培训记录编号", "Training id", ColumnType.TEXT).mandatory().maxLength(40).example("HT-2026-01")
          .note("本校该条培训记录的编号（字母、数字和 -，至多 40 个字符）；同一编号再次上传即更正该记录",
              "The school's id of the record (letters, digits and -, at most 40); the same id again corrects it"),
      Column.of("personName", "参训人", "Person", ColumnType.TEXT).mandatory().maxLength(100).example("李老师")
          .note("参加培训的教职工", "The member of staff trained"),
      Column.of("course", "培训课程", "Course", ColumnType.TEXT).mandatory().maxLength(200).example("家庭教育指导专题培训")
          .note("课程或培训项目名称", "The course"),
      Column.of("completedOn", "完成日期", "Completed on", ColumnType.DATE).mandatory().example(LocalDate.of(2026, 9, 20))
          .note("完成培训的日期，不得晚于今天", "The day it was completed, not in the future"),
      Column.of("reason", "更正原因", "Reason", ColumnType.TEXT).maxLength(500)
          .note("新记录不填；更正已记录的培训时必填", "Blank for a new record; required to correct a recorded one")));

  private final HeadTrainings trainings;
  private final PerRecordImport rows;

  HeadTrainingImport(HeadTrainings trainings, PerRecordImport rows) {
    this.trainings = trainings;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, HeadTrainingRequest.class, "trainingId", PerRecordImport.RecordId.ID, Map.of(), (trainingId, request) ->
        trainings.put(schoolId, trainingId, request).changed());
  }
}
