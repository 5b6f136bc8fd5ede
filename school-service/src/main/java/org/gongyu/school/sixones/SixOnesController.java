package org.gongyu.school.sixones;

import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.records.WithdrawalRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.security.Rules;
import org.gongyu.school.studentrecords.BatchResponse;
import org.gongyu.school.studentrecords.SnapshotFigure;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Six-ones participations, as the school records them. */
@Tag(name = "Six ones · 六个一", description = "Six-ones activity participation of a school's students · 学生参与“六个一”活动的记录")
@RestController
class SixOnesController {

  private final SixOnesParticipations participations;
  private final CityCalendar calendar;

  SixOnesController(SixOnesParticipations participations, CityCalendar calendar) {
    this.calendar = calendar;
    this.participations = participations;
  }

  @Operation(summary = "Record six-ones participation (batch)", description = "批量上报本校学生参与“六个一”活动的记录。按 externalId 幂等：相同内容重复提交不会重复记录，内容不同则整批拒绝（409）。每批最多 5000 条。")
  @PostMapping("/api/school/schools/{schoolId}/six-ones")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse record(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @Valid @RequestBody SixOnesBatch batch) {
    SixOnesParticipations.Outcome o = participations.ingest(schoolId, batch);
    return new BatchResponse(o.received(), o.accepted(), o.alreadyRecorded(),
        o.snapshots().stream().map(SnapshotFigure::of).toList());
  }

  private static final String ID = "[A-Za-z0-9-]{1,40}";
  private static final String EXTERNAL_ID = "[A-Za-z0-9._:-]{1,100}";

  /** A participation as the school reads it back: no student. */
  record ItemResponse(String externalId, String classId, String activity, LocalDate date) {
    static ItemResponse of(SixOnesParticipations.View v) {
      return new ItemResponse(v.externalId(), v.classId(), v.activity(), v.date());
    }
  }

  /** The answer to a PUT of one item: the item and the figures it touched. */
  record ItemSaved(String externalId, String classId, String activity, LocalDate date, List<SnapshotFigure> snapshots) {}

  @Operation(summary = "Record or correct one six-ones participation", description = "按 externalId 单独记录（201）或更正（200）一条“六个一”参与记录；更正须填写原因（reason）。内容相同的重复请求不做更改。")
  @PutMapping("/api/school/schools/{schoolId}/six-ones/{externalId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<ItemSaved>> put(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId, @Valid @RequestBody SixOnesItemRequest request) {
    SixOnesParticipations.Saved saved = participations.put(schoolId, externalId, request);
    SixOnesParticipations.View v = saved.item();
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(new ItemSaved(v.externalId(), v.classId(), v.activity(), v.date(),
            saved.snapshots().stream().map(SnapshotFigure::of).toList()), saved.version()));
  }

  @Operation(summary = "List the six-ones participations of a school year", description = "列出某学年（如 2026-2027）的“六个一”参与记录（不含学生编号），可按班级筛选；已撤回的记录以“已撤回”状态列出。")
  @GetMapping("/api/school/schools/{schoolId}/six-ones")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<ItemResponse>> list(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String schoolYear,
      @RequestParam(required = false) @Pattern(regexp = ID) String classId) {
    Period year;
    try {
      year = calendar.parse(PeriodType.SCHOOL_YEAR, schoolYear);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("schoolYear", e));
    }
    return participations.list(schoolId, year.start(calendar.calendar()), year.endExclusive(calendar.calendar()), classId).stream()
        .map(t -> t.map(ItemResponse::of)).toList();
  }

  @Operation(summary = "Read one six-ones participation", description = "读取一条“六个一”参与记录（不含学生编号）；已撤回的以“已撤回”状态返回。")
  @GetMapping("/api/school/schools/{schoolId}/six-ones/{externalId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<ItemResponse> one(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId) {
    return participations.read(schoolId, externalId).map(t -> t.map(ItemResponse::of))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.record.unknown", externalId)));
  }

  @Operation(summary = "Withdraw one six-ones participation", description = "撤回一条“六个一”参与记录（须填写原因）：不再计入指标，记录仍以“已撤回”状态可读；批量重发该条不会重新记录；已撤回时返回 409。")
  @PostMapping("/api/school/schools/{schoolId}/six-ones/{externalId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<ItemResponse> withdraw(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId, @Valid @RequestBody WithdrawalRequest request) {
    return participations.withdraw(schoolId, externalId, request.reason().strip()).map(ItemResponse::of);
  }

  @Operation(summary = "The trail of one six-ones participation", description = "一条“六个一”参与记录的全部版本（不含学生编号），按时间先后排列；仅本校用户可读。")
  @GetMapping("/api/school/schools/{schoolId}/six-ones/{externalId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> history(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId) {
    return participations.history(schoolId, externalId);
  }
}
