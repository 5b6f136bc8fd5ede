package org.gongyu.school.committee;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.security.Rules;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.records.WithdrawalRequest;

@Tag(name = "Parent committees · 家长委员会", description = "School and class parent committees · 校级和班级家长委员会")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/committees")
class CommitteeController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final ParentCommittees committees;

  CommitteeController(ParentCommittees committees) {
    this.committees = committees;
  }

  record CommitteeResponse(String committeeId, String level, String classId, LocalDate foundedOn, LocalDate termEndsOn,
      String venue, boolean plaque, boolean rulesAdopted, LocalDate dissolvedOn, Integer grade) {
    static CommitteeResponse of(ParentCommittees.Committee c) {
      return new CommitteeResponse(c.committeeId(), c.level().name(), c.classId(), c.foundedOn(), c.termEndsOn(), c.venue(),
          c.plaque(), c.rulesAdopted(), c.dissolvedOn(), c.grade());
    }
  }

  /** Records (201) or corrects (200) a committee; an identical PUT changes nothing (200). */
  @Operation(summary = "Record or correct a parent committee", description = "记录（201）或更正（200）一个家长委员会；内容相同的重复请求不做更改（200）。班级委员会须提供 classId。")
  @PutMapping("/{committeeId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<CommitteeResponse>> put(
      @PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String committeeId,
      @Valid @RequestBody CommitteeRequest request) {
    ParentCommittees.Saved saved = committees.save(schoolId, committeeId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Tracked.active(CommitteeResponse.of(saved.committee()), saved.version()));
  }

  @Operation(summary = "Withdraw a parent committee", description = "撤回一个家长委员会记录（须填写原因）：不再计入指标，记录仍以“已撤回”状态可读；已撤回时返回 409。")
  @PostMapping("/{committeeId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<CommitteeResponse> withdraw(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String committeeId, @Valid @RequestBody WithdrawalRequest request) {
    return committees.withdraw(schoolId, committeeId, request.reason().strip()).map(CommitteeResponse::of);
  }

  @Operation(summary = "The trail of a parent committee", description = "一个家长委员会记录的全部版本，按时间先后排列；仅本校用户可读。")
  @GetMapping("/{committeeId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> history(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String committeeId) {
    return committees.history(schoolId, committeeId);
  }

  @Operation(summary = "List the school's parent committees", description = "列出本校的全部家长委员会（校级和班级）。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<CommitteeResponse>> list(@PathVariable @Pattern(regexp = ID) String schoolId,
      @RequestParam(required = false) @Pattern(regexp = ID) String classId) {
    return committees.tracked(schoolId, classId).stream().map(t -> t.map(CommitteeResponse::of)).toList();
  }
}
