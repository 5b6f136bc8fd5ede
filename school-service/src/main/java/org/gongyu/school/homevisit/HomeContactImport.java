package org.gongyu.school.homevisit;

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

/** Home contacts from Excel: each row is a {@link HomeContactBatch.Contact}, applied with {@link HomeContacts#ingest}. */
@Component
class HomeContactImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("home-contacts", 1, "家校联系记录", "Home contacts", List.of(
      Column.of("externalId", "记录编号", "Record id", ColumnType.TEXT).mandatory().maxLength(100).example("HC-2026-00001")
          .note("本校系统中该记录的唯一编号（字母、数字和 . _ : -）；重复上传同一编号不会重复记录",
              "The school system's own id of the record (letters, digits, . _ : -); uploading it again records nothing twice"),
      Column.of("classId", "班级编号", "Class id", ColumnType.TEXT).mandatory().maxLength(40).example("C301")
          .note("学生所在班级，须属于联系日期所在学年", "The student's class, of the school year the date falls in"),
      Column.of("studentRef", "学生编号", "Student ref", ColumnType.TEXT).mandatory().maxLength(100).example("STU-0001")
          .note("学校的学生编号，仅以加密摘要保存，不保存原值", "The school's student reference; stored only as a keyed hash"),
      Column.of("date", "联系日期", "Date", ColumnType.DATE).mandatory().example(LocalDate.of(2026, 10, 12))
          .note("联系当天的日期，不得晚于今天", "The day of the contact, not in the future"),
      Column.ofEnum("mode", "联系方式", "Mode", List.of(
              new EnumValue("IN_HOME", "入户家访", "Home visit"),
              new EnumValue("PHONE", "电话", "Phone"),
              new EnumValue("WECHAT", "微信", "WeChat"),
              new EnumValue("AT_SCHOOL", "来校面谈", "At school")))
          .mandatory().example("IN_HOME").note("只有“入户家访”计为家访", "Only a home visit counts as one"),
      Column.of("priority", "重点对象", "Priority case", ColumnType.BOOLEAN).example(false)
          .note("学生是否为家访重点对象；不填为“否”", "Whether the student is a priority case for home visits; blank = No")));

  private final HomeContacts contacts;
  private final RowRequests rows;

  HomeContactImport(HomeContacts contacts, RowRequests rows) {
    this.contacts = contacts;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, HomeContactBatch.Contact.class, "contacts", Set.of(), row -> "", (group, items) -> {
      BatchOutcome o = contacts.ingest(schoolId, new HomeContactBatch(items));
      return new RowRequests.Counts(o.accepted(), o.alreadyRecorded());
    });
  }
}
