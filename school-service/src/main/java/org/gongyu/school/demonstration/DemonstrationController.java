package org.gongyu.school.demonstration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programmes a school may apply to and its applications. Reads are open to the county and the
 * city of the school (the application form carries no personal data: the guard refused any); only
 * the school's admin applies.
 */
@Tag(name = "Demonstration school · 示范校创建", description = "Programmes the school may apply to and its applications · 示范校创建项目与申报")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/demonstration")
class DemonstrationController {

  static final String ID = "[A-Za-z0-9-]{1,40}";

  private final Programmes programmes;
  private final Applications applications;
  private final SchoolRegistry registry;
  private final CityCalendar calendar;

  DemonstrationController(Programmes programmes, Applications applications, SchoolRegistry registry, CityCalendar calendar) {
    this.programmes = programmes;
    this.applications = applications;
    this.registry = registry;
    this.calendar = calendar;
  }

  record CriterionView(String code, String nameZh, String nameEn, BigDecimal points, String evidenceRequired,
      List<String> indicatorCodes) {}

  record AreaView(String code, String nameZh, String nameEn, List<CriterionView> criteria) {}

  /** The standard a programme scores against, as the school reads it to self-evaluate. */
  record RubricView(String titleZh, String titleEn, BigDecimal passMark, BigDecimal fullMark, List<AreaView> areas) {
    static RubricView of(Rubric r) {
      return new RubricView(r.titleZh(), r.titleEn(), r.passMark(), r.fullMark(), r.areas().stream()
          .map(a -> new AreaView(a.code(), a.nameZh(), a.nameEn(), a.criteria().stream()
              .map(c -> new CriterionView(c.code(), c.nameZh(), c.nameEn(), c.points(), c.evidenceRequired(), c.indicatorCodes()))
              .toList()))
          .toList());
    }
  }

  /**
   * A programme of the school's county.
   *
   * @param open          whether today (city time) is inside the application window
   * @param applicationId the school's application to it, if any
   */
  record ProgrammeResponse(String programmeId, String countyId, String name, int target, LocalDate startsOn, LocalDate endsOn,
      LocalDate applicationOpensOn, LocalDate applicationDeadline, boolean open, int creationMonths, int titleValidityYears,
      String standardId, long standardVersion, long version, RubricView rubric, UUID applicationId) {}

  record BaselineView(String areaCode, int level, String note) {}

  record SubmissionView(int round, Instant submittedAt, String standardId, long standardVersion, BigDecimal selfTotal) {}

  /**
   * A status step the county took (from {@code DemonstrationStatusChanged}), with what it set.
   *
   * @param version the county's version of the application after the step: the order of the steps
   * @param reason  the county's reason or note, if it gave one
   */
  record StatusStepView(long version, String status, String previousStatus, Instant at, LocalDate creationEndsOn,
      BigDecimal finalScore, LocalDate titleValidUntil, LocalDate rectificationDeadline, String reason) {}

  /**
   * An application with the status the county gave it (version 0: nothing heard from the county yet).
   *
   * @param selfEvaluationRound the round being drafted, or the last one submitted while it waits
   * @param submittedRound      the last round submitted, 0 for none
   * @param statusHistory       every status step the county took, by version (the status above is the last)
   */
  record ApplicationResponse(UUID applicationId, String schoolId, String programmeId, String status, long version,
      Instant appliedAt, Instant statusAt, LocalDate creationEndsOn, BigDecimal finalScore, LocalDate titleValidUntil,
      LocalDate rectificationDeadline, String reason, int selfEvaluationRound, int submittedRound,
      List<BaselineView> baseline, String plan, List<SubmissionView> submissions, List<StatusStepView> statusHistory) {}

  @Operation(summary = "Programmes open to the school", description = "列出本校所在区县发布的示范校创建项目及其评价标准。")
  @GetMapping("/programmes")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  List<ProgrammeResponse> programmes(@PathVariable @Pattern(regexp = ID) String schoolId) {
    SchoolRegistry.School school = registry.require(schoolId);
    LocalDate today = calendar.today();
    Map<String, UUID> applied = applications.list(schoolId).stream()
        .collect(Collectors.toMap(Applications.Application::programmeId, Applications.Application::id));
    return programmes.ofCounty(school.countyId()).stream()
        .map(p -> new ProgrammeResponse(p.id(), p.countyId(), p.name(), p.target(), p.startsOn(), p.endsOn(),
            p.applicationOpensOn(), p.applicationDeadline(), p.openOn(today), p.creationMonths(), p.titleValidityYears(),
            p.standardId(), p.standardVersion(), p.version(), RubricView.of(p.rubric()), applied.get(p.id())))
        .toList();
  }

  /** Applies (201); see {@link Applications#apply} for every refusal. */
  @Operation(summary = "Apply to a demonstration programme", description = "向示范校创建项目提交申报（201）。仅在申报期内、每个项目每校一次；不符合条件时返回 409 或 422。")
  @PostMapping("/applications")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Rules.SCHOOL_ADMIN + Rules.OF_SCHOOL)
  ApplicationResponse apply(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestBody ApplyRequest request) {
    return response(applications.apply(schoolId, request));
  }

  @Operation(summary = "List the school's applications", description = "列出本校的示范校申报及其状态。")
  @GetMapping("/applications")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  List<ApplicationResponse> applications(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return applications.list(schoolId).stream().map(this::response).toList();
  }

  @Operation(summary = "Read an application", description = "读取本校的一份示范校申报，含区县给出的每一步状态（statusHistory）；不存在时返回 404。")
  @GetMapping("/applications/{applicationId}")
  @PreAuthorize(Rules.ANY_ROLE + Rules.OF_SCHOOL)
  ApplicationResponse application(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable UUID applicationId) {
    return response(applications.require(schoolId, applicationId));
  }

  private ApplicationResponse response(Applications.Application a) {
    return new ApplicationResponse(a.id(), a.schoolId(), a.programmeId(), a.status().name(), a.version(), a.appliedAt(),
        a.statusAt(), a.creationEndsOn(), a.finalScore(), a.titleValidUntil(), a.rectificationDeadline(), a.reason(),
        a.openRound(), a.submittedRound(),
        a.baseline().stream().map(b -> new BaselineView(b.areaCode(), b.level(), b.note())).toList(), a.plan(),
        applications.submissions(a.id()).stream()
            .map(s -> new SubmissionView(s.round(), s.submittedAt(), s.standardId(), s.standardVersion(), s.selfTotal()))
            .toList(),
        applications.steps(a.id()).stream()
            .map(s -> new StatusStepView(s.version(), s.status().name(), s.previousStatus() == null ? null : s.previousStatus().name(),
                s.at(), s.creationEndsOn(), s.finalScore(), s.titleValidUntil(), s.rectificationDeadline(), s.reason()))
            .toList());
  }
}
