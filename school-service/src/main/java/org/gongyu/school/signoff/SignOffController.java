package org.gongyu.school.signoff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.gongyu.chassis.security.Rules;
import org.gongyu.contracts.period.Period;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 上报与审核 at the school: a school admin signs off a period; the school's users see each period's
 * state, the signed-off figures and the county's reviews and comments.
 */
@Tag(name = "Sign-off · 上报与审核", description = "Period sign-off, the county's reviews and the lock · 学期/学年完成上报、区县审核与锁定")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/sign-offs")
class SignOffController {

  static final String ID = "[A-Za-z0-9-]{1,40}";
  static final String PERIOD = "[0-9-]{1,20}";

  private final SignOffs signOffs;
  private final SchoolRegistry registry;
  private final CountyDeadlines deadlines;

  SignOffController(SignOffs signOffs, SchoolRegistry registry, CountyDeadlines deadlines) {
    this.deadlines = deadlines;
    this.signOffs = signOffs;
    this.registry = registry;
  }

  /**
   * A period's state at the school.
   *
   * @param state          NOT_SIGNED_OFF, SIGNED_OFF, APPROVED, RETURNED or REOPENED
   * @param locked         whether records dated in the period are refused (SIGNED_OFF, APPROVED)
   * @param signOffVersion the latest signed-off version, 0 if none
   * @param comment        the county's comment of its last review (a return or a reopening), if any
   * @param updatedAt      when the state last changed
   */
  record PeriodState(String periodId, String periodType, String state, boolean locked, long signOffVersion, String comment,
      Instant updatedAt) {
    static PeriodState of(SignOffs.StateRow s) {
      return new PeriodState(s.periodId(), Period.parse(s.periodId()).type().name(), s.state().name(), s.state().inForce(),
          s.signOffVersion(), s.comment(), s.updatedAt());
    }
  }

  record FigureView(String indicatorCode, long numerator, long denominator, long snapshotVersion) {}

  /**
   * One step of the period's trail.
   *
   * @param action        SIGNED_OFF (by {@code by}, a username of the school) or the county's APPROVED, RETURNED, REOPENED
   *                      (by the county {@code by})
   * @param reviewVersion the county's review version (null for a sign-off)
   * @param applied       false for a review that changed nothing (of an older sign-off version, or not newer)
   */
  record StepView(Instant at, String action, long signOffVersion, Long reviewVersion, String by, String comment, boolean applied) {}

  /**
   * A period's sign-off: its state, the latest signed-off version with its figures, and the trail.
   *
   * @param signedOffAt when the latest version was signed off (null if never)
   * @param figures     the figures of the latest signed-off version (empty if never signed off)
   * @param deadline    the county's deadline to sign off the period, as the county published it (null if none)
   */
  record SignOffView(String periodId, String state, boolean locked, long signOffVersion, Instant signedOffAt, String signedOffBy,
      String comment, List<FigureView> figures, List<StepView> trail, Instant deadline) {}

  @Operation(summary = "Sign off a period (完成上报)",
      description = "学校管理员对一个期间完成上报（201）：先刷新本校该期间的各项指标，再保存不可更改的上报版本并发布 PeriodSignedOff。"
          + "上报生效期间（已上报或已审核通过），该期间内日期的任何记录写入均返回 409，直至区县退回或重新开放。"
          + "期间尚未开始或已上报且未退回 → 409；期间编号无效 → 422。")
  @PostMapping("/{periodId}")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Rules.SCHOOL_ADMIN + Rules.OF_SCHOOL)
  SignOffView signOff(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = PERIOD) String periodId) {
    signOffs.signOff(schoolId, periodId);
    return view(schoolId, signOffs.parse(periodId).id());
  }

  @Operation(summary = "Periods and their sign-off state",
      description = "列出本校有指标或已上报的每个期间及其状态：NOT_SIGNED_OFF、SIGNED_OFF、APPROVED、RETURNED（附区县意见）、REOPENED。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<PeriodState> list(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return signOffs.list(schoolId).stream().map(PeriodState::of).toList();
  }

  @Operation(summary = "A period's sign-off: figures and trail",
      description = "读取一个期间的上报状态、最新上报版本的指标（分子、分母、快照版本）以及上报与区县审核的全过程。")
  @GetMapping("/{periodId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  SignOffView read(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = PERIOD) String periodId) {
    registry.require(schoolId);
    return view(schoolId, signOffs.parse(periodId).id());
  }

  private SignOffView view(String schoolId, String periodId) {
    var state = signOffs.state(schoolId, periodId);
    var version = signOffs.latestVersion(schoolId, periodId);
    return new SignOffView(periodId, state.map(s -> s.state().name()).orElse(SignOffs.State.NOT_SIGNED_OFF.name()),
        state.map(s -> s.state().inForce()).orElse(false),
        version.map(SignOffs.Version::version).orElse(0L),
        version.map(SignOffs.Version::signedOffAt).orElse(null),
        version.map(SignOffs.Version::signedOffBy).orElse(null),
        state.map(SignOffs.StateRow::comment).orElse(null),
        version.map(v -> v.figures().stream()
            .map(f -> new FigureView(f.indicatorCode(), f.numerator(), f.denominator(), f.snapshotVersion())).toList())
            .orElse(List.of()),
        signOffs.trail(schoolId, periodId).stream()
            .map(s -> new StepView(s.at(), s.action(), s.signOffVersion(), s.reviewVersion(), s.by(), s.comment(), s.applied()))
            .toList(),
        deadlines.of(schoolId, periodId).orElse(null));
  }
}
