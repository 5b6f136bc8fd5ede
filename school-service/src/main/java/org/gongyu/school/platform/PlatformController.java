package org.gongyu.school.platform;

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

  @PostMapping("/api/school/schools/{schoolId}/platform-learning")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse learning(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId, @Valid @RequestBody LearningBatch batch) {
    return BatchResponse.of(learning.ingest(schoolId, batch));
  }

  @PostMapping("/api/school/schools/{schoolId}/platform-recommendations")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse recommendations(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId, @Valid @RequestBody RecommendationBatch batch) {
    return BatchResponse.of(recommendations.ingest(schoolId, batch));
  }
}
