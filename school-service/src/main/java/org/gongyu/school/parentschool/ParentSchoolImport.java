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

/**
 * The school's parent school from Excel: a row is the PUT of the school's one parent-school record
 * ({@link ParentSchoolRequest}), applied with {@link ParentSchools#put}; a second row in the same file
 * is a correction of the first and needs a reason, as a second PUT does.
 */
@Component
class ParentSchoolImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("parent-school", 1, "家长学校基本情况", "Parent school", List.of(
      Column.of("headName", "负责人", "Head", ColumnType.TEXT).mandatory().maxLength(100).example("张校长")
          .note("家长学校负责人；换了负责人时填写新负责人，并在“生效日期”填写交接日", "Who heads it; for a new head also give the day it took effect"),
      Column.of("establishedOn", "成立日期", "Established on", ColumnType.DATE).mandatory().example(LocalDate.of(2020, 9, 1))
          .note("不得晚于今天", "Not in the future"),
      Column.of("structure", "组织架构", "Structure", ColumnType.TEXT).mandatory().maxLength(4000).example("校长任校长，德育处负责日常工作")
          .note("不得含学生或家长的个人信息", "No personal data of students or parents"),
      Column.of("rules", "规章制度", "Rules", ColumnType.TEXT).mandatory().maxLength(4000).example("每学期至少两次集中授课")
          .note("不得含学生或家长的个人信息", "No personal data of students or parents"),
      Column.of("effectiveFrom", "负责人生效日期", "Head from", ColumnType.DATE)
          .note("更换负责人的生效日期；不填为今天；不得早于成立日期，不得晚于今天",
              "The day a change of head takes effect; blank = today; not before establishment, not in the future"),
      Column.of("reason", "更正原因", "Reason", ColumnType.TEXT).maxLength(500)
          .note("首次记录不填；更正已记录的内容或更换负责人时必填", "Blank the first time; required to correct it or change its head")));

  private final ParentSchools parentSchools;
  private final PerRecordImport rows;

  ParentSchoolImport(ParentSchools parentSchools, PerRecordImport rows) {
    this.parentSchools = parentSchools;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, ParentSchoolRequest.class, null, PerRecordImport.RecordId.ID, Map.of(), (none, request) ->
        parentSchools.put(schoolId, request).changed());
  }
}
