package org.gongyu.school.consultation;

import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * Consultation cases from Excel: each row is the PUT of one case (its case id a column, the rest a
 * {@link CaseRequest}), applied with {@link ConsultationCases#save} as the PUT endpoint does: a new
 * case is opened, the same content again is unchanged, other content is a correction and needs the
 * reason column; the student and opening day of a case never change.
 */
@Component
class ConsultationCaseImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("consultations", 1, "家庭教育个案咨询", "Consultation cases", List.of(
      Column.of("caseId", "个案编号", "Case id", ColumnType.TEXT).mandatory().maxLength(40).example("CASE-2026-001")
          .note("本校为该个案确定的编号（字母、数字和 -，至多 40 个字符）；同一编号再次上传：内容相同不做更改，内容不同即为更正",
              "The school's id of the case (letters, digits and -, at most 40); the same id again: unchanged if identical, else a correction"),
      Column.of("classId", "班级编号", "Class id", ColumnType.TEXT).mandatory().maxLength(40).example("C301")
          .note("学生所在班级，须属于开案日期所在学年", "The student's class, of the school year the opening day falls in"),
      Column.of("studentRef", "学生编号", "Student ref", ColumnType.TEXT).mandatory().maxLength(100).example("STU-0001")
          .note("学校的学生编号，仅以加密摘要保存，不保存原值；个案的学生不可更改", "The school's student reference; stored only as a keyed hash; never changes"),
      Column.ofEnum("category", "类别", "Category", List.of(
              new EnumValue("STUDY", "学业", "Study"),
              new EnumValue("EMOTION", "情绪", "Emotion"),
              new EnumValue("BEHAVIOUR", "行为", "Behaviour"),
              new EnumValue("FAMILY_RELATIONS", "家庭关系", "Family relations"),
              new EnumValue("OTHER", "其他", "Other")))
          .mandatory().example("STUDY").note("家庭咨询的问题类别", "What the family consulted about"),
      Column.of("openedOn", "开案日期", "Opened on", ColumnType.DATE).mandatory().example(LocalDate.of(2026, 10, 8))
          .note("开案日期，不得晚于今天；开案后不可更改", "The day the case was opened, not in the future; never changes"),
      Column.of("appointmentAt", "预约时间", "Appointment at", ColumnType.DATETIME).example(LocalDateTime.of(2026, 10, 15, 16, 0))
          .note("约定的咨询时间（北京时间），可不填", "The agreed appointment (city time), if any"),
      Column.of("consultant", "咨询教师", "Consultant", ColumnType.TEXT).mandatory().maxLength(100).example("王老师")
          .note("负责该个案的教师（本校教职工，非家庭成员）", "Who handles the case (a member of staff, not a family member)"),
      Column.ofEnum("status", "办理状态", "Status", List.of(
              new EnumValue("OPEN", "处理中", "Open"),
              new EnumValue("RESOLVED", "已办结", "Resolved"),
              new EnumValue("REFERRED", "已转介", "Referred")))
          .mandatory().example("OPEN").note("已办结的个案不能改回处理中或已转介", "A resolved case stays resolved"),
      Column.of("resolvedOn", "办结日期", "Resolved on", ColumnType.DATE)
          .note("状态为“已办结”时必须填写，且仅此时填写；不得早于开案日期，不得晚于今天",
              "Required exactly when the status is Resolved; not before the opening day, not in the future"),
      Column.of("notes", "情况说明", "Notes", ColumnType.TEXT).maxLength(4000).example("家长反映孩子作业拖延")
          .note("咨询教师的记录，加密保存，不会显示或导出", "The consultant's notes; stored encrypted, never shown or exported"),
      Column.of("reason", "更正原因", "Reason", ColumnType.TEXT).maxLength(500)
          .note("更正已登记的个案时必须填写（1 至 500 个字符）；新个案可不填", "Required to correct a recorded case (1 to 500 characters); optional for a new one")));

  private final ConsultationCases cases;
  private final PerRecordImport rows;

  ConsultationCaseImport(ConsultationCases cases, PerRecordImport rows) {
    this.cases = cases;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, CaseRequest.class, "caseId", PerRecordImport.RecordId.ID,
        Map.of("school.resolved-on-required", "resolvedOn", "school.case.other-student", "studentRef",
            "school.case.opened-on", "openedOn", "school.case.transition", "status"), (caseId, request) -> cases.save(schoolId, caseId, request).changed());
  }
}
