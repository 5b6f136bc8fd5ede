package org.gongyu.school.suggestion;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Rules;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
  @PutMapping("/{suggestionId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<SuggestionResponse> put(
      @PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String suggestionId,
      @Valid @RequestBody SuggestionRequest request) {
    ParentSuggestions.Saved saved = suggestions.save(schoolId, suggestionId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(SuggestionResponse.of(saved.suggestion()));
  }

  /** The suggestions received in a school year. */
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<SuggestionResponse> list(@PathVariable @Pattern(regexp = ID) String schoolId, @RequestParam String schoolYear) {
    Period year;
    try {
      year = calendar.parse(PeriodType.SCHOOL_YEAR, schoolYear);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("schoolYear: " + e.getMessage());
    }
    return suggestions.list(schoolId, year).stream().map(SuggestionResponse::of).toList();
  }
}
