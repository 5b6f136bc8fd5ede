package org.gongyu.school.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;
import org.gongyu.chassis.security.Rules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The ingestion endpoints the digital parent-school platform pushes learning and recommendations to. */
@Tag(name = "Platform use · 平台使用", description = "Learning and recommendations on the family-education platform · 家庭教育平台的学习与推荐")
@RestController
class PlatformController {

  private final PlatformLearning learning;
  private final PlatformRecommendations recommendations;

  PlatformController(PlatformLearning learning, PlatformRecommendations recommendations) {
    this.learning = learning;
    this.recommendations = recommendations;
  }

  record SnapshotFigure(String indicatorCode, String periodId, long numerator, long denominator, BigDecimal rate, long version) {}

  record BatchResponse(int received, int accepted, int alreadyRecorded, List<SnapshotFigure> snapshots) {
    static BatchResponse of(Batches.Outcome o) {
      return new BatchResponse(o.received(), o.accepted(), o.alreadyRecorded(), o.snapshots().stream()
          .map(s -> new SnapshotFigure(s.indicatorCode(), s.periodId(), s.numerator(), s.denominator(), s.figure().rate(), s.version()))
          .toList());
    }
  }

  @Operation(summary = "Record platform learning activities (batch)", description = "批量上报家长在平台上的学习记录（学习时长，分钟）。按 externalId 幂等，每批最多 5000 条。")
  @PostMapping("/api/school/schools/{schoolId}/platform-learning")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse learning(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId, @Valid @RequestBody LearningBatch batch) {
    return BatchResponse.of(learning.ingest(schoolId, batch));
  }

  @Operation(summary = "Record platform recommendations (batch)", description = "批量上报平台向家长推送的推荐内容记录。按 externalId 幂等，每批最多 5000 条。")
  @PostMapping("/api/school/schools/{schoolId}/platform-recommendations")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse recommendations(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId, @Valid @RequestBody RecommendationBatch batch) {
    return BatchResponse.of(recommendations.ingest(schoolId, batch));
  }
}
