package org.gongyu.school.homevisit;

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

/** Contacts with families and home-visit files, as the school records them. */
@Tag(name = "Home visits · 家访", description = "Home contacts and home-visit files · 家校联系与家访档案")
@RestController
class HomeVisitController {

  private final HomeContacts contacts;
  private final HomeVisitFiles files;
  private final CityCalendar calendar;

  HomeVisitController(HomeContacts contacts, HomeVisitFiles files, CityCalendar calendar) {
    this.calendar = calendar;
    this.contacts = contacts;
    this.files = files;
  }

  @Operation(summary = "Record home contacts (batch)", description = "批量上报家校联系记录。按 externalId 幂等，每批最多 5000 条。")
  @PostMapping("/api/school/schools/{schoolId}/home-contacts")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse contacts(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @Valid @RequestBody HomeContactBatch batch) {
    return response(contacts.ingest(schoolId, batch));
  }

  @Operation(summary = "Record home-visit files (batch)", description = "批量上报学生家访档案。按 externalId 幂等，每批最多 5000 条。")
  @PostMapping("/api/school/schools/{schoolId}/home-visit-files")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse files(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @Valid @RequestBody HomeVisitFileBatch batch) {
    return response(files.ingest(schoolId, batch));
  }

  private static final String ID = "[A-Za-z0-9-]{1,40}";
  private static final String EXTERNAL_ID = "[A-Za-z0-9._:-]{1,100}";

  /** A contact as the school reads it back: no student. */
  record ContactResponse(String externalId, String classId, LocalDate date, String mode, boolean priority) {
    static ContactResponse of(HomeContacts.View v) {
      return new ContactResponse(v.externalId(), v.classId(), v.date(), v.mode(), v.priority());
    }
  }

  /** The answer to a PUT of one contact: the contact and the figures it touched. */
  record ContactSaved(String externalId, String classId, LocalDate date, String mode, boolean priority,
      List<SnapshotFigure> snapshots) {}

  @Operation(summary = "Record or correct one home contact", description = "按 externalId 单独记录（201）或更正（200）一条家校联系记录；更正须填写原因（reason）。内容相同的重复请求不做更改。")
  @PutMapping("/api/school/schools/{schoolId}/home-contacts/{externalId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<ContactSaved>> putContact(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId, @Valid @RequestBody HomeContactItemRequest request) {
    HomeContacts.Saved saved = contacts.put(schoolId, externalId, request);
    HomeContacts.View v = saved.item();
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(new ContactSaved(v.externalId(), v.classId(), v.date(), v.mode(), v.priority(),
            saved.snapshots().stream().map(SnapshotFigure::of).toList()), saved.version()));
  }

  @Operation(summary = "List the home contacts of a semester", description = "列出某学期（如 2026-2027-1）的家校联系记录（不含学生编号），可按班级筛选；已撤回的记录以“已撤回”状态列出。")
  @GetMapping("/api/school/schools/{schoolId}/home-contacts")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<ContactResponse>> listContacts(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String semester,
      @RequestParam(required = false) @Pattern(regexp = ID) String classId) {
    Period period;
    try {
      period = calendar.parse(PeriodType.SEMESTER, semester);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("semester", e));
    }
    return contacts.list(schoolId, period.start(calendar.calendar()), period.endExclusive(calendar.calendar()), classId).stream()
        .map(t -> t.map(ContactResponse::of)).toList();
  }

  @Operation(summary = "Read one home contact", description = "读取一条家校联系记录（不含学生编号）；已撤回的以“已撤回”状态返回。")
  @GetMapping("/api/school/schools/{schoolId}/home-contacts/{externalId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<ContactResponse> oneContact(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId) {
    return contacts.read(schoolId, externalId).map(t -> t.map(ContactResponse::of))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.record.unknown", externalId)));
  }

  @Operation(summary = "Withdraw one home contact", description = "撤回一条家校联系记录（须填写原因）：不再计入指标，记录仍以“已撤回”状态可读；批量重发该条不会重新记录；已撤回时返回 409。")
  @PostMapping("/api/school/schools/{schoolId}/home-contacts/{externalId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<ContactResponse> withdrawContact(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId, @Valid @RequestBody WithdrawalRequest request) {
    return contacts.withdraw(schoolId, externalId, request.reason().strip()).map(ContactResponse::of);
  }

  @Operation(summary = "The trail of one home contact", description = "一条家校联系记录的全部版本（不含学生编号），按时间先后排列；仅本校用户可读。")
  @GetMapping("/api/school/schools/{schoolId}/home-contacts/{externalId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> contactHistory(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = EXTERNAL_ID) String externalId) {
    return contacts.history(schoolId, externalId);
  }

  private static BatchResponse response(BatchOutcome o) {
    return new BatchResponse(o.received(), o.accepted(), o.alreadyRecorded(),
        o.snapshots().stream().map(SnapshotFigure::of).toList());
  }
}
