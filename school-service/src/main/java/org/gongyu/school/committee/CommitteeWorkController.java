package org.gongyu.school.committee;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.security.Rules;
import org.gongyu.school.committee.CommitteeWork.ActivityView;
import org.gongyu.school.committee.CommitteeWork.DeclarationView;
import org.gongyu.school.committee.CommitteeWork.ElectionView;
import org.gongyu.school.committee.CommitteeWork.MemberView;
import org.gongyu.school.committee.CommitteeWorkRequests.ActivityRequest;
import org.gongyu.school.committee.CommitteeWorkRequests.DeclarationRequest;
import org.gongyu.school.committee.CommitteeWorkRequests.DepartureRequest;
import org.gongyu.school.committee.CommitteeWorkRequests.ElectionRequest;
import org.gongyu.school.committee.CommitteeWorkRequests.MemberRequest;
import org.gongyu.school.records.Tracked;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A committee's members, elections, activities and fee-ban declarations. Member lists are personal
 * data of parents: they are read by the school's own users only and never leave the school; no
 * answer carries a parent's reference or its key.
 */
@Tag(name = "Parent committee work · 家委会委员、选举与活动",
    description = "Members, elections, activities and fee-ban declarations of a parent committee · 家长委员会的委员、选举、活动和不收费声明")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/committees/{committeeId}")
class CommitteeWorkController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final CommitteeWork work;
  private final ParentCommittees committees;

  CommitteeWorkController(CommitteeWork work, ParentCommittees committees) {
    this.work = work;
    this.committees = committees;
  }

  /** A committee with everything it did, as its detail page shows it. */
  record CommitteeDetail(CommitteeController.CommitteeResponse committee, boolean inTerm, String schoolYear,
      DeclarationView feeBanDeclaration, List<MemberView> members, List<ElectionView> elections, List<ActivityView> activities,
      List<DeclarationView> declarations) {}

  @Operation(summary = "A committee with its members, elections, activities and declarations",
      description = "一个家长委员会的详情：任期（今天是否在任期内）、委员（职务、班级、任期；不含家长编号）、选举、活动，以及本学年的不收费声明（未声明时为空）。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  CommitteeDetail detail(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String committeeId) {
    ParentCommittees.Committee c = work.requireCommittee(schoolId, committeeId);
    String year = work.currentSchoolYear();
    List<DeclarationView> declarations = work.declarations(schoolId, committeeId);
    LocalDate today = work.today();
    return new CommitteeDetail(CommitteeController.CommitteeResponse.of(c), c.inTermOn(today), year,
        declarations.stream().filter(d -> d.schoolYear().equals(year)).findFirst().orElse(null),
        work.members(schoolId, committeeId), work.elections(schoolId, committeeId), work.activities(schoolId, committeeId), declarations);
  }

  @Operation(summary = "Record or correct a committee member",
      description = "直接记录（201）或更正（200）一名委员（如使用本平台之前选出的委员）；选举产生的委员由选举记录自动写入。parentRef 为家长在本校的编号，"
          + "仅保存其密钥哈希，任何应答都不返回；同一家长在同一委员会只能有一个在任记录（422）。任期至多 3 年且不晚于委员会任期（422）；已解散的委员会不能新增委员（409）。")
  @PutMapping("/members/{memberId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<MemberView>> putMember(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String committeeId, @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,50}") String memberId,
      @Valid @RequestBody MemberRequest request) {
    CommitteeWork.Saved<MemberView> saved = work.putMember(schoolId, committeeId, memberId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(Tracked.active(saved.record(), saved.version()));
  }

  @Operation(summary = "A member leaves the committee", description = "记录委员离任（日期和原因）；已离任时返回 409。")
  @PostMapping("/members/{memberId}/departure")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<MemberView> depart(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String committeeId,
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,50}") String memberId, @Valid @RequestBody DepartureRequest request) {
    return work.depart(schoolId, committeeId, memberId, request);
  }

  @Operation(summary = "The committee's members", description = "委员会的委员（在任的在前）：职务、班级、任期、是否连任、离任日期和原因；不含家长编号。")
  @GetMapping("/members")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<MemberView> members(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String committeeId) {
    return work.members(schoolId, committeeId);
  }

  @Operation(summary = "Record an election",
      description = "记录一次选举（201；内容相同的重复请求返回 200，编号已用于其他内容时 409）。差额（COMPETITIVE）须候选人多于名额，等额（NON_COMPETITIVE）须候选人等于名额，"
          + "当选人数不得超过名额（422）。班级家委会由全体家长选举，年级家委会由班级家委会代表选举，校级家委会由班级或年级家委会代表选举（422）。"
          + "换届（GENERAL）开始新一届任期（默认选举日起 3 年，至多 3 年），未连任的委员任期届满；补选（BY_ELECTION）只在本届任期内进行，不改变任期，"
          + "每个委员会每学年至多一次（409）；已解散的委员会不能选举（409）。")
  @PutMapping("/elections/{electionId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<ElectionView> putElection(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String committeeId, @PathVariable @Pattern(regexp = ID) String electionId,
      @Valid @RequestBody ElectionRequest request) {
    CommitteeWork.Saved<ElectionView> saved = work.putElection(schoolId, committeeId, electionId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.record());
  }

  @Operation(summary = "The committee's elections", description = "委员会的选举，按日期排列；候选人只显示班级、职务、是否当选、票数和委员编号。")
  @GetMapping("/elections")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<ElectionView> elections(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String committeeId) {
    return work.elections(schoolId, committeeId);
  }

  @Operation(summary = "Record or correct a committee activity",
      description = "记录（201）或更正（200，须填写原因）一次家委会活动：意见建议、监督、志愿服务、家长接待日、家长听证会、会议、培训、联合表彰；只记录参加人数，不记录参加者。")
  @PutMapping("/activities/{activityId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<ActivityView>> putActivity(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String committeeId, @PathVariable @Pattern(regexp = ID) String activityId,
      @Valid @RequestBody ActivityRequest request) {
    CommitteeWork.Saved<ActivityView> saved = work.putActivity(schoolId, committeeId, activityId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(Tracked.active(saved.record(), saved.version()));
  }

  @Operation(summary = "The committee's activities", description = "委员会的活动，按日期排列。")
  @GetMapping("/activities")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<ActivityView> activities(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String committeeId) {
    return work.activities(schoolId, committeeId);
  }

  @Operation(summary = "Record the school year's fee-ban declaration",
      description = "记录本学年“严禁以家长委员会名义向家长收取任何费用”的声明（201；相同内容重复请求 200，已记录其他内容时 409）。声明日期须在该学年内。")
  @PutMapping("/declarations/{schoolYear}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<DeclarationView> putDeclaration(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String committeeId, @PathVariable @Pattern(regexp = "\\d{4}-\\d{4}") String schoolYear,
      @Valid @RequestBody DeclarationRequest request) {
    CommitteeWork.Saved<DeclarationView> saved = work.putDeclaration(schoolId, committeeId, schoolYear, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.record());
  }

  @Operation(summary = "The committee's fee-ban declarations", description = "委员会各学年的不收费声明。")
  @GetMapping("/declarations")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<DeclarationView> declarations(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String committeeId) {
    work.requireCommittee(schoolId, committeeId);
    return work.declarations(schoolId, committeeId);
  }
}
