package org.gongyu.school.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongyu.testing.TopicRecords.readAll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.SurveyPublished;
import org.gongyu.contracts.city.v1.SurveyPublished.Kind;
import org.gongyu.contracts.city.v1.SurveyPublished.Option;
import org.gongyu.contracts.city.v1.SurveyPublished.Question;
import org.gongyu.contracts.school.v1.SurveyResultsPublished;
import org.gongyu.school.HttpItSupport;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Anonymous surveys at the school (ADR 0026) against the real PostgreSQL and Kafka: the copy of the
 * city's surveys (highest version, county-scoped), questionnaires entered all-or-none with every
 * answer checked, 409 outside the survey's days, counts published upward with small cells withheld
 * and not recoverable from the totals, and no key of any person in the response table or the event.
 * Counties 990621 and 990622; schools 9906210001 to 9906210003 and 9906220001.
 */
class SurveyResponsesIT extends HttpItSupport {

  /** 2026-11-23 noon in Beijing. */
  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_surveys");
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-it-surveys");
    Keycloak.register(registry);
  }

  @TestConfiguration
  static class Fixtures {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** The topic's producer is city-service; here the test is. */
    @Bean
    NewTopic surveys() {
      return TopicBuilder.name(Topics.CITY_SURVEYS).partitions(6).replicas(1).build();
    }
  }

  @Override
  protected Instant now() {
    return NOW;
  }

  private static final List<Question> QUESTIONS = List.of(
      new Question("Q1", "您最困扰的问题", Kind.SINGLE, List.of(new Option("A", "沉迷手机"), new Option("B", "学习动力不足"),
          new Option("C", "亲子沟通"))),
      new Question("Q2", "希望学校提供的帮助", Kind.MULTIPLE, List.of(new Option("A", "讲座"), new Option("B", "个别咨询"))),
      new Question("Q3", "对家校沟通的满意度", Kind.SCALE, List.of(new Option("1", "很不满意"), new Option("2", "不满意"),
          new Option("3", "一般"), new Option("4", "满意"), new Option("5", "很满意"))));

  @Test
  void countsGoUpwardWithSmallCellsWithheldAndNoPersonalKeyAnywhere() {
    String school = "9906210001";
    registerSchool(school, "990621");
    String id = "SVIT-counts";
    publishSurvey(id, null, "2026-11-01", "2026-12-31", SurveyPublished.Status.OPEN, 2);
    String base = "/api/school/schools/" + school + "/surveys/" + id;

    assertThat(send("POST", base + "/results/publication", null).status()).as("nothing entered yet").isEqualTo(409);

    // 40 questionnaires: Q1 30 A, 7 B, 3 C; Q2 answered by 39, 38 chose A, 20 B; Q3 scale 4 × 25, 5 × 15
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String q1 = i < 30 ? "A" : i < 37 ? "B" : "C";
      List<String> q2 = new ArrayList<>();
      if (i < 38) {
        q2.add("A");
      }
      if (i % 2 == 0) {
        q2.add("B");
      }
      batch.add(Map.of("grade", 3 + i % 3, "answers", Map.of("Q1", List.of(q1), "Q2", q2, "Q3", List.of(i < 25 ? "4" : "5"))));
    }
    Response entered = send("POST", base + "/responses", Map.of("responses", batch));
    assertThat(entered.status()).as(entered.body()).isEqualTo(201);
    assertThat(entered.body()).contains("\"responses\":40").contains("\"accepting\":true");

    // the school sees its exact counts, and what the city will see
    Response own = get(base + "/results");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).contains("{\"code\":\"C\",\"label\":\"亲子沟通\",\"count\":3,\"shown\":null}")
        .contains("{\"code\":\"A\",\"label\":\"沉迷手机\",\"count\":30,\"shown\":30}");

    Response published = send("POST", base + "/results/publication", null);
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    assertThat(send("POST", base + "/results/publication", null).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> events(id).size() == 2);
    List<SurveyResultsPublished> events = events(id);
    assertThat(events).extracting(SurveyResultsPublished::version).containsExactly(1L, 2L);
    SurveyResultsPublished r = events.get(1);
    assertThat(r.schoolId()).isEqualTo(school);
    assertThat(r.countyId()).isEqualTo("990621");
    assertThat(r.responses()).isEqualTo(40);
    // Q1: the 3 is withheld, and so is the 7, or 40 − 30 − 7 would give the 3 back
    assertThat(counts(r, "Q1")).containsExactly(30L, null, null);
    assertThat(r.questions().get(0).answered()).isEqualTo(40);
    // Q2: 38 of 39 chose A, so the one who did not would show: withheld; B (20 of 39) shows
    assertThat(counts(r, "Q2")).containsExactly(null, 20L);
    assertThat(counts(r, "Q3")).containsExactly(0L, 0L, 0L, 25L, 15L);
    for (SurveyResultsPublished.QuestionCounts q : r.questions()) {
      for (SurveyResultsPublished.OptionCount o : q.options()) {
        assertThat(o.count() == null || o.count() == 0 || o.count() >= 5).as("no count of 1 to 4 leaves the school").isTrue();
      }
    }

    // anonymity: the response table has no column that could hold a person's key, and the event
    // carries neither answers nor grades nor any id but the school's and the survey's
    assertThat(jdbc.sql("""
            select string_agg(column_name, ',' order by ordinal_position) from information_schema.columns
            where table_name = 'survey_response'""").query(String.class).single())
        .isEqualTo("id,survey_id,school_id,grade,answers,entered_on");
    String json = readAll(Topics.SCHOOL_SURVEY_RESULTS).stream().filter(rec -> rec.value().contains(id)).toList().getLast().value();
    assertThat(json).doesNotContain("grade").doesNotContain("answers").doesNotContain("\"id\"").doesNotContain("entered");
  }

  @Test
  void everyAnswerIsCheckedAndABadBatchKeepsNothing() {
    String school = "9906210002";
    registerSchool(school, "990621");
    String id = "SVIT-checks";
    publishSurvey(id, null, "2026-11-01", "2026-12-31", SurveyPublished.Status.OPEN, 2);
    String base = "/api/school/schools/" + school + "/surveys/" + id;
    Response bad = send("POST", base + "/responses", Map.of("responses", List.of(
        Map.of("answers", Map.of("Q1", List.of("A"))),
        Map.of("grade", 13, "answers", Map.of("Q1", List.of("A", "B"), "Q9", List.of("A"), "Q3", List.of("6"))),
        Map.of("answers", Map.of()))));
    assertThat(bad.status()).as(bad.body()).isEqualTo(422);
    assertThat(bad.contentType()).contains("application/problem+json");
    assertThat(bad.body()).contains("responses[1].grade").contains("responses[1].answers.Q1").contains("responses[1].answers.Q9")
        .contains("responses[1].answers.Q3").contains("responses[2].answers");
    assertThat(send("POST", base + "/responses", Map.of("responses", List.of())).status()).isEqualTo(422);
    assertThat(rows(id)).as("the good first questionnaire is not kept either").isZero();
  }

  @Test
  void aSurveyTakesAnswersOnlyOnItsDaysWhileOpenAndOnlyInItsCounty() {
    String school = "9906210003";
    registerSchool(school, "990621");
    registerSchool("9906220001", "990622");
    String answer = "{\"responses\":[{\"answers\":{\"Q1\":[\"A\"]}}]}";
    publishSurvey("SVIT-later", null, "2027-01-04", "2027-01-31", SurveyPublished.Status.OPEN, 2);
    Response early = send("POST", "/api/school/schools/" + school + "/surveys/SVIT-later/responses", answer);
    assertThat(early.status()).as(early.body()).isEqualTo(409);

    String id = "SVIT-closing";
    publishSurvey(id, "990621", "2026-11-01", "2026-12-31", SurveyPublished.Status.OPEN, 2);
    assertThat(send("POST", "/api/school/schools/" + school + "/surveys/" + id + "/responses", answer).status()).isEqualTo(201);
    // another county's school does not see it
    assertThat(get("/api/school/schools/9906220001/surveys/" + id).status()).isEqualTo(404);
    assertThat(get("/api/school/schools/9906220001/surveys").body()).doesNotContain(id);
    // closed, then an older OPEN version late: still closed
    publishSurvey(id, "990621", "2026-11-01", "2026-12-31", SurveyPublished.Status.CLOSED, 3);
    awaitStatus(id, "CLOSED");
    publishSurvey(id, "990621", "2026-11-01", "2026-12-31", SurveyPublished.Status.OPEN, 2);
    Response closed = send("POST", "/api/school/schools/" + school + "/surveys/" + id + "/responses", answer);
    assertThat(closed.status()).as(closed.body()).isEqualTo(409);
    assertThat(closed.body()).contains("\"currentStatus\":\"CLOSED\"");
    assertThat(rows(id)).isEqualTo(1);
    // a closed survey's counts can still be sent upward (here one questionnaire: all withheld)
    assertThat(send("POST", "/api/school/schools/" + school + "/surveys/" + id + "/results/publication", null).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> events(id).size() == 1);
    assertThat(counts(events(id).getFirst(), "Q1")).containsExactly(null, null, null);
    assertThat(events(id).getFirst().questions().getFirst().answered()).isNull();

    // only the school's own users: the county and another school see nothing of its answers or counts
    String path = "/api/school/schools/" + school + "/surveys/" + id + "/results";
    assertThat(matrix.call("GET", path, null, Keycloak.tokenAs("county-admin", "990621"))).isIn(403, 404);
    assertThat(matrix.call("GET", path, null, Keycloak.tokenAs("city-staff", Keycloak.CITY))).isIn(403, 404);
    assertThat(matrix.call("GET", path, null, Keycloak.tokenAs("school-admin", "9906220001"))).isIn(403, 404);
    assertThat(matrix.call("POST", "/api/school/schools/" + school + "/surveys/" + id + "/responses", answer,
        Keycloak.tokenAs("school-staff", "9906220001"))).isIn(403, 404);
  }

  private void publishSurvey(String id, String county, String opensOn, String closesOn, SurveyPublished.Status status, long version) {
    SurveyPublished s = new SurveyPublished("990100", id, county, "家庭教育问题调研", SurveyPublished.Purpose.PROBLEM_DISCOVERY,
        SurveyPublished.Audience.PARENTS, QUESTIONS, LocalDate.parse(opensOn), LocalDate.parse(closesOn), status,
        NOW.plusSeconds(version), version);
    kafka.send(Topics.CITY_SURVEYS, id, EventCodec.encode(EventEnvelope.wrap("city-service", NOW, s)));
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from survey where survey_id = ? and version >= ?")
        .params(id, version).query(Long.class).single() == 1 || version < currentVersion(id));
  }

  private long currentVersion(String id) {
    return jdbc.sql("select coalesce(max(version), 0) from survey where survey_id = ?").param(id).query(Long.class).single();
  }

  private void awaitStatus(String id, String status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select status from survey where survey_id = ?").param(id)
        .query(String.class).optional().filter(status::equals).isPresent());
  }

  private long rows(String survey) {
    return jdbc.sql("select count(*) from survey_response where survey_id = ?").param(survey).query(Long.class).single();
  }

  private static List<Long> counts(SurveyResultsPublished r, String question) {
    List<Long> out = new ArrayList<>();
    r.questions().stream().filter(q -> q.code().equals(question)).findFirst().orElseThrow().options().forEach(o -> out.add(o.count()));
    return out;
  }

  /** The events this database's outbox sent for the survey, in order. */
  private List<SurveyResultsPublished> events(String survey) {
    Set<String> own = new HashSet<>(jdbc.sql("select event_id::text from outbox_event where topic = ?")
        .param(Topics.SCHOOL_SURVEY_RESULTS).query(String.class).list());
    List<SurveyResultsPublished> out = new ArrayList<>();
    readAll(Topics.SCHOOL_SURVEY_RESULTS).forEach(rec -> {
      EventEnvelope<SurveyResultsPublished> env = EventCodec.decode(rec.value(), SurveyResultsPublished.class);
      if (own.contains(env.eventId().toString()) && env.payload().surveyId().equals(survey)) {
        out.add(env.payload());
      }
    });
    return out;
  }
}
