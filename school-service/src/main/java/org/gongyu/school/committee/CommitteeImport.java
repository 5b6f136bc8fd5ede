package org.gongyu.school.committee;

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

/** Parent committees from Excel: each row is the PUT of one committee ({@link CommitteeRequest}), applied with {@link ParentCommittees#save}. */
@Component
class CommitteeImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("committees", 1, "家长委员会", "Parent committees", List.of(
      Column.of("committeeId", "委员会编号", "Committee id", ColumnType.TEXT).mandatory().maxLength(40).example("PC-SCHOOL")
          .note("本校该委员会的编号（字母、数字和 -，至多 40 个字符）；同一编号再次上传即更正该记录",
              "The school's id of the committee (letters, digits and -, at most 40); the same id again corrects it"),
      Column.ofEnum("level", "级别", "Level", List.of(
              new EnumValue("SCHOOL", "校级", "School"),
              new EnumValue("GRADE", "年级", "Grade"),
              new EnumValue("CLASS", "班级", "Class")))
          .mandatory().example("SCHOOL").note("班级家委会须填写班级编号，其他级别不填", "A class committee needs its class; other levels have none"),
      Column.of("classId", "班级编号", "Class id", ColumnType.TEXT).maxLength(40)
          .note("班级家委会的班级，须属于成立日期所在学年", "The class of a class committee, of the school year it was founded in"),
      Column.of("foundedOn", "成立日期", "Founded on", ColumnType.DATE).mandatory().example(LocalDate.of(2026, 9, 15))
          .note("成立（选举产生）的日期，不得晚于今天", "The day it was founded (elected), not in the future"),
      Column.of("termEndsOn", "任期届满日期", "Term ends on", ColumnType.DATE)
          .note("任期结束后的第一天，须晚于成立日期；不填为成立日期后 3 年",
              "The first day no longer in term, after the founding day; blank = three years after it"),
      Column.of("venue", "活动场所", "Venue", ColumnType.TEXT).maxLength(200).example("家长驿站"),
      Column.of("plaque", "挂牌", "Plaque", ColumnType.BOOLEAN).mandatory().example(true)
          .note("是否挂牌（是/否）", "Whether its plaque is displayed (yes/no)"),
      Column.of("rulesAdopted", "已定章程", "Rules adopted", ColumnType.BOOLEAN).mandatory().example(true)
          .note("是否制定了章程（是/否）", "Whether it adopted its rules (yes/no)"),
      Column.of("dissolvedOn", "解散日期", "Dissolved on", ColumnType.DATE)
          .note("已解散时填写；不得早于成立日期，不得晚于今天", "If it was dissolved; not before founding, not in the future"),
      Column.of("reason", "更正原因", "Reason", ColumnType.TEXT).maxLength(500)
          .note("新记录不填；更正已记录的委员会时必填", "Blank for a new record; required to correct a recorded one"),
      Column.of("grade", "年级", "Grade", ColumnType.INTEGER)
          .note("年级家委会的年级（1–12），其他级别不填", "The grade (1-12) of a grade committee; blank for other levels")));

  private final ParentCommittees committees;
  private final PerRecordImport rows;

  CommitteeImport(ParentCommittees committees, PerRecordImport rows) {
    this.committees = committees;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, CommitteeRequest.class, "committeeId", PerRecordImport.RecordId.ID, Map.of(), (committeeId, request) ->
        committees.save(schoolId, committeeId, request).changed());
  }
}
