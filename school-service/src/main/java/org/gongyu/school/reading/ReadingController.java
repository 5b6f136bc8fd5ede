package org.gongyu.school.reading;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
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

/** Reading campaigns and check-ins of one school: its own users only; students never answered back. */
@Tag(name = "Parent–child reading · 亲子共读", description = "Class reading campaigns (21-day check-in) and students' daily check-ins · 班级亲子共读活动（21 天打卡）与学生每日打卡")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/reading-campaigns")
class ReadingController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final ReadingCampaigns campaigns;
  private final CityCalendar calendar;

  ReadingController(ReadingCampaigns campaigns, CityCalendar calendar) {
    this.campaigns = campaigns;
    this.calendar = calendar;
  }

  @Operation(summary = "Record or correct a class reading campaign", description = "记录（201）或更正（200，须填写 reason）一个班级亲子共读活动：开始日期、天数（默认 21）、每日目标分钟数（20–30，默认 20）。更正后的时间窗外若已有打卡则返回 409。")
  @PutMapping("/{campaignId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<ReadingCampaign>> put(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String campaignId, @Valid @RequestBody ReadingCampaignRequest request) {
    ReadingCampaigns.Saved saved = campaigns.put(schoolId, campaignId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(saved.campaign(), saved.version()));
  }

  @Operation(summary = "Withdraw a reading campaign", description = "撤回一个亲子共读活动（须填写原因）并删除其打卡记录；活动仍以“已撤回”状态可读；已撤回时返回 409。")
  @PostMapping("/{campaignId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<ReadingCampaign> withdraw(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String campaignId, @Valid @RequestBody WithdrawalRequest request) {
    return campaigns.withdraw(schoolId, campaignId, request.reason().strip());
  }

  @Operation(summary = "The trail of a reading campaign", description = "一个亲子共读活动的全部版本，按时间先后排列。")
  @GetMapping("/{campaignId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> history(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String campaignId) {
    return campaigns.history(schoolId, campaignId);
  }

  @Operation(summary = "Read a reading campaign", description = "读取一个亲子共读活动（含已撤回的）。")
  @GetMapping("/{campaignId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<ReadingCampaign> get(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String campaignId) {
    return campaigns.read(schoolId, campaignId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.reading-campaign.unknown", campaignId, schoolId)));
  }

  @Operation(summary = "List the reading campaigns ending in a semester", description = "列出最后一天在某学期（如 2026-2027-1）内的亲子共读活动，可按班级筛选。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<ReadingCampaign>> list(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String semester,
      @RequestParam(required = false) @Pattern(regexp = ID) String classId) {
    Period period;
    try {
      period = calendar.parse(PeriodType.SEMESTER, semester);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("semester", e));
    }
    return campaigns.list(schoolId, period.start(calendar.calendar()), period.endExclusive(calendar.calendar()), classId);
  }

  @Operation(summary = "Record students' check-ins", description = "记录一个活动的学生打卡（全部成功或全部不保存）：每名学生每天一条，同一学生同一天再次打卡即替换分钟数，不重复计数。日期在活动时间外或晚于今天返回 422。学生编号只以假名密钥保存，不会返回；应答只有计数。")
  @PostMapping("/{campaignId}/check-ins")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ReadingCampaigns.CheckInOutcome checkIn(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String campaignId, @Valid @RequestBody CheckInBatch batch) {
    return campaigns.checkIn(schoolId, campaignId, batch);
  }

  @Operation(summary = "A campaign's counts", description = "一个活动的统计：参加打卡的学生数、每天都打卡的学生数、打卡次数、每天打卡的学生数；不含学生信息。")
  @GetMapping("/{campaignId}/summary")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ReadingCampaigns.Summary summary(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String campaignId) {
    return campaigns.summary(schoolId, campaignId);
  }
}
