package org.gongyu.school.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.records.WithdrawalRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
  private final CityCalendar calendar;

  PlatformController(PlatformLearning learning, PlatformRecommendations recommendations, CityCalendar calendar) {
    this.learning = learning;
    this.recommendations = recommendations;
    this.calendar = calendar;
  }

  record SnapshotFigure(String indicatorCode, String periodId, long numerator, long denominator, BigDecimal rate, long version) {
    static SnapshotFigure of(SnapshotService.Snapshot s) {
      return new SnapshotFigure(s.indicatorCode(), s.periodId(), s.numerator(), s.denominator(), s.figure().rate(), s.version());
    }
  }

  /**
   * The answer to a batch.
   *
   * @param snapshots      the latest stored figures of what the batch feeds (before this batch is counted if
   *                       {@code figuresPending})
   * @param figuresPending the batch stored records whose figures follow within the coalesce interval
   *                       (gongyu.school.figures.coalesce-interval, 200 ms; ADR 0021)
   */
  record BatchResponse(int received, int accepted, int alreadyRecorded, List<SnapshotFigure> snapshots, boolean figuresPending) {
    static BatchResponse of(Batches.Outcome o) {
      return new BatchResponse(o.received(), o.accepted(), o.alreadyRecorded(),
          o.snapshots().stream().map(SnapshotFigure::of).toList(), o.figuresPending());
    }
  }

  private static final String FIGURES_FOLLOW = "指标在合并间隔（默认 200 毫秒）内随后重新计算：snapshots 为当前已存储的最新指标，figuresPending=true 表示本批记录尚未计入其中；"
      + "期间已签字锁定时拒绝（409），不存储任何记录。";

  @Operation(summary = "Record platform learning activities (batch)", description = "批量上报家长在平台上的学习记录（学习时长，分钟）。按 externalId 幂等，每批最多 5000 条。" + FIGURES_FOLLOW)
  @PostMapping("/api/school/schools/{schoolId}/platform-learning")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse learning(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId, @Valid @RequestBody LearningBatch batch) {
    return BatchResponse.of(learning.ingest(schoolId, batch));
  }

  @Operation(summary = "Record platform recommendations (batch)", description = "批量上报平台向家长推送的推荐内容记录。按 externalId 幂等，每批最多 5000 条。" + FIGURES_FOLLOW)
  @PostMapping("/api/school/schools/{schoolId}/platform-recommendations")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse recommendations(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId, @Valid @RequestBody RecommendationBatch batch) {
    return BatchResponse.of(recommendations.ingest(schoolId, batch));
  }

  private static final String ID = "[A-Za-z0-9-]{1,40}";
  private static final String EXTERNAL_ID = "[A-Za-z0-9._:-]{1,100}";

  /** The [start, end) instants of a semester named in the query. */
  private Instant[] semester(String semester) {
    Period period;
    try {
      period = calendar.parse(PeriodType.SEMESTER, semester);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("semester", e));
    }
    return new Instant[] {period.start(calendar.calendar()).atStartOfDay(calendar.zone()).toInstant(),
        period.endExclusive(calendar.calendar()).atStartOfDay(calendar.zone()).toInstant()};
  }

  // ---------------------------------------------------------------- learning activities, one at a time

  /** A learning activity as the school reads it back: no guardian. */
  record LearningResponse(String externalId, String resourceId, Instant occurredAt, int minutes) {
    static LearningResponse of(PlatformLearning.View v) {
      return new LearningResponse(v.externalId(), v.resourceId(), v.occurredAt(), v.minutes());
    }
  }

  /** The answer to a PUT of one activity: the activity and the figures it touched. */
  record LearningSaved(String externalId, String resourceId, Instant occurredAt, int minutes, List<SnapshotFigure> snapshots) {}

  @Operation(summary = "Record or correct one platform learning activity", description = "按 externalId 单独记录（201）或更正（200）一条家长平台学习记录；更正须填写原因（reason）。内容相同的重复请求不做更改。")
  @PutMapping("/api/school/schools/{schoolId}/platform-learning/{externalId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<LearningSaved>> putLearning(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId, @Valid @RequestBody LearningItemRequest request) {
    Batches.Saved<PlatformLearning.View> saved = learning.put(schoolId, externalId, request);
    PlatformLearning.View v = saved.item();
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(new LearningSaved(v.externalId(), v.resourceId(), v.occurredAt(), v.minutes(),
            saved.snapshots().stream().map(SnapshotFigure::of).toList()), saved.version()));
  }

  @Operation(summary = "List the platform learning activities of a semester", description = "列出某学期（如 2026-2027-1）内的家长平台学习记录（不含家长编号）；已撤回的记录以“已撤回”状态列出。")
  @GetMapping("/api/school/schools/{schoolId}/platform-learning")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<LearningResponse>> listLearning(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String semester) {
    Instant[] range = semester(semester);
    return learning.list(schoolId, range[0], range[1]).stream().map(t -> t.map(LearningResponse::of)).toList();
  }

  @Operation(summary = "Read one platform learning activity", description = "读取一条家长平台学习记录（不含家长编号）；已撤回的以“已撤回”状态返回。")
  @GetMapping("/api/school/schools/{schoolId}/platform-learning/{externalId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<LearningResponse> oneLearning(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId) {
    return learning.read(schoolId, externalId).map(t -> t.map(LearningResponse::of))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.record.unknown", externalId)));
  }

  @Operation(summary = "Withdraw one platform learning activity", description = "撤回一条家长平台学习记录（须填写原因）：不再计入指标，记录仍以“已撤回”状态可读；批量重发该条不会重新记录；已撤回时返回 409。")
  @PostMapping("/api/school/schools/{schoolId}/platform-learning/{externalId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<LearningResponse> withdrawLearning(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId, @Valid @RequestBody WithdrawalRequest request) {
    return learning.withdraw(schoolId, externalId, request.reason().strip()).map(LearningResponse::of);
  }

  @Operation(summary = "The trail of one platform learning activity", description = "一条家长平台学习记录的全部版本（不含家长编号），按时间先后排列；仅本校用户可读。")
  @GetMapping("/api/school/schools/{schoolId}/platform-learning/{externalId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> learningHistory(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId) {
    return learning.history(schoolId, externalId);
  }

  // ---------------------------------------------------------------- recommendations, one at a time

  /** A recommendation as the school reads it back. */
  record RecommendationResponse(String externalId, String resourceId, String title, String resourceType, String authoringTier,
      Instant recommendedAt) {
    static RecommendationResponse of(PlatformRecommendations.View v) {
      return new RecommendationResponse(v.externalId(), v.resourceId(), v.title(), v.resourceType(), v.authoringTier(), v.recommendedAt());
    }
  }

  /** The answer to a PUT of one recommendation: the recommendation and the figures it touched. */
  record RecommendationSaved(String externalId, String resourceId, String title, String resourceType, String authoringTier,
      Instant recommendedAt, List<SnapshotFigure> snapshots) {}

  @Operation(summary = "Record or correct one platform recommendation", description = "按 externalId 单独记录（201）或更正（200）一条平台推荐记录；更正须填写原因（reason）。内容相同的重复请求不做更改。")
  @PutMapping("/api/school/schools/{schoolId}/platform-recommendations/{externalId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<RecommendationSaved>> putRecommendation(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId, @Valid @RequestBody RecommendationItemRequest request) {
    Batches.Saved<PlatformRecommendations.View> saved = recommendations.put(schoolId, externalId, request);
    PlatformRecommendations.View v = saved.item();
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(new RecommendationSaved(v.externalId(), v.resourceId(), v.title(), v.resourceType(), v.authoringTier(),
            v.recommendedAt(), saved.snapshots().stream().map(SnapshotFigure::of).toList()), saved.version()));
  }

  @Operation(summary = "List the platform recommendations of a semester", description = "列出某学期（如 2026-2027-1）内的平台推荐记录；已撤回的记录以“已撤回”状态列出。")
  @GetMapping("/api/school/schools/{schoolId}/platform-recommendations")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<RecommendationResponse>> listRecommendations(@PathVariable @Pattern(regexp = ID) String schoolId,
      @RequestParam String semester) {
    Instant[] range = semester(semester);
    return recommendations.list(schoolId, range[0], range[1]).stream().map(t -> t.map(RecommendationResponse::of)).toList();
  }

  @Operation(summary = "Read one platform recommendation", description = "读取一条平台推荐记录；已撤回的以“已撤回”状态返回。")
  @GetMapping("/api/school/schools/{schoolId}/platform-recommendations/{externalId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<RecommendationResponse> oneRecommendation(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId) {
    return recommendations.read(schoolId, externalId).map(t -> t.map(RecommendationResponse::of))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.record.unknown", externalId)));
  }

  @Operation(summary = "Withdraw one platform recommendation", description = "撤回一条平台推荐记录（须填写原因）：不再计入指标，记录仍以“已撤回”状态可读；批量重发该条不会重新记录；已撤回时返回 409。")
  @PostMapping("/api/school/schools/{schoolId}/platform-recommendations/{externalId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<RecommendationResponse> withdrawRecommendation(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId, @Valid @RequestBody WithdrawalRequest request) {
    return recommendations.withdraw(schoolId, externalId, request.reason().strip()).map(RecommendationResponse::of);
  }

  @Operation(summary = "The trail of one platform recommendation", description = "一条平台推荐记录的全部版本，按时间先后排列；仅本校用户可读。")
  @GetMapping("/api/school/schools/{schoolId}/platform-recommendations/{externalId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> recommendationHistory(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId) {
    return recommendations.history(schoolId, externalId);
  }
}
