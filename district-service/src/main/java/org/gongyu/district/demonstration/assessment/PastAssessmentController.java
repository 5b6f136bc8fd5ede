package org.gongyu.district.demonstration.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.district.demonstration.Application;
import org.gongyu.district.demonstration.Applications;
import org.gongyu.district.demonstration.EffectiveTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An assessor's paper declaration and scoresheet of a past cycle, transcribed by the county admin
 * (ADR 0015): only as a backdated command ({@code Gongyu-Effective-At}), and through the very
 * declaration, scoring and submission rules an assessor meets online (assigned on the current round,
 * declared once, scores only while ASSESSING and cleared, within the criterion's points, submit only
 * when complete). The trail names the assessor as the actor and the county admin as who recorded it.
 * All or nothing: a refused part writes none of the sheet.
 */
@Tag(name = "Demonstration assessment · 示范校评审", description = "Assessors, conflicts, scores, consensus and decisions · 评审专家、回避、评分、合议与决定")
@RestController
@RequestMapping("/api/district/counties/{countyId}/demonstration/applications/{applicationId}/assignments/{assessor}")
class PastAssessmentController {

  /** The paper sheet: a declaration (optional), scores (optional) and whether it was submitted. */
  record PaperSheetRequest(
      @Valid DeclarationRequest declaration,
      @Size(max = 200) List<@Valid @NotNull Score> scores,
      boolean submit) {
    record Score(@NotBlank @Size(max = 40) String criterionCode, @NotNull @Valid PutScoreRequest score) {}
  }

  /** What the sheet left recorded. */
  record PaperSheetResponse(String assessor, int round, String status, int scores, boolean submitted) {}

  private final EffectiveTime time;
  private final AssignmentService assignments;
  private final ScoringService scoring;
  private final AssessmentRepository repository;
  private final Applications applications;
  private final TransactionTemplate tx;

  PastAssessmentController(EffectiveTime time, AssignmentService assignments, ScoringService scoring,
      AssessmentRepository repository, Applications applications, TransactionTemplate tx) {
    this.applications = applications;
    this.time = time;
    this.assignments = assignments;
    this.scoring = scoring;
    this.repository = repository;
    this.tx = tx;
  }

  @Operation(summary = "Transcribe a past cycle's paper declaration and scoresheet (backdated)",
      description = "区县管理员补录往期评审专家的纸质回避声明与评分表：须带 Gongyu-Effective-At（早于现在），按专家在线声明、评分、提交的同一规则执行，全部成功或全部不写入；留痕中行为人为该专家，并注明补录人。")
  @PostMapping("/paper-sheet")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  PaperSheetResponse transcribe(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String countyId,
      @PathVariable UUID applicationId,
      @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9._@-]{0,99}") String assessor,
      @Valid @RequestBody PaperSheetRequest body) {
    time.backdated().orElseThrow(() -> ApiProblem.badRequest(Msg.msg("district.backdated.required", "Gongyu-Effective-At")));
    Caller onPaper = new Caller(null, assessor, Set.of(Role.COUNTY_ASSESSOR), null, countyId, null);
    return tx.execute(s -> {
      if (body.declaration() != null) {
        assignments.declare(countyId, applicationId, assessor, body.declaration(), onPaper);
      }
      for (PaperSheetRequest.Score score : body.scores() == null ? List.<PaperSheetRequest.Score>of() : body.scores()) {
        scoring.putScore(countyId, applicationId, score.criterionCode(), score.score(), onPaper);
      }
      if (body.submit()) {
        scoring.submit(countyId, applicationId, onPaper);
      }
      Application a = applications.find(countyId, applicationId);
      AssignmentRow row = repository.assignment(a.id(), a.round(), assessor)
          .orElseThrow(() -> ApiProblem.notFound(Msg.msg("district.assignment.unknown", assessor, a.round(), a.id())));
      int scored = (int) repository.scores(a.id(), a.round()).stream().filter(r -> r.assessor().equals(assessor)).count();
      return new PaperSheetResponse(assessor, a.round(), row.status().name(), scored, row.submitted());
    });
  }
}
