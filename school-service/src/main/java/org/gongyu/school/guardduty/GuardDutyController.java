package org.gongyu.school.guardduty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
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

/** Guard-duty members and duties of one school: its own users only; members shown by kind and member id. */
@Tag(name = "School-guard duty · 护学岗", description = "Members who stand guard at the gate and the duty roster · 护学岗成员与值守安排")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/guard-duty")
class GuardDutyController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final GuardDutyRoster roster;
  private final CityCalendar calendar;

  GuardDutyController(GuardDutyRoster roster, CityCalendar calendar) {
    this.roster = roster;
    this.calendar = calendar;
  }

  /** The semester's first day and end, for the lists. */
  private LocalDate[] semester(String semester) {
    try {
      var p = calendar.parse(org.gongyu.contracts.period.PeriodType.SEMESTER, semester);
      return new LocalDate[] {p.start(calendar.calendar()), p.endExclusive(calendar.calendar())};
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("semester", e));
    }
  }

  @Operation(summary = "Record or correct a guard-duty member", description = "记录（201）或更正（200，须填写 reason）一名护学岗成员：类型（保安、教师、家长）、加入日期、家长是否自愿、退出日期。personRef 只以假名密钥保存，不会返回；成员以类型和本校成员编号显示。退出日期早于其已排值守时返回 409。")
  @PutMapping("/members/{memberId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<GuardMember>> putMember(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String memberId, @Valid @RequestBody GuardMemberRequest request) {
    GuardDutyRoster.Saved<GuardMember> saved = roster.putMember(schoolId, memberId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(Tracked.active(saved.record(), saved.version()));
  }

  @Operation(summary = "Withdraw a guard-duty member", description = "撤回一名护学岗成员（须填写原因）；仍有值守安排时返回 409，已撤回时返回 409。")
  @PostMapping("/members/{memberId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<GuardMember> withdrawMember(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String memberId, @Valid @RequestBody WithdrawalRequest request) {
    return roster.withdrawMember(schoolId, memberId, request.reason().strip());
  }

  @Operation(summary = "The trail of a guard-duty member", description = "一名护学岗成员记录的全部版本（不含其身份信息）。")
  @GetMapping("/members/{memberId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> memberHistory(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String memberId) {
    return roster.memberHistory(schoolId, memberId);
  }

  @Operation(summary = "List the guard-duty members", description = "列出本校护学岗成员，可按类型（kind）筛选；先列有效记录，再列已撤回的。")
  @GetMapping("/members")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<GuardMember>> members(@PathVariable @Pattern(regexp = ID) String schoolId,
      @RequestParam(required = false) GuardMember.Kind kind) {
    return roster.members(schoolId, kind);
  }

  @Operation(summary = "Record or correct a guard duty", description = "记录（201）或更正（200，须填写 reason）一次护学岗值守：日期、时段（ARRIVAL 上学、DISMISSAL 放学）、值守成员（至少一人）。成员不存在或重复列出返回 422；成员当天不在岗（未加入或已退出）或已在同一日期同一时段的其他值守中返回 409。")
  @PutMapping("/duties/{dutyId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<GuardDuty>> putDuty(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String dutyId, @Valid @RequestBody GuardDutyRequest request) {
    GuardDutyRoster.Saved<GuardDuty> saved = roster.putDuty(schoolId, dutyId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(Tracked.active(saved.record(), saved.version()));
  }

  @Operation(summary = "Withdraw a guard duty", description = "撤回一次护学岗值守（须填写原因）；已撤回时返回 409。")
  @PostMapping("/duties/{dutyId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<GuardDuty> withdrawDuty(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String dutyId, @Valid @RequestBody WithdrawalRequest request) {
    return roster.withdrawDuty(schoolId, dutyId, request.reason().strip());
  }

  @Operation(summary = "The trail of a guard duty", description = "一次护学岗值守的全部版本。")
  @GetMapping("/duties/{dutyId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> dutyHistory(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String dutyId) {
    return roster.dutyHistory(schoolId, dutyId);
  }

  @Operation(summary = "List the guard duties of a semester", description = "列出某学期（如 2026-2027-1）的护学岗值守安排，按日期和时段排序。")
  @GetMapping("/duties")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<GuardDuty>> duties(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String semester) {
    LocalDate[] s = semester(semester);
    return roster.duties(schoolId, s[0], s[1]);
  }

  @Operation(summary = "Guard-duty coverage of a semester", description = "某学期的护学岗统计：有值守的天数、上学和放学两个时段都有值守的天数、值守次数、学期最后一天在岗成员按类型的人数。")
  @GetMapping("/coverage")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  GuardDutyRoster.Coverage coverage(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String semester) {
    LocalDate[] s = semester(semester);
    return roster.coverage(schoolId, s[0], s[1]);
  }
}
