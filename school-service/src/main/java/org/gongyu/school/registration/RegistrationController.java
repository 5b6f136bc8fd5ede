package org.gongyu.school.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.security.Rules;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The ingestion endpoint the digital parent-school platform pushes to. */
@Tag(name = "Platform registration · 平台注册", description = "Guardians registered on the family-education platform · 家长在家庭教育平台的注册")
@RestController
class RegistrationController {

  private final PlatformRegistrations registrations;
  private final CityCalendar calendar;

  RegistrationController(PlatformRegistrations registrations, CityCalendar calendar) {
    this.registrations = registrations;
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
  record BatchResponse(int received, int accepted, int alreadyRecorded, List<SnapshotFigure> snapshots, boolean figuresPending) {}

  @Operation(summary = "Record guardians' platform registrations (batch)", description = "批量上报家长在家庭教育平台的注册记录（按学期）。按 externalId 幂等；期间未开始时拒绝（422）；期间已签字锁定时拒绝（409），不存储任何记录。每批最多 5000 条。"
      + "指标在合并间隔（默认 200 毫秒）内随后重新计算：snapshots 为当前已存储的最新指标，figuresPending=true 表示本批记录尚未计入其中。")
  @PostMapping("/api/school/schools/{schoolId}/platform-registrations")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse ingest(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId, @Valid @RequestBody RegistrationBatch batch) {
    PlatformRegistrations.Outcome o = registrations.ingest(schoolId, batch);
    return new BatchResponse(o.received(), o.accepted(), o.alreadyRecorded(),
        o.snapshots().stream().map(SnapshotFigure::of).toList(), o.figuresPending());
  }

  private static final String ID = "[A-Za-z0-9-]{1,40}";
  private static final String EXTERNAL_ID = "[A-Za-z0-9._:-]{1,100}";

  /** A registration as the school reads it back: no student, no guardian. */
  record RegistrationResponse(String externalId, String classId, Instant registeredAt) {
    static RegistrationResponse of(PlatformRegistrations.View v) {
      return new RegistrationResponse(v.externalId(), v.classId(), v.registeredAt());
    }
  }

  /** The answer to a PUT of one registration: the registration and the figures it touched. */
  record RegistrationSaved(String externalId, String classId, Instant registeredAt, List<SnapshotFigure> snapshots) {}

  @Operation(summary = "Record or correct one platform registration", description = "按 externalId 单独记录（201）或更正（200）一条家长平台注册记录；更正须填写原因（reason）。内容相同的重复请求不做更改。")
  @PutMapping("/api/school/schools/{schoolId}/platform-registrations/{externalId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<RegistrationSaved>> putRegistration(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId, @Valid @RequestBody RegistrationItemRequest request) {
    PlatformRegistrations.Saved saved = registrations.put(schoolId, externalId, request);
    PlatformRegistrations.View v = saved.item();
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(new RegistrationSaved(v.externalId(), v.classId(), v.registeredAt(),
            saved.snapshots().stream().map(SnapshotFigure::of).toList()), saved.version()));
  }

  @Operation(summary = "List the platform registrations of a semester", description = "列出某学期（如 2026-2027-1）内注册的家长平台注册记录（不含学生和家长编号），可按班级筛选；已撤回的记录以“已撤回”状态列出。")
  @GetMapping("/api/school/schools/{schoolId}/platform-registrations")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<RegistrationResponse>> listRegistrations(@PathVariable @Pattern(regexp = ID) String schoolId,
      @RequestParam String semester, @RequestParam(required = false) @Pattern(regexp = ID) String classId) {
    Period period;
    try {
      period = calendar.parse(PeriodType.SEMESTER, semester);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("semester", e));
    }
    Instant start = period.start(calendar.calendar()).atStartOfDay(calendar.zone()).toInstant();
    Instant end = period.endExclusive(calendar.calendar()).atStartOfDay(calendar.zone()).toInstant();
    return registrations.list(schoolId, start, end, classId).stream().map(t -> t.map(RegistrationResponse::of)).toList();
  }

  @Operation(summary = "Read one platform registration", description = "读取一条家长平台注册记录（不含学生和家长编号）；已撤回的以“已撤回”状态返回。")
  @GetMapping("/api/school/schools/{schoolId}/platform-registrations/{externalId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<RegistrationResponse> oneRegistration(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId) {
    return registrations.read(schoolId, externalId).map(t -> t.map(RegistrationResponse::of))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.record.unknown", externalId)));
  }

  @Operation(summary = "Withdraw one platform registration", description = "撤回一条家长平台注册记录（须填写原因）：不再计入指标，记录仍以“已撤回”状态可读；批量重发该条不会重新记录；已撤回时返回 409。")
  @PostMapping("/api/school/schools/{schoolId}/platform-registrations/{externalId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<RegistrationResponse> withdrawRegistration(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId, @Valid @RequestBody WithdrawalRequest request) {
    return registrations.withdraw(schoolId, externalId, request.reason().strip()).map(RegistrationResponse::of);
  }

  @Operation(summary = "The trail of one platform registration", description = "一条家长平台注册记录的全部版本（不含学生和家长编号），按时间先后排列；仅本校用户可读。")
  @GetMapping("/api/school/schools/{schoolId}/platform-registrations/{externalId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> registrationHistory(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId) {
    return registrations.history(schoolId, externalId);
  }
}
