package org.gongyu.school.suggestion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.records.WithdrawalRequest;

@Tag(name = "Parent suggestions · 家长意见建议", description = "Suggestions received from parents and how they were handled · 家长意见建议及办理情况")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/suggestions")
class SuggestionController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final ParentSuggestions suggestions;
  private final CityCalendar calendar;

  SuggestionController(ParentSuggestions suggestions, CityCalendar calendar) {
    this.suggestions = suggestions;
    this.calendar = calendar;
  }

  record SuggestionResponse(String suggestionId, LocalDate receivedOn, String category, String channel, String status,
      LocalDate resolvedOn) {
    static SuggestionResponse of(ParentSuggestions.Suggestion s) {
      return new SuggestionResponse(s.suggestionId(), s.receivedOn(), s.category().name(), s.channel().name(),
          s.status().name(), s.resolvedOn());
    }
  }

  /** Records (201) or corrects (200) a suggestion; an identical PUT changes nothing (200). */
  @Operation(summary = "Record or correct a parent suggestion", description = "记录（201）或更正（200）一条家长意见建议；状态为 RESOLVED 时须提供 resolvedOn。内容相同的重复请求不做更改。")
  @PutMapping("/{suggestionId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<SuggestionResponse>> put(
      @PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String suggestionId,
      @Valid @RequestBody SuggestionRequest request) {
    ParentSuggestions.Saved saved = suggestions.save(schoolId, suggestionId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(SuggestionResponse.of(saved.suggestion()), saved.version()));
  }

  @Operation(summary = "Withdraw a parent suggestion", description = "撤回一条家长意见建议记录（须填写原因）：不再计入指标，记录仍以“已撤回”状态可读；已撤回时返回 409。")
  @PostMapping("/{suggestionId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<SuggestionResponse> withdraw(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String suggestionId, @Valid @RequestBody WithdrawalRequest request) {
    return suggestions.withdraw(schoolId, suggestionId, request.reason().strip()).map(SuggestionResponse::of);
  }

  @Operation(summary = "The trail of a parent suggestion", description = "一条家长意见建议记录的全部版本，按时间先后排列；仅本校用户可读。")
  @GetMapping("/{suggestionId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> history(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String suggestionId) {
    return suggestions.history(schoolId, suggestionId);
  }

  /** The suggestions received in a school year. */
  @Operation(summary = "List the suggestions of a school year", description = "列出某学年（如 2026-2027）收到的家长意见建议。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<SuggestionResponse>> list(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String schoolYear) {
    Period year;
    try {
      year = calendar.parse(PeriodType.SCHOOL_YEAR, schoolYear);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("schoolYear", e));
    }
    return suggestions.tracked(schoolId, year).stream().map(t -> t.map(SuggestionResponse::of)).toList();
  }
}
