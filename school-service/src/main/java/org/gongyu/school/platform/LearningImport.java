package org.gongyu.school.platform;

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

/** Guardians' platform learning from Excel: each row is a {@link LearningBatch.Activity}, applied with {@link PlatformLearning#ingest}. */
@Component
class LearningImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("platform-learning", 1, "家长平台学习记录", "Platform learning", List.of(
      Column.of("externalId", "记录编号", "Record id", ColumnType.TEXT).mandatory().maxLength(100).example("LRN-2026-00001")
          .note("平台中该记录的唯一编号（字母、数字和 . _ : -）；重复上传同一编号不会重复记录",
              "The platform's own id of the record (letters, digits, . _ : -); uploading it again records nothing twice"),
      Column.of("guardianRef", "家长账号编号", "Guardian ref", ColumnType.TEXT).mandatory().maxLength(100).example("GDN-0001")
          .note("平台中的家长账号编号，仅以加密摘要保存，不保存原值", "The platform's guardian account reference; stored only as a keyed hash"),
      Column.of("resourceId", "资源编号", "Resource id", ColumnType.TEXT).mandatory().maxLength(100).example("RES-0001")
          .note("家长学习的平台资源编号", "The platform resource learnt from"),
      Column.of("occurredAt", "学习时间", "Occurred at", ColumnType.DATETIME).mandatory()
          .example(LocalDateTime.of(2026, 10, 12, 20, 0))
          .note("学习的时间（北京时间），不得晚于当前时间", "When the guardian learnt (city time), not in the future"),
      Column.of("minutes", "学习时长（分钟）", "Minutes", ColumnType.INTEGER).mandatory().example(30)
          .note("学习时长，0 至 1440 分钟的整数", "How long, a whole number of minutes from 0 to 1440")));

  private final PlatformLearning learning;
  private final RowRequests rows;

  LearningImport(PlatformLearning learning, RowRequests rows) {
    this.learning = learning;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, LearningBatch.Activity.class, "activities", Set.of(), row -> "", (group, items) -> {
      Batches.Outcome o = learning.ingest(schoolId, new LearningBatch(items));
      return new RowRequests.Counts(o.accepted(), o.alreadyRecorded());
    });
  }
}
