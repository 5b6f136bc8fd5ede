package org.gongyu.school.openschool;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Period;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.records.WithdrawalRequest;
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

/** Open-school events of one school: its own users only (a parent's key never leaves, and is never answered). */
@Tag(name = "Open schooling · 学校开放办学", description = "Parent meetings, open days, parents into the classroom, the parents' lecture hall and other open-school events · 家长会、开放日、家长进课堂、父母大讲堂等开放办学活动")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/open-school-events")
class OpenSchoolController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final OpenSchoolEvents events;
  private final CityCalendar calendar;

  OpenSchoolController(OpenSchoolEvents events, CityCalendar calendar) {
    this.events = events;
    this.calendar = calendar;
  }

  @Operation(summary = "Record or correct an open-school event", description = "记录（201）或更正（200，须填写 reason）一次开放办学活动：家长会、开放日、家长接待日、家长进课堂（须填班级和家长职业）、父母大讲堂、劳模/榜样进校园、线上主题活动。不填 classId 即全校活动。家长进课堂的家长编号 parentRef 只以假名密钥保存，不会返回。")
  @PutMapping("/{eventId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<OpenSchoolEvent>> put(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String eventId, @Valid @RequestBody OpenSchoolEventRequest request) {
    OpenSchoolEvents.Saved saved = events.put(schoolId, eventId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(saved.event(), saved.version()));
  }

  @Operation(summary = "Withdraw an open-school event", description = "撤回一次开放办学活动（须填写原因）：不再计入指标，记录仍以“已撤回”状态可读；已撤回时返回 409。")
  @PostMapping("/{eventId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<OpenSchoolEvent> withdraw(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String eventId, @Valid @RequestBody WithdrawalRequest request) {
    return events.withdraw(schoolId, eventId, request.reason().strip());
  }

  @Operation(summary = "The trail of an open-school event", description = "一次开放办学活动的全部版本，按时间先后排列；仅本校用户可读。")
  @GetMapping("/{eventId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> history(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String eventId) {
    return events.history(schoolId, eventId);
  }

  @Operation(summary = "Read an open-school event", description = "读取一次开放办学活动（含已撤回的）。")
  @GetMapping("/{eventId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<OpenSchoolEvent> get(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String eventId) {
    return events.read(schoolId, eventId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.open-school-event.unknown", eventId, schoolId)));
  }

  @Operation(summary = "List the open-school events of a semester or school year", description = "列出某学期（semester，如 2026-2027-1）或某学年（schoolYear，如 2026-2027）内的开放办学活动，可按班级（classId）和类型（type）筛选；先列有效记录，再列已撤回的。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<OpenSchoolEvent>> list(@PathVariable @Pattern(regexp = ID) String schoolId,
      @RequestParam(required = false) String semester, @RequestParam(required = false) String schoolYear,
      @RequestParam(required = false) @Pattern(regexp = ID) String classId,
      @RequestParam(required = false) OpenSchoolEvent.Type type) {
    Period period = ListPeriod.of(calendar, semester, schoolYear);
    LocalDate start = period.start(calendar.calendar());
    return events.list(schoolId, start, period.endExclusive(calendar.calendar()), classId, type);
  }
}
