package org.gongyu.school.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.SurveyPublished;
import org.gongyu.contracts.school.v1.SurveyResultsPublished;
import org.gongyu.contracts.survey.SurveyCells;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * A school's surveys: which of the city's surveys reach it (all of the city's, or its county's),
 * the anonymous questionnaires its users enter, its counts, and their publication upward. Entering
 * checks every answer against the survey (422 naming it) and that the survey is taking answers
 * (409); publishing sends {@code SurveyResultsPublished} with the small cells withheld, in the same
 * transaction as its version.
 */
@Service
class SchoolSurveys {

  private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {};
  private static final int MAX_BATCH = 500;

  /** A survey as the copy holds it. */
  record Survey(String id, String countyId, String title, String purpose, String audience,
      List<SurveyPublished.Question> questions, LocalDate opensOn, LocalDate closesOn, String status) {}

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final CityCalendar calendar;
  private final Outbox outbox;
  private final Clock clock;

  SchoolSurveys(JdbcClient jdbc, SchoolRegistry registry, CityCalendar calendar, Outbox outbox, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.calendar = calendar;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<SchoolSurveyResponse> list(String schoolId) {
    SchoolRegistry.School school = registry.require(schoolId);
    List<Survey> surveys = jdbc.sql("select " + COLUMNS + " from survey where county_id is null or county_id = ?"
            + " order by status = 'CLOSED', opens_on desc, survey_id")
        .param(school.countyId()).query((rs, n) -> map(rs)).list();
    return surveys.stream().map(s -> response(schoolId, s)).toList();
  }

  @Transactional(readOnly = true)
  SchoolSurveyResponse read(String schoolId, String surveyId) {
    return response(schoolId, survey(schoolId, surveyId));
  }

  /** Keeps the questionnaires, all or none; answers the school's number of them. */
  @Transactional
  SchoolSurveyResponse enter(String schoolId, String surveyId, SurveyRequests.Responses body) {
    Survey s = survey(schoolId, surveyId);
    List<Msg> errors = new ArrayList<>();
    List<SurveyRequests.Answered> batch = body == null || body.responses() == null ? List.of() : body.responses();
    if (batch.isEmpty()) {
      errors.add(Msg.msg("school.survey.field-required", "responses"));
    } else if (batch.size() > MAX_BATCH) {
      errors.add(Msg.msg("school.survey.too-many", "responses", MAX_BATCH));
    } else {
      for (int i = 0; i < batch.size(); i++) {
        check(errors, "responses[" + i + "]", s, batch.get(i));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.survey.invalid", errors.size(), Msg.joined(errors)), errors);
    }
    if (!accepting(s)) {
      ApiProblem p = ApiProblem.conflict(Msg.msg("school.survey.not-accepting", s.id(), s.opensOn(), s.closesOn(),
          Msg.msg("school.survey.status." + s.status())));
      p.getBody().setProperty("currentStatus", s.status());
      throw p;
    }
    LocalDate today = calendar.today();
    for (SurveyRequests.Answered a : batch) {
      Map<String, List<String>> answers = new LinkedHashMap<>();
      a.answers().forEach((q, options) -> {
        if (options != null && !options.isEmpty()) {
          answers.put(q, List.copyOf(new java.util.LinkedHashSet<>(options)));
        }
      });
      jdbc.sql("insert into survey_response (survey_id, school_id, grade, answers, entered_on) values (?, ?, ?, cast(? as jsonb), ?)")
          .params(s.id(), schoolId, a.grade(), SurveyCopy.JSON.writeValueAsString(answers), today)
          .update();
    }
    return response(schoolId, s);
  }

  @Transactional(readOnly = true)
  SurveyCounts counts(String schoolId, String surveyId) {
    return counts(schoolId, survey(schoolId, surveyId));
  }

  /** Sends the school's counts upward (small cells withheld) as a new version. */
  @Transactional
  SurveyCounts publish(String schoolId, String surveyId, String actor) {
    SchoolRegistry.School school = registry.lockForUpdate(schoolId);
    Survey s = survey(schoolId, surveyId);
    SurveyCounts counts = counts(schoolId, s);
    if (counts.responses() == 0) {
      ApiProblem p = ApiProblem.conflict(Msg.msg("school.survey.nothing-to-publish", s.id()));
      p.getBody().setProperty("currentStatus", s.status());
      throw p;
    }
    long version = jdbc.sql("select coalesce(max(version), 0) + 1 from survey_publication where survey_id = ? and school_id = ?")
        .params(s.id(), schoolId).query(Long.class).single();
    Instant now = clock.instant();
    jdbc.sql("""
            insert into survey_publication (survey_id, school_id, version, responses, published_at, published_by)
            values (?, ?, ?, ?, ?, ?)
            on conflict (survey_id, school_id) do update set version = excluded.version, responses = excluded.responses,
              published_at = excluded.published_at, published_by = excluded.published_by""")
        .params(s.id(), schoolId, version, counts.responses(), Timestamp.from(now), actor)
        .update();
    List<SurveyResultsPublished.QuestionCounts> questions = counts.questions().stream()
        .map(q -> new SurveyResultsPublished.QuestionCounts(q.code(), q.answeredShown(),
            q.options().stream().map(o -> new SurveyResultsPublished.OptionCount(o.code(), o.shown())).toList()))
        .toList();
    outbox.publish(Topics.SCHOOL_SURVEY_RESULTS, schoolId, new SurveyResultsPublished(s.id(), schoolId, school.countyId(),
        school.name(), counts.responses(), questions, now, version));
    return counts;
  }

  private SurveyCounts counts(String schoolId, Survey s) {
    List<Map<String, List<String>>> all = jdbc.sql("select answers from survey_response where survey_id = ? and school_id = ?")
        .params(s.id(), schoolId).query((rs, n) -> SurveyCopy.JSON.readValue(rs.getString(1), ANSWERS)).list();
    List<SurveyCounts.QuestionCount> out = new ArrayList<>();
    for (SurveyPublished.Question q : s.questions()) {
      long answered = 0;
      long[] counts = new long[q.options().size()];
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < q.options().size(); i++) {
        index.put(q.options().get(i).code(), i);
      }
      for (Map<String, List<String>> answers : all) {
        List<String> chosen = answers.get(q.code());
        if (chosen == null || chosen.isEmpty()) {
          continue;
        }
        answered++;
        for (String c : chosen) {
          Integer i = index.get(c);
          if (i != null) {
            counts[i]++;
          }
        }
      }
      Long[] shown = SurveyCells.publishable(q.kind() != SurveyPublished.Kind.MULTIPLE, answered, counts);
      List<SurveyCounts.OptionCount> options = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        options.add(new SurveyCounts.OptionCount(q.options().get(i).code(), q.options().get(i).label(), counts[i], shown[i]));
      }
      out.add(new SurveyCounts.QuestionCount(q.code(), q.text(), q.kind().name(), answered,
          SurveyCells.answeredShown(answered) ? answered : null, options));
    }
    return new SurveyCounts(s.id(), all.size(), out);
  }

