package org.gongyu.school.openschool;

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
 * Open-school events from Excel (seeds W11: 家长会, 开放日, 家长进课堂, 父母大讲堂 …): each row is one
 * {@code PUT …/open-school-events/{eventId}}, so the same id again corrects the event (with a reason)
 * and an identical row records nothing twice.
 */
@Component
class OpenSchoolEventImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("open-school-events", 1, "开放办学活动", "Open-school events", List.of(
      Column.of("eventId", "活动编号", "Event id", ColumnType.TEXT).mandatory().maxLength(40).example("OS-2026-001")
          .note("本校该活动的编号（字母、数字和 -，至多 40 个字符）；同一编号再次上传即更正该记录",
              "The school's id of the event (letters, digits and -, at most 40); the same id again corrects it"),
      Column.ofEnum("type", "活动类型", "Type", List.of(
              new EnumValue("PARENT_MEETING", "家长会", "Parent meeting"),
              new EnumValue("OPEN_DAY", "开放日", "Open day"),
              new EnumValue("RECEPTION_DAY", "家长接待日", "Reception day"),
              new EnumValue("PARENTS_INTO_CLASSROOM", "家长进课堂", "Parents into the classroom"),
              new EnumValue("PARENTS_LECTURE_HALL", "父母大讲堂", "Parents' lecture hall"),
              new EnumValue("MODEL_TALK", "榜样进校园", "Role models at school"),
              new EnumValue("ONLINE_THEME", "线上主题活动", "Online theme event")))
          .mandatory().example("PARENT_MEETING").note("家长进课堂须填写班级和家长职业", "Parents into the classroom needs a class and a profession"),
      Column.of("classId", "班级编号", "Class id", ColumnType.TEXT).maxLength(40).example("C301")
          .note("面向一个班级时填写，须属于活动日期所在学年；全校活动不填",
              "The class it was for, of the school year of its day; blank for a whole-school event"),
      Column.of("date", "日期", "Date", ColumnType.DATE).mandatory().example(LocalDate.of(2026, 10, 16))
          .note("活动当天的日期，不得晚于今天", "The day it was held, not in the future"),
      Column.ofEnum("mode", "形式", "Mode", List.of(
              new EnumValue("OFFLINE", "线下", "Offline"),
              new EnumValue("ONLINE", "线上", "Online")))
          .mandatory().example("OFFLINE").note("线上主题活动只能是线上", "An online theme event is online"),
      Column.of("theme", "主题", "Theme", ColumnType.TEXT).mandatory().maxLength(200).example("期中家长会：习惯养成")
          .note("活动内容，不填写学生或家长的姓名", "What it was about; no name of a student or parent"),
      Column.of("attendance", "参加人数", "Attendance", ColumnType.INTEGER).mandatory().example(38)
          .note("到场家长人数（班级课堂为学生人数），不少于 0", "Parents present (pupils, for a class session), not negative"),
      Column.of("profession", "家长职业", "Profession", ColumnType.TEXT).maxLength(100)
          .note("仅家长进课堂：授课家长的职业", "Parents into the classroom only: the teaching parent's profession"),
      Column.of("parentRef", "家长编号", "Parent ref", ColumnType.TEXT).maxLength(100)
          .note("仅家长进课堂，可不填：学校的家长编号，仅以加密摘要保存，不保存原值",
              "Parents into the classroom only, optional: the school's parent reference, stored only as a keyed hash"),
      Column.of("reason", "更正原因", "Reason", ColumnType.TEXT).maxLength(500)
          .note("新记录不填；更正已记录的活动时必填", "Blank for a new record; required to correct a recorded one")));

  private final OpenSchoolEvents events;
  private final PerRecordImport rows;

  OpenSchoolEventImport(OpenSchoolEvents events, PerRecordImport rows) {
    this.events = events;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, OpenSchoolEventRequest.class, "eventId", PerRecordImport.RecordId.ID, Map.of(), (eventId, request) ->
        events.put(schoolId, eventId, request).changed());
  }
}
