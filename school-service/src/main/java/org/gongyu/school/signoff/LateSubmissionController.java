package org.gongyu.school.signoff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.gongyu.chassis.security.Rules;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Late data: writes the period lock refused, kept aside for the school (ADR 0019). */
@Tag(name = "Sign-off · 上报与审核", description = "Period sign-off, the county's reviews and the lock · 学期/学年完成上报、区县审核与锁定")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/late-submissions")
class LateSubmissionController {

  private final LateSubmissions late;
  private final SchoolRegistry registry;

  LateSubmissionController(LateSubmissions late, SchoolRegistry registry) {
    this.late = late;
    this.registry = registry;
  }

  /**
   * A kept write, without its content.
   *
   * @param family  the record family written (the path segment: {@code home-contacts}, {@code parent-school/sessions}, ...)
   * @param items   how many items it carried (a batch's length, else 1)
   * @param status  KEPT, APPLIED or DISCARDED
   */
  record LateSubmissionView(long id, String family, String method, String periodId, long signOffVersion, int items,
      Instant receivedAt, String status, Instant settledAt) {
    static LateSubmissionView of(LateSubmissions.Kept k) {
      return new LateSubmissionView(k.id(), k.family(), k.method(), k.periodId(), k.signOffVersion(), k.items(), k.receivedAt(),
          k.status(), k.settledAt());
    }
  }

  /** A re-application: the submission (APPLIED) and the status the replayed write was answered with (200 or 201). */
  record ApplicationView(LateSubmissionView submission, int answerStatus) {}

  @Operation(summary = "Writes kept aside by the period lock",
      description = "列出因期间已完成上报而被拒绝、暂存待处理的写入（逾期数据）：记录类别、期间、接收时间和条数，不含内容。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<LateSubmissionView> list(@PathVariable @Pattern(regexp = SignOffController.ID) String schoolId) {
    registry.require(schoolId);
    return late.list(schoolId).stream().map(LateSubmissionView::of).toList();
  }

  @Operation(summary = "Re-apply a kept write",
      description = "期间重新开放后，按原样重新提交暂存的写入；期间仍锁定 → 409；重新提交被拒绝时返回其原因，写入仍暂存。")
  @PostMapping("/{id}/application")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ApplicationView apply(@PathVariable @Pattern(regexp = SignOffController.ID) String schoolId, @PathVariable long id,
      HttpServletRequest request) {
    registry.require(schoolId);
    LateSubmissions.Applied a = late.apply(schoolId, id, request);
    return new ApplicationView(LateSubmissionView.of(a.submission()), a.answerStatus());
  }

  @Operation(summary = "Discard a kept write", description = "放弃一条暂存的写入（204），其内容随即删除；已处理过 → 409。")
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  void discard(@PathVariable @Pattern(regexp = SignOffController.ID) String schoolId, @PathVariable long id) {
    registry.require(schoolId);
    late.discard(schoolId, id);
  }
}
