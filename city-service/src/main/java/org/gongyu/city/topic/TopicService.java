package org.gongyu.city.topic;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.city.CityProperties;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.ResearchTopicPublished;
import org.gongyu.contracts.school.v1.TopicClaimChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Problems, topics and claims. Input is checked whole (422 naming every field), transitions answer
 * 409 with the current status, and every change of a topic goes into the outbox in its transaction.
 * The tables are small and read together, so the SQL stays here rather than in a repository class.
 */
@Service
class TopicService {

  private static final Logger log = LoggerFactory.getLogger(TopicService.class);
  private static final Set<String> SOURCES = Set.of("SURVEY", "CONSULTATION", "OTHER");

  private final JdbcClient jdbc;
  private final CityProperties city;
  private final Outbox outbox;
  private final Clock clock;

  TopicService(JdbcClient jdbc, CityProperties city, Outbox outbox, Clock clock) {
    this.jdbc = jdbc;
    this.city = city;
    this.outbox = outbox;
    this.clock = clock;
  }

  // ---- the problem list

  @Transactional
  TopicResponses.Problem addProblem(TopicRequests.Problem body, String actor) {
    List<Msg> errors = new ArrayList<>();
    String title = text(errors, "title", body == null ? null : body.title(), 200, true);
    String category = text(errors, "category", body == null ? null : body.category(), 100, true);
    String source = body == null || body.source() == null ? null : body.source().strip();
    if (source == null || source.isEmpty()) {
      errors.add(Msg.msg("city.topic.field-required", "source"));
    } else if (!SOURCES.contains(source)) {
      errors.add(Msg.msg("city.topic.value-unknown", "source", source, "SURVEY, CONSULTATION, OTHER"));
    }
    String surveyId = body == null ? null : blankToNull(body.surveyId());
    String question = body == null ? null : blankToNull(body.questionCode());
    if ("SURVEY".equals(source)) {
      if (surveyId == null) {
        errors.add(Msg.msg("city.topic.field-required", "surveyId"));
      } else {
        String questions = jdbc.sql("select questions::text from survey where id = ? and status <> 'DRAFT'").param(surveyId)
            .query(String.class).optional().orElse(null);
        if (questions == null) {
          errors.add(Msg.msg("city.topic.survey-unknown", "surveyId", surveyId));
        } else if (question != null && !questions.contains("\"code\":\"" + question + "\"")) {
          errors.add(Msg.msg("city.topic.question-unknown", "questionCode", question));
        }
      }
    } else if (surveyId != null || question != null) {
      errors.add(Msg.msg("city.topic.survey-only", surveyId != null ? "surveyId" : "questionCode"));
    }
    String description = text(errors, "description", body == null ? null : body.description(), 2000, false);
    reject(errors);
    String id = "PB" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    jdbc.sql("""
            insert into prominent_problem (id, title, category, source, survey_id, question_code, description, status, created_at,
              created_by) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
        .params(id, title, category, source, "SURVEY".equals(source) ? surveyId : null, "SURVEY".equals(source) ? question : null,
            description, Timestamp.from(clock.instant()), actor)
        .update();
    return problem(id);
  }

  @Transactional
  TopicResponses.Problem resolveProblem(String id) {
    String status = jdbc.sql("select status from prominent_problem where id = ? for update").param(id).query(String.class)
        .optional().orElseThrow(() -> ApiProblem.notFound(Msg.msg("city.topic.problem-unknown", id)));
    if (!"OPEN".equals(status)) {
      throw conflict(Msg.msg("city.topic.problem-resolved", id), status);
    }
    jdbc.sql("update prominent_problem set status = 'RESOLVED', version = version + 1 where id = ?").param(id).update();
    return problem(id);
  }

  @Transactional(readOnly = true)
  List<TopicResponses.Problem> problems() {
    return jdbc.sql(PROBLEM + " order by p.status, p.created_at desc, p.id").query((rs, n) -> problemRow(rs)).list();
  }

  // ---- the topic bank

  @Transactional
  TopicResponses.Topic addTopic(TopicRequests.Topic body, String actor) {
    List<Msg> errors = new ArrayList<>();
    String title = text(errors, "title", body == null ? null : body.title(), 200, true);
    String category = text(errors, "category", body == null ? null : body.category(), 100, true);
    String problemId = body == null ? null : blankToNull(body.problemId());
    String problemTitle = null;
    if (problemId != null) {
      problemTitle = jdbc.sql("select title from prominent_problem where id = ?").param(problemId).query(String.class).optional()
          .orElse(null);
      if (problemTitle == null) {
        errors.add(Msg.msg("city.topic.problem-unknown-field", "problemId", problemId));
      }
    }
    Integer capacity = body == null ? null : body.capacity();
    if (capacity == null) {
      errors.add(Msg.msg("city.topic.field-required", "capacity"));
    } else if (capacity < 1 || capacity > 1000) {
      errors.add(Msg.msg("city.topic.capacity", "capacity", capacity));
    }
    String description = text(errors, "description", body == null ? null : body.description(), 2000, false);
    reject(errors);
    String id = "TP" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    Instant now = clock.instant();
    jdbc.sql("""
            insert into research_topic (id, title, category, problem_id, capacity, description, status, created_at, created_by)
            values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
        .params(id, title, category, problemId, capacity, description, Timestamp.from(now), actor).update();
    outbox.publish(Topics.CITY_RESEARCH_TOPICS, id, new ResearchTopicPublished(city.id(), id, title, category, problemTitle,
        capacity, ResearchTopicPublished.Status.OPEN, now, 1));
    return topic(id);
  }

  /** OPEN → WITHDRAWN: schools can claim it no more (their claims stay as they are). */
  @Transactional
  TopicResponses.Topic withdrawTopic(String id) {
    String status = jdbc.sql("select status from research_topic where id = ? for update").param(id).query(String.class).optional()
        .orElseThrow(() -> notFound(id));
    if (!"OPEN".equals(status)) {
      throw conflict(Msg.msg("city.topic.withdrawn", id), status);
    }
    jdbc.sql("update research_topic set status = 'WITHDRAWN', version = version + 1 where id = ?").param(id).update();
    TopicResponses.Topic t = topic(id);
    outbox.publish(Topics.CITY_RESEARCH_TOPICS, id, new ResearchTopicPublished(city.id(), id, t.title(), t.category(),
        t.problemTitle(), t.capacity(), ResearchTopicPublished.Status.WITHDRAWN, clock.instant(), t.version()));
    return t;
  }

  @Transactional(readOnly = true)
  List<TopicResponses.Topic> topics() {
    List<String> ids = jdbc.sql("select id from research_topic order by status, created_at desc, id").query(String.class).list();
    return ids.stream().map(this::topic).toList();
  }

  @Transactional(readOnly = true)
  TopicResponses.Topic read(String id) {
    return topic(id);
  }

  /** A school's claim from {@code TopicClaimChanged}: kept if newer; a claim of an unknown topic is logged and dropped. */
  @Transactional
  boolean apply(TopicClaimChanged c) {
    if (jdbc.sql("select count(*) from research_topic where id = ?").param(c.topicId()).query(Long.class).single() == 0) {
      log.warn("ignored the claim of school {} on unknown topic {}", c.schoolId(), c.topicId());
      return false;
    }
    boolean kept = jdbc.sql("""
            insert into topic_claim (topic_id, school_id, county_id, school_name, status, result_summary, version, changed_at,
              received_at)
            values (:topic, :school, :county, :name, :status, :summary, :version, :at, :now)
            on conflict (topic_id, school_id) do update set county_id = excluded.county_id, school_name = excluded.school_name,
              status = excluded.status, result_summary = excluded.result_summary, version = excluded.version,
              changed_at = excluded.changed_at, received_at = excluded.received_at
            where topic_claim.version < excluded.version""")
        .param("topic", c.topicId()).param("school", c.schoolId()).param("county", c.countyId()).param("name", c.schoolName())
        .param("status", c.status().name()).param("summary", c.resultSummary()).param("version", c.version())
        .param("at", Timestamp.from(c.at())).param("now", Timestamp.from(clock.instant()))
        .update() == 1;
    log.info("claim of school {} on topic {} v{} ({}) {}", c.schoolId(), c.topicId(), c.version(), c.status(),
        kept ? "kept" : "not newer");
    return kept;
  }

  private static final String PROBLEM = """
      select p.id, p.title, p.category, p.source, p.survey_id, p.question_code, p.description, p.status, p.version, p.created_at,
        p.created_by, (select count(*) from research_topic t where t.problem_id = p.id)
      from prominent_problem p""";

  private TopicResponses.Problem problem(String id) {
    return jdbc.sql(PROBLEM + " where p.id = ?").param(id).query((rs, n) -> problemRow(rs)).optional()
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("city.topic.problem-unknown", id)));
  }

  private static TopicResponses.Problem problemRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new TopicResponses.Problem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getTimestamp(10).toInstant(), rs.getString(11),
        rs.getLong(12));
  }

  private TopicResponses.Topic topic(String id) {
    List<TopicResponses.Claim> claims = jdbc.sql("""
            select school_id, school_name, county_id, status, result_summary, version, changed_at from topic_claim
            where topic_id = ? order by county_id, school_id""")
        .param(id)
        .query((rs, n) -> new TopicResponses.Claim(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getLong(6), rs.getTimestamp(7).toInstant()))
        .list();
    long claimed = claims.stream().filter(c -> !"WITHDRAWN".equals(c.status())).count();
    long completed = claims.stream().filter(c -> "COMPLETED".equals(c.status())).count();
    return jdbc.sql("""
            select t.id, t.title, t.category, t.problem_id, p.title, t.capacity, t.description, t.status, t.version, t.created_at
            from research_topic t left join prominent_problem p on p.id = t.problem_id where t.id = ?""")
        .param(id)
        .query((rs, n) -> new TopicResponses.Topic(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getTimestamp(10).toInstant(),
            claimed, completed, claimed > rs.getInt(6), claims))
        .optional().orElseThrow(() -> notFound(id));
  }

  private static ApiProblem notFound(String id) {
    return ApiProblem.notFound(Msg.msg("city.topic.unknown", id));
  }

  private static ApiProblem conflict(Msg detail, String status) {
    ApiProblem p = ApiProblem.conflict(detail);
    p.getBody().setProperty("currentStatus", status);
    return p;
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String text(List<Msg> errors, String field, String value, int max, boolean required) {
    String v = blankToNull(value);
    if (v == null) {
      if (required) {
        errors.add(Msg.msg("city.topic.field-required", field));
      }
      return null;
    }
    if (v.codePointCount(0, v.length()) > max) {
      errors.add(Msg.msg("city.topic.too-long", field, max));
    }
    return v;
  }

  private static void reject(List<Msg> errors) {
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("city.topic.invalid", errors.size(), Msg.joined(errors)), errors);
    }
  }
}
