package org.gongyu.school.demonstration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongyu.chassis.security.Rules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The school's self-evaluation of an application. School users only, reads included: the county
 * sees a submitted self-evaluation through district-service, where only assessors who declared no
 * conflict of interest may open it; a county read here would bypass that rule.
 */
@Tag(name = "Self-evaluation · 自评", description = "The self-evaluation of a demonstration application · 示范校申报的自评")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/demonstration/applications/{applicationId}/self-evaluation")
class SelfEvaluationController {

  private static final String ID = DemonstrationController.ID;
  private static final String CODE = "[A-Za-z0-9._-]{1,40}";

  private final SelfEvaluations selfEvaluations;

  SelfEvaluationController(SelfEvaluations selfEvaluations) {
    this.selfEvaluations = selfEvaluations;
  }

  record EvidenceView(String title, String reference) {}

  record ItemResponse(String criterionCode, int round, BigDecimal selfScore, String narrative, List<EvidenceView> evidence,
      Instant updatedAt) {
    static ItemResponse of(SelfEvaluations.Item i) {
      return new ItemResponse(i.criterionCode(), i.round(), i.selfScore(), i.narrative(),
          i.evidence().stream().map(e -> new EvidenceView(e.title(), e.reference())).toList(), i.updatedAt());
    }
  }

  /**
   * A round's self-evaluation against the rubric.
   *
   * @param editable        whether items may still be written (the round is open and the status takes them)
   * @param missingCriteria criteria of the rubric without an item, in rubric order
   * @param selfTotal       the sum of the items' self-scores
   */
  record SelfEvaluationResponse(UUID applicationId, String status, int round, boolean editable, int submittedRound,
      List<ItemResponse> items, List<String> missingCriteria, BigDecimal selfTotal, BigDecimal fullMark) {}

  record SubmissionResponse(UUID applicationId, int round, Instant submittedAt, String standardId, long standardVersion,
      BigDecimal selfTotal) {}

  /** Writes the open round's item of a criterion (200); see {@link SelfEvaluations#put} for every refusal. */
  @Operation(summary = "Write the self-evaluation item of a criterion", description = "填写当前轮次中某评价要点的自评。仅在申报为 CREATING 或 DEFERRED 状态时可写，否则返回 409。")
  @PutMapping("/items/{criterionCode}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ItemResponse put(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID applicationId,
      @PathVariable @Pattern(regexp = CODE) String criterionCode, @RequestBody DraftItemRequest request) {
    return ItemResponse.of(selfEvaluations.put(schoolId, applicationId, criterionCode, request));
  }

  @Operation(summary = "Read the self-evaluation", description = "读取申报的自评：各评价要点的自评内容及轮次。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  SelfEvaluationResponse get(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID applicationId) {
    SelfEvaluations.Draft d = selfEvaluations.draft(schoolId, applicationId);
    return new SelfEvaluationResponse(d.application().id(), d.application().status().name(), d.round(), d.editable(),
        d.application().submittedRound(), d.items().stream().map(ItemResponse::of).toList(), d.missingCriteria(),
        d.selfTotal(), d.rubric().fullMark());
  }

  /** Submits the open round (200); see {@link SelfEvaluations#submit} for every refusal. */
  @Operation(summary = "Submit the self-evaluation", description = "提交当前轮次的自评（200）。每个评价要点都须有自评，否则返回 422 并列出缺少的要点。")
  @PostMapping("/submit")
  @PreAuthorize(Rules.SCHOOL_ADMIN + Rules.OF_SCHOOL)
  SubmissionResponse submit(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID applicationId) {
    Applications.Submission s = selfEvaluations.submit(schoolId, applicationId);
    return new SubmissionResponse(applicationId, s.round(), s.submittedAt(), s.standardId(), s.standardVersion(), s.selfTotal());
  }
}
