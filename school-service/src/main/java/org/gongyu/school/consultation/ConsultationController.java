package org.gongyu.school.consultation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import jakarta.servlet.http.HttpServletRequest;
import org.gongyu.school.privacy.SensitiveReads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.records.WithdrawalRequest;

/**
 * Outreach batches and consultation cases of a school. No response carries a student reference, its
 * key or a consultant's notes.
 */
@Tag(name = "Consultation · 家庭教育咨询", description = "Consultation-service outreach and consultation cases · 咨询服务宣传与个案")
@RestController
@RequestMapping("/api/school/schools/{schoolId}")
class ConsultationController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final ConsultationOutreach outreach;
  private final ConsultationCases cases;
  private final CityCalendar calendar;
  private final SensitiveReads reads;

  ConsultationController(ConsultationOutreach outreach, ConsultationCases cases, CityCalendar calendar, SensitiveReads reads) {
    this.outreach = outreach;
    this.cases = cases;
    this.calendar = calendar;
    this.reads = reads;
  }

  record SnapshotFigure(String indicatorCode, String periodId, long numerator, long denominator, BigDecimal rate, long version) {
    static SnapshotFigure of(org.gongyu.school.indicators.SnapshotService.Snapshot s) {
      return new SnapshotFigure(s.indicatorCode(), s.periodId(), s.numerator(), s.denominator(), s.figure().rate(), s.version());
    }
  }

  record BatchResponse(int received, int accepted, int alreadyRecorded, List<SnapshotFigure> snapshots) {}

  /** A case as the school sees it after a PUT: everything but the student and the notes. */
  record CaseResponse(String caseId, String classId, String category, LocalDate openedOn, Instant appointmentAt,
      String consultant, String status, LocalDate resolvedOn) {
    static CaseResponse of(ConsultationCases.Saved s) {
      ConsultationCases.Case c = s.stored();
      return new CaseResponse(c.caseId(), c.classId(), c.category().name(), c.openedOn(), c.appointmentAt(),
          c.consultant(), c.status().name(), c.resolvedOn());
    }
  }

  record CaseSummary(String caseId, String category, String status, LocalDate openedOn, Instant appointmentAt,
      LocalDate resolvedOn, String consultant) {
    static CaseSummary of(ConsultationCases.View v) {
      return new CaseSummary(v.caseId(), v.category(), v.status(), v.openedOn(), v.appointmentAt(), v.resolvedOn(), v.consultant());
    }
  }

  @Operation(summary = "Record consultation-service outreach (batch)", description = "批量上报向家庭宣传家庭教育咨询服务的记录。按 externalId 幂等，每批最多 5000 条。")
  @PostMapping("/consultation-outreach")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse outreach(@PathVariable @Pattern(regexp = ID) String schoolId, @Valid @RequestBody OutreachBatch batch) {
    ConsultationOutreach.Outcome o = outreach.ingest(schoolId, batch);
    return new BatchResponse(o.received(), o.accepted(), o.alreadyRecorded(),
        o.snapshots().stream()
            .map(s -> new SnapshotFigure(s.indicatorCode(), s.periodId(), s.numerator(), s.denominator(), s.figure().rate(), s.version()))
            .toList());
  }

  private static final String EXTERNAL_ID = "[A-Za-z0-9._:-]{1,100}";

  /** A delivery as the school reads it back: no student. */
  record OutreachResponse(String externalId, String classId, String channel, LocalDate deliveredOn) {
    static OutreachResponse of(ConsultationOutreach.View v) {
      return new OutreachResponse(v.externalId(), v.classId(), v.channel(), v.deliveredOn());
    }
  }

  /** The answer to a PUT of one delivery: the delivery and the figures it touched. */
  record OutreachSaved(String externalId, String classId, String channel, LocalDate deliveredOn, List<SnapshotFigure> snapshots) {}

  @Operation(summary = "Record or correct one consultation-service outreach", description = "按 externalId 单独记录（201）或更正（200）一条咨询服务宣传记录；更正须填写原因（reason）。内容相同的重复请求不做更改。")
  @PutMapping("/consultation-outreach/{externalId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<OutreachSaved>> putOutreach(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId, @Valid @RequestBody OutreachItemRequest request) {
    ConsultationOutreach.Saved saved = outreach.put(schoolId, externalId, request);
    ConsultationOutreach.View v = saved.item();
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(new OutreachSaved(v.externalId(), v.classId(), v.channel(), v.deliveredOn(),
            saved.snapshots().stream().map(SnapshotFigure::of).toList()), saved.version()));
  }

  @Operation(summary = "List the consultation-service outreach of a semester", description = "列出某学期（如 2026-2027-1）的咨询服务宣传记录（不含学生编号），可按班级筛选；已撤回的记录以“已撤回”状态列出。")
  @GetMapping("/consultation-outreach")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<OutreachResponse>> listOutreach(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String semester,
      @RequestParam(required = false) @Pattern(regexp = ID) String classId) {
    Period period;
    try {
      period = calendar.parse(PeriodType.SEMESTER, semester);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("semester", e));
    }
    return outreach.list(schoolId, period.start(calendar.calendar()), period.endExclusive(calendar.calendar()), classId).stream()
        .map(t -> t.map(OutreachResponse::of)).toList();
  }

  @Operation(summary = "Read one consultation-service outreach", description = "读取一条咨询服务宣传记录（不含学生编号）；已撤回的以“已撤回”状态返回。")
  @GetMapping("/consultation-outreach/{externalId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<OutreachResponse> oneOutreach(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId) {
    return outreach.read(schoolId, externalId).map(t -> t.map(OutreachResponse::of))
        .orElseThrow(() -> ApiProblem.notFound(org.gongyu.chassis.web.Msg.msg("school.record.unknown", externalId)));
  }

  @Operation(summary = "Withdraw one consultation-service outreach", description = "撤回一条咨询服务宣传记录（须填写原因）：不再计入指标，记录仍以“已撤回”状态可读；批量重发该条不会重新记录；已撤回时返回 409。")
  @PostMapping("/consultation-outreach/{externalId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<OutreachResponse> withdrawOutreach(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId, @Valid @RequestBody WithdrawalRequest request) {
    return outreach.withdraw(schoolId, externalId, request.reason().strip()).map(OutreachResponse::of);
  }

  @Operation(summary = "The trail of one consultation-service outreach", description = "一条咨询服务宣传记录的全部版本（不含学生编号），按时间先后排列；仅本校用户可读。")
  @GetMapping("/consultation-outreach/{externalId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> outreachHistory(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId) {
    return outreach.history(schoolId, externalId);
  }

  /** Opens (201) or corrects (200) a case; an identical PUT changes nothing (200). */
  @Operation(summary = "Open or correct a consultation case", description = "新建（201）或更正（200）一个咨询个案；个案的学生和开案日期不可更改（409）。学生以化名保存，记录加密存储。")
  @PutMapping("/consultations/{caseId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<CaseResponse>> put(
      @PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String caseId,
      @Valid @RequestBody CaseRequest request) {
    ConsultationCases.Saved saved = cases.save(schoolId, caseId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(CaseResponse.of(saved), saved.version()));
  }

  @Operation(summary = "Withdraw a consultation case", description = "撤回一个咨询个案（须填写原因）：不再计入指标，记录（不含学生和记录内容）仍以“已撤回”状态可读；已撤回时返回 409。")
  @PostMapping("/consultations/{caseId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<CaseSummary> withdraw(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String caseId,
      @Valid @RequestBody WithdrawalRequest request) {
    return cases.withdraw(schoolId, caseId, request.reason().strip()).map(CaseSummary::of);
  }

  @Operation(summary = "The trail of a consultation case", description = "一个咨询个案的全部版本（不含学生和记录内容），按时间先后排列；仅本校用户可读。")
  @GetMapping("/consultations/{caseId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> history(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String caseId) {
    return cases.history(schoolId, caseId);
  }

  /** The cases opened in a school year, for the school's admin only: no student, no notes. */
  @Operation(summary = "List the consultation cases of a school year", description = "列出某学年开案的咨询个案摘要，仅限学校管理员；不含学生和记录内容。")
  @GetMapping("/consultations")
  @PreAuthorize(Rules.SCHOOL_ADMIN + Rules.OF_SCHOOL)
  List<Tracked<CaseSummary>> list(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String schoolYear,
      @RequestParam(required = false) @Pattern(regexp = ID) String classId, HttpServletRequest request) {
    SensitiveReads.Purpose purpose = reads.purpose(request, false);
    Period year;
    try {
      year = calendar.parse(PeriodType.SCHOOL_YEAR, schoolYear);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("schoolYear", e));
    }
    List<Tracked<CaseSummary>> listed = cases.tracked(schoolId, year, classId).stream().map(t -> t.map(CaseSummary::of)).toList();
    reads.recordList(schoolId, SensitiveReads.Family.CONSULTATION,
        "schoolYear=" + year.id() + (classId == null ? "" : "&classId=" + classId), purpose);
    return listed;
  }

  /** One case for the school's users, stating why it is read (recorded): everything but the student and the notes. */
  @Operation(summary = "Read one consultation case (purpose required, recorded)",
      description = "读取一个咨询个案（不含学生和记录内容）。须以请求头 X-Purpose 或参数 purpose 说明目的（FOLLOW_UP 家访跟进、COUNSELLING 个案辅导、STATISTICS_CHECK 统计核对、OTHER 其他），缺少则 400；每次查阅均记录查阅人、角色、时间和目的。")
  @GetMapping("/consultations/{caseId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<CaseSummary> one(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String caseId,
      HttpServletRequest request) {
    SensitiveReads.Purpose purpose = reads.purpose(request, true);
    Tracked<ConsultationCases.View> c = cases.read(schoolId, caseId)
        .orElseThrow(() -> ApiProblem.notFound(org.gongyu.chassis.web.Msg.msg("school.consultation.case-not-found", caseId)));
    reads.recordOne(schoolId, SensitiveReads.Family.CONSULTATION, caseId, purpose);
    return c.map(CaseSummary::of);
  }
}
