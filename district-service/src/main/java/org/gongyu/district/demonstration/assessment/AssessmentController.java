package org.gongyu.district.demonstration.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.gongyu.district.demonstration.Application;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Steps 5 to 7 of an application: the panel, assignments and declarations, the file, scoring,
 * consensus and the decision. County admins run it; an assessor acts only for themself, as the
 * username of their token (the endpoint checks it against the assignment: 403 otherwise).
 */
@Tag(name = "Demonstration assessment · 示范校评审", description = "Assessors, assignments, scores, consensus and decision · 评审专家、分派、评分、合议与结论")
@RestController
@RequestMapping("/api/district/counties/{countyId}/demonstration")
class AssessmentController {

  static final String ID = "[A-Za-z0-9-]{1,40}";
  /** Keycloak usernames (stored in lower case). */
  static final String USERNAME = "[a-z0-9][a-z0-9._@-]{0,99}";
  static final String CODE = "[A-Za-z0-9._-]{1,40}";

  private final AssessorService assessors;
  private final AssignmentService assignments;
  private final ScoringService scoring;
  private final DecisionService decisions;

  AssessmentController(AssessorService assessors, AssignmentService assignments, ScoringService scoring, DecisionService decisions) {
    this.assessors = assessors;
    this.assignments = assignments;
    this.scoring = scoring;
    this.decisions = decisions;
  }

  // ---- panel

  /** 201 new, 200 unchanged or changed (version + 1). */
  @Operation(summary = "Register or update an assessor", description = "登记（201）或更新（200，版本号加 1）区县的一名评审专家及其所在学校；内容不变时返回 200。")
  @PutMapping("/assessors/{username}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<AssessorResponse> putAssessor(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = USERNAME) String username,
      @Valid @RequestBody PutAssessorRequest body) {
    AssessorService.Upserted result = assessors.put(countyId, username, body);
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(AssessorResponse.of(result.row(), assessors.openAssignments(countyId).getOrDefault(username, List.of())));
  }

  @Operation(summary = "List the county's assessors", description = "列出区县的评审专家（已移出的不列出），含每人尚未结束的评审任务。")
  @GetMapping("/assessors")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<AssessorResponse> assessors(@PathVariable @Pattern(regexp = ID) String countyId) {
    Map<String, List<UUID>> open = assessors.openAssignments(countyId);
    return assessors.list(countyId).stream().map(r -> AssessorResponse.of(r, open.getOrDefault(r.username(), List.of()))).toList();
  }

  /** 204; 404 not on the panel; 409 while on an open round. */
  @Operation(summary = "Remove an assessor from the panel", description = "将评审专家移出区县专家库（204）。该专家仍在已自评或评审中的申报上（已分派或已声明无冲突）时返回 409；已结束轮次的记录保留。")
  @DeleteMapping("/assessors/{username}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<Void> removeAssessor(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable @Pattern(regexp = USERNAME) String username) {
    assessors.remove(countyId, username);
    return ResponseEntity.noContent().build();
  }

  // ---- assignments and declarations

  @Operation(summary = "Assign an assessor to an application", description = "为一份申报分派评审专家（201）。专家不得评审本人所在学校的申报（回避）；状态不允许时返回 409。")
  @PostMapping("/applications/{applicationId}/assignments")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<AssignmentResponse> assign(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable UUID applicationId,
      @Valid @RequestBody AssignRequest body,
      Authentication authentication) {
    AssignmentRow row = assignments.assign(countyId, applicationId, body.assessor(), caller(authentication));
    return ResponseEntity.created(URI.create("/api/district/counties/" + countyId + "/demonstration/applications/" + applicationId
        + "/assignments/" + row.assessor())).body(AssignmentResponse.of(row));
  }

  @Operation(summary = "Declare no conflict of interest", description = "评审专家对所分派的申报作无利益冲突声明，声明后方可查看材料和评分。")
  @PostMapping("/applications/{applicationId}/assignments/{assessor}/declaration")
  @PreAuthorize(Rules.COUNTY_ASSESSOR + Rules.OF_COUNTY)
  AssignmentResponse declare(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable UUID applicationId,
      @PathVariable @Pattern(regexp = USERNAME) String assessor,
      @Valid @RequestBody DeclarationRequest body,
      Authentication authentication) {
    return AssignmentResponse.of(assignments.declare(countyId, applicationId, assessor, body, caller(authentication)));
  }

  @Operation(summary = "My scores of an application", description = "评审专家本人在当前轮次的评分（含未提交的草稿），按指标代码排序；"
      + "须为已分派且已声明无利益冲突的专家。评审开始前为空。")
  @GetMapping("/applications/{applicationId}/scores/mine")
  @PreAuthorize(Rules.COUNTY_ASSESSOR + Rules.OF_COUNTY)
  List<ScoreResponse> myScores(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID applicationId, Authentication authentication) {
    return scoring.myScores(countyId, applicationId, caller(authentication));
  }

