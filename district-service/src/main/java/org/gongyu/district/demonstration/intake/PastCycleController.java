package org.gongyu.district.demonstration.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.school.v1.DemonstrationApplied;
import org.gongyu.contracts.school.v1.SelfEvaluationSubmitted;
import org.gongyu.district.demonstration.Application;
import org.gongyu.district.demonstration.Applications;
import org.gongyu.district.demonstration.EffectiveTime;
import org.gongyu.district.demonstration.TrailEntry;
import org.gongyu.district.demonstration.programme.Programme;
import org.gongyu.district.demonstration.programme.Programmes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The school's part of a past cycle, as the county transcribes it from paper (ADR 0015): only with
 * a {@code Gongyu-Effective-At} header (a backdated command), and through the same intake rules as
 * the school tier's events (window, registered school, one application per school and programme,
 * self-evaluation only from the creation end, exactly the programme's criteria). Only figures are
 * transcribed: the texts stay on paper, so no free text of a school enters the county tier here.
 */
@Tag(name = "Demonstration applications · 示范校申报", description = "Applications the county receives · 区县收到的示范校申报")
@RestController
@RequestMapping("/api/district/counties/{countyId}/demonstration/applications")
class PastCycleController {

  /** What a transcribed application or self-evaluation says instead of the school's texts. */
  static final String ON_PAPER = "纸质材料补录，原件存区县教育局 · transcribed from paper, kept by the county bureau";
  private static final String ID = "[A-Za-z0-9-]{1,40}";

  /** A paper application of a past cycle: its id (the county's, for a reload), school, programme and baseline levels. */
  record PastApplicationRequest(
      @NotNull UUID applicationId,
      @NotBlank @Pattern(regexp = "[0-9]{1,20}") String schoolId,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,60}") String programmeId,
      @NotNull @Size(max = 20) List<@Valid @NotNull Level> baseline) {
    record Level(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,40}") String areaCode, @Min(1) @Max(5) int level) {}
  }

  /** A paper self-evaluation round: the self-score of every criterion. */
  record PastSelfEvaluationRequest(@Min(1) @Max(99) int round, @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Item> items) {
    record Item(@NotBlank @Size(max = 40) String criterionCode,
        @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal selfScore) {}
  }

  private final EffectiveTime time;
  private final Intake intake;
  private final Applications applications;
  private final Programmes programmes;
  private final ApplicationService service;
  private final TransactionTemplate tx;

  PastCycleController(EffectiveTime time, Intake intake, Applications applications, Programmes programmes,
      ApplicationService service, TransactionTemplate tx) {
    this.time = time;
    this.intake = intake;
    this.applications = applications;
    this.programmes = programmes;
    this.service = service;
    this.tx = tx;
  }

  @Operation(summary = "Enter a past cycle's paper application (backdated)",
      description = "区县管理员补录往期纸质申报：须带 Gongyu-Effective-At（申报时间，早于现在），按与学校申报相同的规则受理（窗口外即不予受理）；同一编号再次补录不变（200）；学校已有申报 409；学校或项目不属本区县 422。")
  @PostMapping
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ResponseEntity<ApplicationResponses.Detail> apply(
      @PathVariable @Pattern(regexp = ID) String countyId, @Valid @RequestBody PastApplicationRequest body) {
    EffectiveTime.Backdated at = backdated();
    boolean created = Boolean.TRUE.equals(tx.execute(s -> {
      if (exists(countyId, body.applicationId())) {
        return false;
      }
      DemonstrationApplied e = new DemonstrationApplied(body.applicationId(), body.schoolId(), countyId, body.programmeId(), at.at(),
          body.baseline().stream().map(l -> new DemonstrationApplied.AreaBaseline(l.areaCode(), l.level(), null)).toList(), ON_PAPER);
      try {
        intake.applied(e);
      } catch (EventCodec.MalformedEventException refused) {
        throw ApiProblem.unprocessable(Msg.msg("district.backdated.refused", refused.getMessage()),
            List.of(Msg.msg("district.backdated.refused", refused.getMessage())));
      }
      if (!exists(countyId, body.applicationId())) {
        throw ApiProblem.conflict(Msg.msg("district.backdated.already-applied", body.schoolId(), body.programmeId()));
      }
      return true;
    }));
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(service.detail(countyId, body.applicationId()));
  }

  @Operation(summary = "Enter a past cycle's paper self-evaluation (backdated)",
      description = "区县管理员补录往期纸质自评（各指标自评分）：须带 Gongyu-Effective-At（提交时间），按与学校提交相同的规则（创建期结束后、轮次连续、评分覆盖且不超过各指标分值）；不符合时 422 并说明原因，不写入任何内容。")
  @PostMapping("/{applicationId}/self-evaluation")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ApplicationResponses.Detail selfEvaluate(
      @PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID applicationId,
      @Valid @RequestBody PastSelfEvaluationRequest body) {
    EffectiveTime.Backdated at = backdated();
    tx.executeWithoutResult(s -> {
      Application a = applications.find(countyId, applicationId);
      Programme p = programmes.find(a.programmeId()).orElseThrow();
      if (body.round() <= a.round()) {
        throw ApiProblem.conflict(Msg.msg("district.backdated.round-received", body.round(), a.id()));
      }
      intake.selfEvaluated(new SelfEvaluationSubmitted(a.id(), a.schoolId(), a.programmeId(), p.standardId(), p.standardVersion(),
          body.round(), at.at(), body.items().stream()
              .map(i -> new SelfEvaluationSubmitted.Item(i.criterionCode(), i.selfScore(), ON_PAPER, List.of())).toList()));
      Application after = applications.find(countyId, applicationId);
      if (after.status() != DemonstrationStatus.SELF_EVALUATED || after.round() != body.round()) {
        List<TrailEntry> trail = applications.history(a.id());
        String why = trail.isEmpty() ? "" : trail.get(trail.size() - 1).detailJson();
        throw ApiProblem.unprocessable(Msg.msg("district.backdated.refused", why), List.of(Msg.msg("district.backdated.refused", why)));
      }
    });
    return service.detail(countyId, applicationId);
  }

  private EffectiveTime.Backdated backdated() {
    return time.backdated().orElseThrow(() -> ApiProblem.badRequest(Msg.msg("district.backdated.required", "Gongyu-Effective-At")));
  }

  /** Whether the county has the application (inside the transaction: a refusal here must not mark it rollback-only). */
  private boolean exists(String countyId, UUID id) {
    return applications.lock(id).filter(a -> a.countyId().equals(countyId)).isPresent();
  }
}