  private static void check(List<Msg> errors, String field, Survey s, SurveyRequests.Answered a) {
    if (a == null || a.answers() == null || a.answers().values().stream().allMatch(v -> v == null || v.isEmpty())) {
      errors.add(Msg.msg("school.survey.no-answer", field + ".answers"));
      return;
    }
    if (a.grade() != null && (a.grade() < 1 || a.grade() > 12)) {
      errors.add(Msg.msg("school.survey.grade", field + ".grade", a.grade()));
    }
    Map<String, SurveyPublished.Question> questions = new HashMap<>();
    s.questions().forEach(q -> questions.put(q.code(), q));
    for (Map.Entry<String, List<String>> e : a.answers().entrySet()) {
      String here = field + ".answers." + e.getKey();
      SurveyPublished.Question q = questions.get(e.getKey());
      if (q == null) {
        errors.add(Msg.msg("school.survey.no-question", here, e.getKey()));
        continue;
      }
      List<String> chosen = e.getValue() == null ? List.of() : e.getValue();
      Set<String> codes = new HashSet<>();
      q.options().forEach(o -> codes.add(o.code()));
      for (String c : chosen) {
        if (c == null || !codes.contains(c)) {
          errors.add(Msg.msg("school.survey.no-option", here, c, String.join(", ", q.options().stream().map(SurveyPublished.Option::code).toList())));
        }
      }
      if (q.kind() != SurveyPublished.Kind.MULTIPLE && new HashSet<>(chosen).size() > 1) {
        errors.add(Msg.msg("school.survey.one-option", here, chosen.size()));
      }
    }
  }

  private boolean accepting(Survey s) {
    LocalDate today = calendar.today();
    return "OPEN".equals(s.status()) && !today.isBefore(s.opensOn()) && !today.isAfter(s.closesOn());
  }

  /** The survey if it reaches this school (404 otherwise, as for an unknown one). */
  private Survey survey(String schoolId, String surveyId) {
    SchoolRegistry.School school = registry.require(schoolId);
    return jdbc.sql("select " + COLUMNS + " from survey where survey_id = ?").param(surveyId).query((rs, n) -> map(rs)).optional()
        .filter(s -> s.countyId() == null || s.countyId().equals(school.countyId()))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.survey.unknown", surveyId, schoolId)));
  }

  private SchoolSurveyResponse response(String schoolId, Survey s) {
    long responses = jdbc.sql("select count(*) from survey_response where survey_id = ? and school_id = ?")
        .params(s.id(), schoolId).query(Long.class).single();
    record Published(long version, Instant at, long responses) {}
    Published p = jdbc.sql("select version, published_at, responses from survey_publication where survey_id = ? and school_id = ?")
        .params(s.id(), schoolId)
        .query((rs, n) -> new Published(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3))).optional().orElse(null);
    return new SchoolSurveyResponse(s.id(), s.title(), s.purpose(), s.audience(), s.countyId(), s.opensOn(), s.closesOn(),
        s.status(), accepting(s),
        s.questions().stream().map(q -> new SchoolSurveyResponse.Question(q.code(), q.text(), q.kind().name(),
            q.options().stream().map(o -> new SchoolSurveyResponse.Option(o.code(), o.label())).toList())).toList(),
        responses, p == null ? null : p.version(), p == null ? null : p.at(), p == null ? null : p.responses());
  }

  private static final String COLUMNS = "survey_id, county_id, title, purpose, audience, questions, opens_on, closes_on, status";

  private static Survey map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Survey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        SurveyCopy.questions(rs.getString(6)), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9));
  }
}