  @Operation(summary = "My assignments", description = "评审专家本人在本区县的全部评审分派：学校、轮次、分派状态、申报状态及当前待办"
      + "（DECLARE 声明、WAIT 等待开始、SCORE 评分、NONE 无）；待办在前，其次按分派时间从新到旧。")
  @GetMapping("/my-assignments")
  @PreAuthorize(Rules.COUNTY_ASSESSOR + Rules.OF_COUNTY)
  List<MyAssignmentResponse> myAssignments(@PathVariable @Pattern(regexp = ID) String countyId, Authentication authentication) {
    return assignments.mine(countyId, caller(authentication));
  }

  @Operation(summary = "Read the application file", description = "评审专家（已分派并声明）或区县管理员读取申报材料：学校自评及佐证。")
  @GetMapping("/applications/{applicationId}/file")
  @PreAuthorize(Rules.COUNTY_STAFF + Rules.OF_COUNTY)
  FileResponse file(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID applicationId, Authentication authentication) {
    return assignments.file(countyId, applicationId, caller(authentication));
  }

  // ---- scoring

  @Operation(summary = "Start the assessment", description = "区县管理员开始评审：申报进入评审状态（须已分派专家）。")
  @PostMapping("/applications/{applicationId}/assessment/start")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ApplicationStateResponse start(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID applicationId, Authentication authentication) {
    Application a = scoring.start(countyId, applicationId, caller(authentication));
    return new ApplicationStateResponse(a.id(), a.status().name(), a.version(), a.round(), a.finalScore(), null, null, null);
  }

  /** 201 for a first score, 200 for a change or the same score again. */
  @Operation(summary = "Score a criterion", description = "评审专家为某评价要点评分：首次评分 201，修改或重复提交 200。须已声明且申报处于评审中。")
  @PutMapping("/applications/{applicationId}/scores/{criterionCode}")
  @PreAuthorize(Rules.COUNTY_ASSESSOR + Rules.OF_COUNTY)
  ResponseEntity<ScoreResponse> putScore(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable UUID applicationId,
      @PathVariable @Pattern(regexp = CODE) String criterionCode,
      @Valid @RequestBody PutScoreRequest body,
      Authentication authentication) {
    ScoringService.Stored<ScoreResponse> stored =
        scoring.putScore(countyId, applicationId, criterionCode, body, caller(authentication));
    return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK).body(stored.body());
  }

  @Operation(summary = "Submit the assessor's scores", description = "评审专家提交全部评分；每个评价要点都须有评分，否则返回 422。")
  @PostMapping("/applications/{applicationId}/scores/submit")
  @PreAuthorize(Rules.COUNTY_ASSESSOR + Rules.OF_COUNTY)
  SubmissionResponse submit(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID applicationId, Authentication authentication) {
    return scoring.submit(countyId, applicationId, caller(authentication));
  }

  @Operation(summary = "Read the scoresheet", description = "读取申报的评分汇总表：各专家评分、合议分及总分。")
  @GetMapping("/applications/{applicationId}/scoresheet")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  ScoresheetResponse scoresheet(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID applicationId, Authentication authentication) {
    return scoring.scoresheet(countyId, applicationId, caller(authentication));
  }

  /** 201 for a first consensus on the criterion, 200 for a change or the same again. */
  @Operation(summary = "Set the consensus score of a criterion", description = "区县管理员设定某评价要点的合议分：首次 201，修改或重复 200。")
  @PutMapping("/applications/{applicationId}/consensus/{criterionCode}")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<ConsensusResponse> putConsensus(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable UUID applicationId,
      @PathVariable @Pattern(regexp = CODE) String criterionCode,
      @Valid @RequestBody PutConsensusRequest body,
      Authentication authentication) {
    ScoringService.Stored<ConsensusResponse> stored =
        scoring.putConsensus(countyId, applicationId, criterionCode, body, caller(authentication));
    return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK).body(stored.body());
  }

  // ---- decision

  @Operation(summary = "Decide on the application", description = "区县管理员作出评审结论：AWARD 授予称号（最终得分须达到合格分）、DEFER 暂缓、REJECT 不予通过；暂缓和不予通过须说明理由。发布状态变更事件。")
  @PostMapping("/applications/{applicationId}/decision")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ApplicationStateResponse decide(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable UUID applicationId,
      @Valid @RequestBody DecisionRequest body,
      Authentication authentication) {
    return decisions.decide(countyId, applicationId, body, caller(authentication));
  }

  private static Caller caller(Authentication authentication) {
    return Caller.of(authentication).orElseThrow(() -> new IllegalStateException("an authorised request without a caller"));
  }
}
