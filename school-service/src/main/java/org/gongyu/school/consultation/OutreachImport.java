package org.gongyu.school.consultation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.Column;
import org.gongyu.chassis.excel.ColumnType;
import org.gongyu.chassis.excel.EnumValue;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.excel.TemplateSpec;
import org.gongyu.school.imports.ImportFamily;
import org.gongyu.school.imports.RowRequests;
import org.springframework.stereotype.Component;

/** Consultation-service outreach from Excel: each row is an {@link OutreachBatch.Delivery}, applied with {@link ConsultationOutreach#ingest}. */
@Component
class OutreachImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("consultation-outreach", 1, "咨询服务告知记录", "Consultation-service outreach",
      List.of(
          Column.of("externalId", "记录编号", "Record id", ColumnType.TEXT).mandatory().maxLength(100).example("CO-2026-00001")
              .note("本校系统中该记录的唯一编号（字母、数字和 . _ : -）；重复上传同一编号不会重复记录",
                  "The school system's own id of the record (letters, digits, . _ : -); uploading it again records nothing twice"),
          Column.of("classId", "班级编号", "Class id", ColumnType.TEXT).mandatory().maxLength(40).example("C301")
              .note("学生所在班级，须属于告知日期所在学年", "The student's class, of the school year the date falls in"),
          Column.of("studentRef", "学生编号", "Student ref", ColumnType.TEXT).mandatory().maxLength(100).example("STU-0001")
              .note("学校的学生编号，仅以加密摘要保存，不保存原值", "The school's student reference; stored only as a keyed hash"),
          Column.ofEnum("channel", "渠道", "Channel", List.of(
                  new EnumValue("NOTICE", "书面通知", "Written notice"),
                  new EnumValue("WECHAT", "微信", "WeChat"),
                  new EnumValue("MEETING", "家长会", "Parent meeting"),
                  new EnumValue("PLATFORM", "平台推送", "Platform")))
              .mandatory().example("NOTICE").note("咨询服务信息送达家庭的方式", "How the information reached the family"),
          Column.of("deliveredOn", "告知日期", "Delivered on", ColumnType.DATE).mandatory().example(LocalDate.of(2026, 10, 12))
              .note("告知当天的日期，不得晚于今天", "The day the family was told, not in the future")));

  private final ConsultationOutreach outreach;
  private final RowRequests rows;

  OutreachImport(ConsultationOutreach outreach, RowRequests rows) {
    this.outreach = outreach;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, OutreachBatch.Delivery.class, "records", Set.of(), row -> "", (group, items) -> {
      ConsultationOutreach.Outcome o = outreach.ingest(schoolId, new OutreachBatch(items));
      return new RowRequests.Counts(o.accepted(), o.alreadyRecorded());
    });
  }
}
