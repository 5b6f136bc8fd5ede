package org.gongyu.school.topic;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The city's topic bank as a school sees it, and the school's claims (ADR 0026): its own users only. */
@Tag(name = "Topic bank · 课题认领", description = "Claiming the city's research topics · 认领市级课题库的课题")
@RestController
@RequestMapping("/api/school/schools/{schoolId}/research-topics")
class TopicController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final SchoolTopics topics;

  TopicController(SchoolTopics topics) {
    this.topics = topics;
  }

  /** The result of a completed claim. */
  record Completion(String resultSummary) {}

  @Operation(summary = "Open topics and this school's claims", description = "可认领的课题及本校的认领（认领中、已撤回、已结题）。")
  @GetMapping
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  List<SchoolTopics.TopicView> list(@PathVariable @Pattern(regexp = ID) String schoolId) {
    return topics.list(schoolId);
  }

  @Operation(summary = "Claim a topic", description = "认领课题（撤回后可再次认领）；课题已撤回或本校已认领、已结题时返回 409。")
  @PostMapping("/{topicId}/claim")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  SchoolTopics.TopicView claim(@PathVariable @Pattern(regexp = ID) String schoolId, @PathVariable @Pattern(regexp = ID) String topicId,
      Authentication authentication) {
    return topics.claim(schoolId, topicId, actor(authentication));
  }

  @Operation(summary = "Withdraw the school's claim", description = "撤回本校的认领；非认领中时返回 409。")
  @PostMapping("/{topicId}/claim/withdrawal")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  SchoolTopics.TopicView withdraw(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String topicId, Authentication authentication) {
    return topics.withdraw(schoolId, topicId, actor(authentication));
  }

  @Operation(summary = "Complete the claim with its result", description = "结题并填写成果摘要（必填，最多 4000 字，否则 422）；非认领中时返回 409。")
  @PostMapping("/{topicId}/claim/completion")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  SchoolTopics.TopicView complete(@PathVariable @Pattern(regexp = ID) String schoolId,
      @PathVariable @Pattern(regexp = ID) String topicId, @RequestBody(required = false) Completion body,
      Authentication authentication) {
    return topics.complete(schoolId, topicId, body == null ? null : body.resultSummary(), actor(authentication));
  }

  private static String actor(Authentication authentication) {
    return Caller.of(authentication).map(Caller::username).orElse("unknown");
  }
}
