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

/**
 * The platform's recommendations to the school's parents from Excel: each row is a {@link
 * RecommendationBatch.Recommendation}, applied with {@link PlatformRecommendations#ingest}.
 */
@Component
class RecommendationImport implements ImportFamily {

  static final TemplateSpec SPEC = new TemplateSpec("platform-recommendations", 1, "平台资源推荐记录", "Platform recommendations",
      List.of(
          Column.of("externalId", "记录编号", "Record id", ColumnType.TEXT).mandatory().maxLength(100).example("REC-2026-00001")
              .note("平台中该记录的唯一编号（字母、数字和 . _ : -）；重复上传同一编号不会重复记录",
                  "The platform's own id of the record (letters, digits, . _ : -); uploading it again records nothing twice"),
          Column.of("resourceId", "资源编号", "Resource id", ColumnType.TEXT).mandatory().maxLength(100).example("RES-0001")
              .note("推荐的平台资源编号；同一资源在一个自然年内只计一次", "The resource recommended; counted once per calendar year"),
          Column.of("title", "资源标题", "Title", ColumnType.TEXT).mandatory().maxLength(300).example("如何陪伴孩子度过青春期")
              .note("资源的标题", "The resource's title"),
          Column.of("resourceType", "资源类型", "Resource type", ColumnType.TEXT).mandatory().maxLength(40).example("VIDEO")
              .note("资源类型，如 VIDEO（视频）、COURSE（课程）、ARTICLE（文章）", "The kind of resource, e.g. VIDEO, COURSE, ARTICLE"),
          Column.of("authoringTier", "资源来源层级", "Authoring tier", ColumnType.TEXT).mandatory().maxLength(40).example("CITY")
              .note("资源由哪一级制作，如 CITY（市级）、COUNTY（区县级）、SCHOOL（校级）", "Who authored it, e.g. CITY, COUNTY, SCHOOL"),
          Column.of("recommendedAt", "推荐时间", "Recommended at", ColumnType.DATETIME).mandatory()
              .example(LocalDateTime.of(2026, 10, 12, 9, 0))
              .note("推送给家长的时间（北京时间），不得晚于当前时间", "When it was pushed to parents (city time), not in the future")));

  private final PlatformRecommendations recommendations;
  private final RowRequests rows;

  RecommendationImport(PlatformRecommendations recommendations, RowRequests rows) {
    this.recommendations = recommendations;
    this.rows = rows;
  }

  @Override
  public TemplateSpec spec() {
    return SPEC;
  }

  @Override
  public ChunkApplier.Result apply(String schoolId, List<ImportRow> chunk) {
    return rows.apply(chunk, RecommendationBatch.Recommendation.class, "recommendations", Set.of(), row -> "", (group, items) -> {
      Batches.Outcome o = recommendations.ingest(schoolId, new RecommendationBatch(items));
      return new RowRequests.Counts(o.accepted(), o.alreadyRecorded());
    });
  }
}
