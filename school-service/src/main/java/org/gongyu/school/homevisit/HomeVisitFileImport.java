package org.gongyu.school.homevisit;

import java.time.LocalDate;
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
 * Home-visit files (一人一档) from Excel: each row is a {@link HomeVisitFileBatch.VisitFile}, applied
 * with {@link HomeVisitFiles#ingest} as the batch endpoint does. A file is keyed by its student, so
 * the same row again is unchanged and the student's file with another class or day is refused (409,
 * correct it by its file id instead).
 */
@Component
class HomeVisitFileImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("home-visit-files", 1, "学生家访档案（一人一档）", "Home-visit files", List.of(
      Column.of("studentRef", "学生编号", "Student ref", ColumnType.TEXT).mandatory().maxLength(100).example("STU-0001")
          .note("学校的学生编号，仅以加密摘要保存，不保存原值；每名学生一份档案，重复上传同一学生的相同档案不会重复记录",
              "The school's student reference; stored only as a keyed hash. A student has one file: the same file again records nothing"),
      Column.of("classId", "班级编号", "Class id", ColumnType.TEXT).mandatory().maxLength(40).example("C301")
          .note("学生所在班级，须属于建档日期所在学年", "The student's class, of the school year the opening day falls in"),
      Column.of("openedOn", "建档日期", "Opened on", ColumnType.DATE).mandatory().example(LocalDate.of(2026, 9, 15))
          .note("档案建立的日期，不得晚于今天；已建档学生的班级或日期有误，请在“本校记录”中按档案编号更正",
              "The day the file was opened, not in the future; to change a recorded file's class or day, correct it by its file id")));

  private final HomeVisitFiles files;
  private final RowRequests rows;

  HomeVisitFileImport(HomeVisitFiles files, RowRequests rows) {
    this.files = files;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, HomeVisitFileBatch.VisitFile.class, "files", Set.of(), row -> "", (group, items) -> {
      BatchOutcome o = files.ingest(schoolId, new HomeVisitFileBatch(items)).outcome();
      return new RowRequests.Counts(o.accepted(), o.alreadyRecorded());
    });
  }
}
