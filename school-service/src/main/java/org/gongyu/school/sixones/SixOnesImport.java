package org.gongyu.school.sixones;

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

/** Six-ones participations from Excel: each row is a {@link SixOnesBatch.Participation}, applied with {@link SixOnesParticipations#ingest}. */
@Component
class SixOnesImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("six-ones", 1, "“六个一”活动参与记录", "Six-ones participations", List.of(
      Column.of("externalId", "记录编号", "Record id", ColumnType.TEXT).mandatory().maxLength(100).example("SO-2026-00001")
          .note("本校系统中该记录的唯一编号（字母、数字和 . _ : -）；重复上传同一编号不会重复记录",
              "The school system's own id of the record (letters, digits, . _ : -); uploading it again records nothing twice"),
      Column.of("classId", "班级编号", "Class id", ColumnType.TEXT).mandatory().maxLength(40).example("C301")
          .note("学生所在班级，须属于活动日期所在学年", "The student's class, of the school year the date falls in"),
      Column.of("studentRef", "学生编号", "Student ref", ColumnType.TEXT).mandatory().maxLength(100).example("STU-0001")
          .note("学校的学生编号，仅以加密摘要保存，不保存原值", "The school's student reference; stored only as a keyed hash"),
      Column.ofEnum("activity", "活动", "Activity", List.of(
              new EnumValue("SONG", "唱一首歌", "A song"),
              new EnumValue("PLAY", "演一个节目", "A show"),
              new EnumValue("BOOK", "读一本书", "A book"),
              new EnumValue("FILM", "看一部电影", "A film"),
              new EnumValue("CHARITY", "做一次公益", "Charity work"),
              new EnumValue("HIKE", "走一次远足", "A hike")))
          .mandatory().example("BOOK").note("家庭参加的“六个一”活动", "The six-ones activity the family took part in"),
      Column.of("date", "日期", "Date", ColumnType.DATE).mandatory().example(LocalDate.of(2026, 10, 12))
          .note("活动当天的日期，不得晚于今天", "The day of the activity, not in the future")));

  private final SixOnesParticipations participations;
  private final RowRequests rows;

  SixOnesImport(SixOnesParticipations participations, RowRequests rows) {
    this.participations = participations;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, SixOnesBatch.Participation.class, "participations", Set.of(), row -> "", (group, items) -> {
      SixOnesParticipations.Outcome o = participations.ingest(schoolId, new SixOnesBatch(items));
      return new RowRequests.Counts(o.accepted(), o.alreadyRecorded());
    });
  }
}
