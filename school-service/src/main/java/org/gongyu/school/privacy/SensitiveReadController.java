package org.gongyu.school.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who read which sensitive record of the school: for the school's admin only. */
@Tag(name = "Privacy · 个人信息保护", description = "Recorded reads of sensitive records, guardian consent · 敏感记录查阅记录、监护人同意")
@RestController
class SensitiveReadController {

  private final SensitiveReads reads;
  private final CityCalendar calendar;
  private final SchoolRegistry registry;

  SensitiveReadController(SensitiveReads reads, CityCalendar calendar, SchoolRegistry registry) {
    this.reads = reads;
    this.calendar = calendar;
    this.registry = registry;
  }

  /** One recorded read; {@code at} in UTC, {@code day} the local (Asia/Shanghai) date. */
  record ReadView(long id, Instant at, LocalDate day, String subject, String username, String roles, String family,
      String recordId, String filter, String purpose) {}

  record ReadPage(List<ReadView> items, int page, int size, long total) {}

  @Operation(summary = "List who read the school's sensitive records",
      description = "列出本校敏感记录（特殊关爱学生台账、咨询个案、家访档案）的查阅记录：查阅人、角色、记录类别与编号（或列表及筛选条件）、时间和目的；按时间倒序分页。仅限本校管理员。from/to 为本地日期（含首尾）。")
  @GetMapping("/api/school/schools/{schoolId}/sensitive-reads")
  @PreAuthorize(Rules.SCHOOL_ADMIN + Rules.OF_SCHOOL)
  ReadPage list(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String family,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    registry.require(schoolId);
    SensitiveReads.Family f = null;
    if (family != null && !family.isBlank()) {
      try {
        f = SensitiveReads.Family.valueOf(family.strip());
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest(new Msg("school.sensitive-read.family-unknown", "family"));
      }
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiProblem.badRequest(new Msg("school.sensitive-read.range", "from", "to"));
    }
    Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(calendar.zone()).toInstant();
    Instant end = to == null ? OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant()
        : to.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    List<ReadView> items = reads.list(schoolId, start, end, f, page, size).stream()
        .map(r -> new ReadView(r.id(), r.at(), calendar.dayOf(r.at()), r.actor(), r.username(), r.roles(), r.family(),
            r.recordId(), r.filter(), r.purpose()))
        .toList();
    return new ReadPage(items, page, size, reads.count(schoolId, start, end, f));
  }
}
