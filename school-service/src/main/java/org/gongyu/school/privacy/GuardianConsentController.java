package org.gongyu.school.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Guardian consents for the sensitive record families. Answers never carry the student reference. */
@Tag(name = "Privacy · 个人信息保护", description = "Recorded reads of sensitive records, guardian consent · 敏感记录查阅记录、监护人同意")
@RestController
class GuardianConsentController {

  private final GuardianConsents consents;
  private final SchoolRegistry registry;
  private final CityCalendar calendar;

  GuardianConsentController(GuardianConsents consents, SchoolRegistry registry, CityCalendar calendar) {
    this.consents = consents;
    this.registry = registry;
    this.calendar = calendar;
  }

  record ConsentRequest(
      @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String studentRef,
      @NotNull GuardianConsents.Category category,
      @NotNull LocalDate givenOn,
      @NotNull GuardianConsents.Basis basis) {}

  record WithdrawalRequest(@NotNull LocalDate withdrawnOn, @NotNull GuardianConsents.Basis basis) {}

  @Operation(summary = "Record a guardian's consent for a sensitive record family",
      description = "记录监护人对某学生某类敏感记录（SPECIAL_CARE 特殊关爱、CONSULTATION 咨询个案）的同意：同意日期和方式（WRITTEN 书面、ELECTRONIC 电子、ORAL_RECORDED 口头并记录）。学生以化名保存，回答不含学生编号。同一学生、类别、日期和方式的同意仍有效时再次提交不重复记录：返回原记录（200），新记录为 201。")
  @PostMapping("/api/school/schools/{schoolId}/consents")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<GuardianConsents.Consent> give(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @Valid @RequestBody ConsentRequest r) {
    registry.require(schoolId);
    if (r.givenOn().isAfter(calendar.today())) {
      throw ApiProblem.unprocessable(Msg.msg("school.consent.future", "givenOn", r.givenOn()), null);
    }
    GuardianConsents.Given given = consents.give(schoolId, r.studentRef(), r.category(), r.givenOn(), r.basis());
    return ResponseEntity.status(given.created() ? HttpStatus.CREATED : HttpStatus.OK).body(given.consent());
  }

  @Operation(summary = "Withdraw a guardian's consent",
      description = "记录监护人撤回同意（撤回日期和方式）。撤回后不能再为该学生新建该类记录；已撤回的再次撤回为 409。")
  @PostMapping("/api/school/schools/{schoolId}/consents/{consentId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  GuardianConsents.Consent withdraw(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @PathVariable long consentId, @Valid @RequestBody WithdrawalRequest r) {
    registry.require(schoolId);
    if (r.withdrawnOn().isAfter(calendar.today())) {
      throw ApiProblem.unprocessable(Msg.msg("school.consent.future", "withdrawnOn", r.withdrawnOn()), null);
    }
    return consents.withdraw(schoolId, consentId, r.withdrawnOn(), r.basis());
  }
}
