package org.gongyu.school.practicebase;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.security.Rules;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.records.WithdrawalRequest;
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

/** The school's social practice education bases. */
@Tag(name = "Practice bases · 社会实践教育基地", description = "Social practice education bases of the school's resource catalogue · 学校资源目录中的社会实践教育基地")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/practice-bases")
class PracticeBaseController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final PracticeBases bases;

  PracticeBaseController(PracticeBases bases) {
    this.bases = bases;
  }

  @Operation(summary = "Record or correct a practice base", description = "记录（201）或更正（200，须填写 reason）一个社会实践教育基地：名称、类型（劳动、综合实践、志愿服务、法治、安全、研学）、合作单位、协议签订日期、课程数、是否在用。")
  @PutMapping("/{baseId}")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  ResponseEntity<Tracked<PracticeBase>> put(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String baseId, @Valid @RequestBody PracticeBaseRequest request) {
    PracticeBases.Saved saved = bases.put(schoolId, baseId, request);
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(Tracked.active(saved.base(), saved.version()));
  }

  @Operation(summary = "Withdraw a practice base", description = "撤回一个社会实践教育基地记录（须填写原因）；已撤回时返回 409。")
  @PostMapping("/{baseId}/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  Tracked<PracticeBase> withdraw(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String baseId, @Valid @RequestBody WithdrawalRequest request) {
    return bases.withdraw(schoolId, baseId, request.reason().strip());
  }

  @Operation(summary = "The trail of a practice base", description = "一个社会实践教育基地记录的全部版本。")
  @GetMapping("/{baseId}/history")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<HistoryEntry> history(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String baseId) {
    return bases.history(schoolId, baseId);
  }

  @Operation(summary = "List the practice bases", description = "列出本校的社会实践教育基地，可按类型（type）和是否在用（active）筛选；先列有效记录，再列已撤回的。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<Tracked<PracticeBase>> list(@PathVariable @Pattern(regexp = ID) String schoolId,
      @RequestParam(required = false) PracticeBase.Type type, @RequestParam(required = false) Boolean active) {
    return bases.list(schoolId, type, active);
  }

  @Operation(summary = "The practice bases in numbers", description = "本校社会实践教育基地统计：基地总数、在用数、在用基地的课程数、在用基地按类型的数量。")
  @GetMapping("/summary")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  PracticeBases.Summary summary(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return bases.summary(schoolId);
  }
}
