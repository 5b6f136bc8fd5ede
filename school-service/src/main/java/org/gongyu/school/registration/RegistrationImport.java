package org.gongyu.school.registration;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.Column;
import org.gongyu.chassis.excel.ColumnType;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.excel.TemplateSpec;
import org.gongyu.school.imports.ImportFamily;
import org.gongyu.school.imports.RowRequests;
import org.springframework.stereotype.Component;

/**
 * Platform registrations from Excel: each row is a {@link RegistrationBatch.Registration} plus its
 * semester (a column, so one file may span semesters: rows are applied per semester), applied with
 * {@link PlatformRegistrations#ingest} as the batch endpoint does.
 */
@Component
class RegistrationImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("platform-registrations", 1, "家长平台注册记录", "Platform registrations",
      List.of(
          Column.of("period", "学期", "Semester", ColumnType.TEXT).mandatory().maxLength(11).example("2026-2027-1")
              .note("注册所属学期，格式为 学年-学期，如 2026-2027-1（第一学期）、2026-2027-2（第二学期）；学期须已开始",
                  "The semester of the registration, school year and term, e.g. 2026-2027-1; it must have started"),
          Column.of("externalId", "记录编号", "Record id", ColumnType.TEXT).mandatory().maxLength(100).example("REG-2026-00001")
              .note("平台中该记录的唯一编号（字母、数字和 . _ : -）；重复上传同一编号不会重复记录",
                  "The platform's own id of the record (letters, digits, . _ : -); uploading it again records nothing twice"),
          Column.of("classId", "班级编号", "Class id", ColumnType.TEXT).mandatory().maxLength(40).example("C301")
              .note("本校已登记的班级编号，须属于该学期所在学年", "A class recorded at the school, of the semester's school year"),
          Column.of("studentRef", "学生编号", "Student ref", ColumnType.TEXT).mandatory().maxLength(100).example("STU-0001")
              .note("平台中的学生编号，仅以加密摘要保存，不保存原值", "The platform's student reference; stored only as a keyed hash"),
          Column.of("guardianRef", "家长账号编号", "Guardian ref", ColumnType.TEXT).mandatory().maxLength(100).example("GDN-0001")
              .note("平台中的家长账号编号，仅以加密摘要保存，不保存原值", "The platform's guardian account reference; stored only as a keyed hash"),
          Column.of("registeredAt", "注册时间", "Registered at", ColumnType.DATETIME).mandatory()
              .example(LocalDateTime.of(2026, 9, 5, 19, 30))
              .note("家长注册的时间（北京时间），不得晚于当前时间，须在学期结束前",
                  "When the guardian registered (city time), not in the future, before the semester ended")));

  private final PlatformRegistrations registrations;
  private final RowRequests rows;

  RegistrationImport(PlatformRegistrations registrations, RowRequests rows) {
    this.registrations = registrations;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, RegistrationBatch.Registration.class, "registrations", Set.of("period"),
        row -> (String) row.values().get("period"), (period, items) -> {
          PlatformRegistrations.Outcome o = registrations.ingest(schoolId, new RegistrationBatch(period, items));
          return new RowRequests.Counts(o.accepted(), o.alreadyRecorded());
        });
  }
}
