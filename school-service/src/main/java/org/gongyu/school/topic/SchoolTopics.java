package org.gongyu.school.topic;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.school.v1.TopicClaimChanged;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's claims: claim an open topic (again after withdrawing), withdraw a standing claim,
 * complete it with the result. An illegal step answers 409 with the claim's status ({@code NONE}
 * without a claim); each change goes out as {@code TopicClaimChanged} in its transaction.
 */
@Service
class SchoolTopics {

  /** A topic as this school sees it, with its own claim. */
  record TopicView(String topicId, String title, String category, String problemTitle, int capacity, String status,
      String claim, String resultSummary, Long claimVersion, Instant claimChangedAt) {}

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final Outbox outbox;
  private final Clock clock;

  SchoolTopics(JdbcClient jdbc, SchoolRegistry registry, Outbox outbox, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.outbox = outbox;
    this.clock = clock;
  }

  private static final String VIEW = """
      select t.topic_id, t.title, t.category, t.problem_title, t.capacity, t.status, c.status, c.result_summary, c.version,
        c.changed_at
      from research_topic t left join topic_claim c on c.topic_id = t.topic_id and c.school_id = :school""";

  @Transactional(readOnly = true)
  List<TopicView> list(String schoolId) {
    registry.require(schoolId);
    return jdbc.sql(VIEW + " where t.status = 'OPEN' or c.status is not null order by t.status, t.title, t.topic_id")
        .param("school", schoolId).query((rs, n) -> view(rs)).list();
  }

  @Transactional
  TopicView claim(String schoolId, String topicId, String actor) {
    SchoolRegistry.School school = registry.lockForUpdate(schoolId);
    TopicView t = find(schoolId, topicId);
    if (!"OPEN".equals(t.status())) {
      throw conflict(Msg.msg("school.topic.not-open", topicId), "TOPIC_" + t.status());
    }
    if (t.claim() != null && !"WITHDRAWN".equals(t.claim())) {
      throw conflict(Msg.msg("school.topic.illegal", Msg.msg("school.topic.action.claim"), topicId,
          Msg.msg("school.topic.status." + t.claim())), t.claim());
    }
    return change(school, t, "CLAIMED", null, actor);
  }

  @Transactional
  TopicView withdraw(String schoolId, String topicId, String actor) {
    SchoolRegistry.School school = registry.lockForUpdate(schoolId);
    TopicView t = find(schoolId, topicId);
    require(t, "withdraw");
    return change(school, t, "WITHDRAWN", null, actor);
  }

  @Transactional
  TopicView complete(String schoolId, String topicId, String resultSummary, String actor) {
    SchoolRegistry.School school = registry.lockForUpdate(schoolId);
    TopicView t = find(schoolId, topicId);
    String summary = resultSummary == null || resultSummary.isBlank() ? null : resultSummary.strip();
    if (summary == null || summary.codePointCount(0, summary.length()) > 4000) {
      Msg m = summary == null ? Msg.msg("school.topic.summary-required", "resultSummary")
          : Msg.msg("school.topic.summary-too-long", "resultSummary", 4000);
      throw ApiProblem.unprocessable(Msg.msg("school.topic.invalid", 1, Msg.joined(List.of(m))), List.of(m));
    }
    require(t, "complete");
    return change(school, t, "COMPLETED", summary, actor);
  }

  private TopicView change(SchoolRegistry.School school, TopicView t, String status, String summary, String actor) {
    long version = t.claimVersion() == null ? 1 : t.claimVersion() + 1;
    Instant now = clock.instant();
    jdbc.sql("""
            insert into topic_claim (topic_id, school_id, status, result_summary, version, changed_at, changed_by)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (topic_id, school_id) do update set status = excluded.status, result_summary = excluded.result_summary,
              version = excluded.version, changed_at = excluded.changed_at, changed_by = excluded.changed_by""")
        .params(t.topicId(), school.id(), status, summary, version, Timestamp.from(now), actor).update();
    outbox.publish(Topics.SCHOOL_TOPIC_CLAIMS, school.id(), new TopicClaimChanged(t.topicId(), school.id(), school.countyId(),
        school.name(), TopicClaimChanged.Status.valueOf(status), summary, now, version));
    return find(school.id(), t.topicId());
  }

  private static void require(TopicView t, String action) {
    if (!"CLAIMED".equals(t.claim())) {
      String current = t.claim() == null ? "NONE" : t.claim();
      throw conflict(Msg.msg("school.topic.illegal", Msg.msg("school.topic.action." + action), t.topicId(),
          Msg.msg("school.topic.status." + current)), current);
    }
  }

  private TopicView find(String schoolId, String topicId) {
    return jdbc.sql(VIEW + " where t.topic_id = :topic").param("school", schoolId).param("topic", topicId)
        .query((rs, n) -> view(rs)).optional()
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.topic.unknown", topicId)));
  }

  private static ApiProblem conflict(Msg detail, String status) {
    ApiProblem p = ApiProblem.conflict(detail);
    p.getBody().setProperty("currentStatus", status);
    return p;
  }

  private static TopicView view(java.sql.ResultSet rs) throws java.sql.SQLException {
    Timestamp changed = rs.getTimestamp(10);
    Object version = rs.getObject(9);
    return new TopicView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
        rs.getString(7), rs.getString(8), version == null ? null : ((Number) version).longValue(),
        changed == null ? null : changed.toInstant());
  }
}
