package org.gongyu.school.homevisit;

import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import jakarta.servlet.http.HttpServletRequest;
import org.gongyu.school.privacy.SensitiveReads;
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
  private final SensitiveReads reads;

  HomeVisitController(HomeContacts contacts, HomeVisitFiles files, CityCalendar calendar, SensitiveReads reads) {
    this.reads = reads;
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

  /**
   * The answer to a batch of files: the batch's counts and figures, and the id of each item's file in
   * the batch's order (the file id addresses the file from then on; the student is never answered).
   *
   * @param fileIds the file of {@code files[i]} (new, already recorded, or the withdrawn file it repeats)
   */
  record FileBatchResponse(int received, int accepted, int alreadyRecorded, List<SnapshotFigure> snapshots,
      List<String> fileIds) {}

  @Operation(summary = "Record home-visit files (batch)", description = "批量上报学生家访档案（一人一档）。按学生幂等：同一学生内容相同的档案视为已记录，"
      + "开档日期或班级不同则返回 409；已撤回的档案重发视为已记录，不会重新记录。每批最多 5000 条。"
      + "应答按请求顺序给出每条对应的档案编号（fileId），此后以该编号查阅、更正或撤回；应答不含学生编号。")
  @PostMapping("/api/school/schools/{schoolId}/home-visit-files")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  FileBatchResponse files(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @Valid @RequestBody HomeVisitFileBatch batch) {
    HomeVisitFiles.Ingested in = files.ingest(schoolId, batch);
    BatchOutcome o = in.outcome();
    return new FileBatchResponse(o.received(), o.accepted(), o.alreadyRecorded(),
        o.snapshots().stream().map(SnapshotFigure::of).toList(), in.fileIds());
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

  // ---------------------------------------------------------------- home-visit files one at a time

  private static final String FILE_ID = "[A-Za-z0-9-]{1,40}";

  /** A file as the school reads it back: its id, class and opening day; never the student. */
  record FileResponse(String fileId, String classId, LocalDate openedOn) {
    static FileResponse of(HomeVisitFiles.View v) {
      return new FileResponse(v.fileId(), v.classId(), v.openedOn());
    }
  }

  /** The answer to a PUT of one file: the file and the figures it touched. */
  record FileSaved(String fileId, String classId, LocalDate openedOn, List<SnapshotFigure> snapshots) {}

  @Operation(summary = "List the home-visit files of a school year (recorded)",
      description = "列出某学年（如 2026-2027）开档的学生家访档案：档案编号、班级、开档日期和状态（不含学生编号），可按班级筛选；"
          + "已撤回的档案以“已撤回”状态列出。每次查阅均记录（目的可选：请求头 X-Purpose 或参数 purpose）。")
  @GetMapping("/api/school/schools/{schoolId}/home-visit-files")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<FileResponse>> listFiles(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String schoolYear,
      @RequestParam(required = false) @Pattern(regexp = ID) String classId, HttpServletRequest request) {
    Period year;
    try {
      year = calendar.parse(PeriodType.SCHOOL_YEAR, schoolYear);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("schoolYear", e));
    }
    SensitiveReads.Purpose purpose = reads.purpose(request, false);
    List<Tracked<FileResponse>> list = files.list(schoolId, year, classId).stream().map(t -> t.map(FileResponse::of)).toList();
    reads.recordList(schoolId, SensitiveReads.Family.HOME_VISIT_FILE,
        "schoolYear=" + schoolYear + (classId == null ? "" : "&classId=" + classId), purpose);
    return list;
  }

  @Operation(summary = "Read one home-visit file (purpose required, recorded)",
      description = "按档案编号读取一份学生家访档案（不含学生编号）。须以请求头 X-Purpose 或参数 purpose 说明目的（FOLLOW_UP 家访跟进、"
          + "COUNSELLING 个案辅导、STATISTICS_CHECK 统计核对、OTHER 其他），缺少则 400；每次查阅均记录查阅人、角色、时间和目的。"
          + "已撤回的档案以“已撤回”状态返回。")
  @GetMapping("/api/school/schools/{schoolId}/home-visit-files/{fileId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<FileResponse> oneFile(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = FILE_ID) String fileId, HttpServletRequest request) {
    SensitiveReads.Purpose purpose = reads.purpose(request, true);
    Tracked<FileResponse> file = files.read(schoolId, fileId).map(t -> t.map(FileResponse::of))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.home-visit-file.not-found", fileId)));
    reads.recordOne(schoolId, SensitiveReads.Family.HOME_VISIT_FILE, fileId, purpose);
    return file;
  }

  @Operation(summary = "Correct one home-visit file",
      description = "按档案编号更正一份家访档案的班级或开档日期（200），须填写原因（reason）；内容相同的重复请求不做更改。"
          + "班级须为开档日期所在学年的本校班级，开档日期不得晚于今天，班级建档学生数不得超过班级人数（与批量上报的检查相同，否则 422）。"
          + "学生不能更改（请求含 studentRef 时返回 400）：如学生有误，请撤回该档案后重新上报。已撤回的档案返回 409。")
  @PutMapping("/api/school/schools/{schoolId}/home-visit-files/{fileId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<FileSaved> putFile(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = FILE_ID) String fileId, @Valid @RequestBody HomeVisitFileRequest request) {
    HomeVisitFiles.Saved saved = files.correct(schoolId, fileId, request);
    HomeVisitFiles.View v = saved.file();
    return Tracked.active(new FileSaved(v.fileId(), v.classId(), v.openedOn(),
        saved.snapshots().stream().map(SnapshotFigure::of).toList()), saved.version());
  }

  @Operation(summary = "Withdraw one home-visit file",
      description = "撤回一份家访档案（须填写原因）：不再计入指标，档案（不含学生编号）仍以“已撤回”状态可读；"
          + "批量重发该学生相同内容的档案视为已记录，不会重新记录；已撤回时返回 409。")
  @PostMapping("/api/school/schools/{schoolId}/home-visit-files/{fileId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<FileResponse> withdrawFile(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = FILE_ID) String fileId, @Valid @RequestBody WithdrawalRequest request) {
    return files.withdraw(schoolId, fileId, request.reason().strip()).map(FileResponse::of);
  }

  @Operation(summary = "The trail of one home-visit file",
      description = "一份家访档案的全部版本（档案编号、班级、开档日期，不含学生编号），按时间先后排列；仅本校用户可读。")
  @GetMapping("/api/school/schools/{schoolId}/home-visit-files/{fileId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> fileHistory(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = FILE_ID) String fileId) {
    return files.history(schoolId, fileId);
  }

  private static BatchResponse response(BatchOutcome o) {
    return new BatchResponse(o.received(), o.accepted(), o.alreadyRecorded(),
        o.snapshots().stream().map(SnapshotFigure::of).toList());
  }
}
