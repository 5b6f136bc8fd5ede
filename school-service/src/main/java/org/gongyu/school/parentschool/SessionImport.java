package org.gongyu.school.parentschool;

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

/** Parent-school sessions from Excel: each row is the PUT of one session ({@link SessionRequest}), applied with {@link Sessions#put}. */
@Component
class SessionImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("parent-school-sessions", 1, "家长学校授课活动", "Parent-school sessions", List.of(
      Column.of("sessionId", "活动编号", "Session id", ColumnType.TEXT).mandatory().maxLength(40).example("PS-2026-01")
          .note("本校该次活动的编号（字母、数字和 -，至多 40 个字符）；同一编号再次上传即更正该活动",
              "The school's id of the session (letters, digits and -, at most 40); the same id again corrects it"),
      Column.ofEnum("type", "活动类型", "Type", List.of(
              new EnumValue("COLLECTIVE", "全校集中", "Whole school"),
              new EnumValue("CLASS", "班级", "Class")))
          .mandatory().example("COLLECTIVE").note("全校集中活动不填班级；班级活动须填班级", "A whole-school session has no class; a class session needs one"),
      Column.of("classId", "班级编号", "Class id", ColumnType.TEXT).maxLength(40)
          .note("班级活动的班级，须属于活动日期所在学年", "The class of a class session, of the school year its date falls in"),
      Column.of("date", "活动日期", "Date", ColumnType.DATE).mandatory().example(LocalDate.of(2026, 10, 16))
          .note("活动举行的日期，不得晚于今天", "The day it was held, not in the future"),
      Column.of("topic", "主题", "Topic", ColumnType.TEXT).mandatory().maxLength(200).example("如何陪伴孩子适应新学期")
          .note("不得含学生或家长的个人信息", "No personal data of students or parents"),
      Column.of("lecturer", "授课人", "Lecturer", ColumnType.TEXT).mandatory().maxLength(100).example("王老师")
          .note("授课教师或专家", "Who taught it"),
      Column.ofEnum("mode", "授课方式", "Mode", List.of(
              new EnumValue("OFFLINE", "线下", "In person"),
              new EnumValue("ONLINE", "线上", "Online")))
          .mandatory().example("OFFLINE"),
      Column.of("attendance", "参加家长人数", "Attendance", ColumnType.INTEGER).mandatory().example(120L)
          .note("到场（在线）的家长人数，0 至 100000", "Parents present, 0 to 100000"),
      Column.of("reason", "更正原因", "Reason", ColumnType.TEXT).maxLength(500)
          .note("新记录不填；更正已记录的活动时必填", "Blank for a new session; required to correct a recorded one")));

  private final Sessions sessions;
  private final PerRecordImport rows;

  SessionImport(Sessions sessions, PerRecordImport rows) {
    this.sessions = sessions;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, SessionRequest.class, "sessionId", PerRecordImport.RecordId.ID, Map.of(), (sessionId, request) ->
        sessions.put(schoolId, sessionId, request).changed());
  }
}
