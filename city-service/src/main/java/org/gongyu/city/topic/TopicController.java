package org.gongyu.city.topic;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The problem list and the topic bank (ADR 0026): city staff and admins keep them and follow the schools' claims. */
@Tag(name = "Problems and topic bank · 问题清单与课题库", description = "Prominent problems, research topics and the schools' claims · 突出问题清单、课题库与学校认领")
@RestController
class TopicController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final TopicService service;

  TopicController(TopicService service) {
    this.service = service;
  }

  @Operation(summary = "Add a prominent problem", description = "新增突出问题：标题、类别、来源（SURVEY 问卷须填 surveyId，可填题号 questionCode；CONSULTATION 个案咨询；OTHER），说明；输入有误时 422 并指明字段。")
  @PostMapping("/api/city/problems")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TopicResponses.Problem addProblem(@RequestBody(required = false) TopicRequests.Problem body, Authentication authentication) {
    return service.addProblem(body, actor(authentication));
  }

  @Operation(summary = "The prominent-problem list", description = "突出问题清单（未解决在前），含每个问题对应的课题数。")
  @GetMapping("/api/city/problems")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  List<TopicResponses.Problem> problems() {
    return service.problems();
  }

  @Operation(summary = "Mark a problem resolved", description = "将突出问题标记为已解决；已解决时返回 409。")
  @PostMapping("/api/city/problems/{problemId}/resolution")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TopicResponses.Problem resolve(@PathVariable @Pattern(regexp = ID) String problemId) {
    return service.resolveProblem(problemId);
  }

  @Operation(summary = "Publish a research topic", description = "发布课题到课题库（标题、类别、对应问题、拟认领学校数 1–1000、说明），学校即可认领；输入有误时 422 并指明字段。")
  @PostMapping("/api/city/research-topics")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TopicResponses.Topic addTopic(@RequestBody(required = false) TopicRequests.Topic body, Authentication authentication) {
    return service.addTopic(body, actor(authentication));
  }

  @Operation(summary = "The topic bank with the claims", description = "课题库：每个课题的认领学校（认领中、已撤回、已结题及成果摘要）、认领数与是否超出拟认领数。")
  @GetMapping("/api/city/research-topics")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  List<TopicResponses.Topic> topics() {
    return service.topics();
  }

  @Operation(summary = "One topic with its claims", description = "查看一个课题及其认领；不存在时返回 404。")
  @GetMapping("/api/city/research-topics/{topicId}")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TopicResponses.Topic read(@PathVariable @Pattern(regexp = ID) String topicId) {
    return service.read(topicId);
  }

  @Operation(summary = "Withdraw a topic", description = "撤回课题，学校不能再认领（已有认领保留）；已撤回时返回 409。")
  @PostMapping("/api/city/research-topics/{topicId}/withdrawal")
  @PreAuthorize(Rules.CITY_USER + Rules.OF_CITY)
  TopicResponses.Topic withdraw(@PathVariable @Pattern(regexp = ID) String topicId) {
    return service.withdrawTopic(topicId);
  }

  private static String actor(Authentication authentication) {
    return Caller.of(authentication).map(Caller::username).orElse("unknown");
  }
}
