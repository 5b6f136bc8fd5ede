package org.gongyu.city.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongyu.testing.TopicRecords.readAll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongyu.city.CityApiItSupport;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.SurveyPublished;
import org.gongyu.contracts.school.v1.SurveyResultsPublished;
import org.gongyu.contracts.school.v1.SurveyResultsPublished.OptionCount;
import org.gongyu.contracts.school.v1.SurveyResultsPublished.QuestionCounts;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Surveys at the city (ADR 0026) against the real PostgreSQL, Kafka and Keycloak: a draft checked
 * field by field, published once on {@code gongyu.city.surveys.v1}, illegal steps 409; schools'
 * counts kept per school at the highest version (the listener called as Kafka would, its inbox in
 * the same transaction), totals adding only the shown cells, and counts showing a small cell
 * refused; a county admin builds, publishes and closes a survey of the county's own, and cannot
 * step the city's. Counties 990621 and 990622.
 */
class SurveyIT extends CityApiItSupport {

  private static final String C1 = "990621";
  private static final String C2 = "990622";
  private static final String BODY = """
      {"title":"家庭教育问题调研","purpose":"PROBLEM_DISCOVERY","audience":"PARENTS","opensOn":"2026-01-05","closesOn":"2099-12-31",
       "questions":[{"text":"您最困扰的问题","kind":"SINGLE","options":["沉迷手机","学习动力不足","亲子沟通"]},
                    {"text":"希望学校提供的帮助","kind":"MULTIPLE","options":["讲座","个别咨询"]},
                    {"text":"对家校沟通的满意度","kind":"SCALE"}]}""";

  @Autowired SurveyResultsListener listener;

  @BeforeAll
  void counties() {
    for (String county : List.of(C1, C2)) {
      assertThat(put("/api/city/counties/" + county, "{\"name\":\"问卷县" + county + "\"}").getStatusCode().is2xxSuccessful()).isTrue();
    }
  }

  @Test
  void aDraftIsPublishedOnceClosedAndIllegalStepsAre409() {
    JsonNode draft = created(as(staff(), "POST", "/api/city/surveys", BODY));
    String id = draft.get("id").asString();
    assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
    assertThat(draft.get("questions").get(0).get("code").asString()).isEqualTo("Q1");
    assertThat(draft.get("questions").get(0).get("options").get(2).get("code").asString()).isEqualTo("C");
    assertThat(draft.get("questions").get(2).get("options").get(4).get("label").asString()).isEqualTo("很满意");
    assertConflict(as(staff(), "POST", "/api/city/surveys/" + id + "/closure", null), "DRAFT");
    awaitOutboxDrained();
    assertThat(published(id)).as("a draft stays at the city").isEmpty();

    assertThat(ok(as(staff(), "POST", "/api/city/surveys/" + id + "/publication", null)).get("status").asString()).isEqualTo("OPEN");
    assertConflict(as(staff(), "POST", "/api/city/surveys/" + id + "/publication", null), "OPEN");
    assertThat(ok(as(staff(), "POST", "/api/city/surveys/" + id + "/closure", null)).get("status").asString()).isEqualTo("CLOSED");
    assertConflict(as(staff(), "POST", "/api/city/surveys/" + id + "/closure", null), "CLOSED");
    assertProblem(as(staff(), "POST", "/api/city/surveys/SVnobody/publication", null), 404, "SVnobody");

    awaitOutboxDrained();
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(published(id)).hasSize(2));
    List<SurveyPublished> events = published(id);
    assertThat(events).extracting(SurveyPublished::status).containsExactly(SurveyPublished.Status.OPEN, SurveyPublished.Status.CLOSED);
    assertThat(events).extracting(SurveyPublished::version).containsExactly(2L, 3L);
    assertThat(events.get(0).questions()).hasSize(3);
    assertThat(events.get(0).questions().get(2).kind()).isEqualTo(SurveyPublished.Kind.SCALE);
  }

  @Test
  void aDraftIsCheckedFieldByFieldAndNothingIsStored() {
    long before = count("select count(*) from survey");
    ResponseEntity<JsonNode> bad = as(staff(), "POST", "/api/city/surveys", """
        {"title":" ","purpose":"GOSSIP","audience":"PARENTS","countyId":"999999","opensOn":"2026-03-01","closesOn":"2026-02-01",
         "questions":[{"text":"一","kind":"SINGLE","options":["甲"]},{"text":"二","kind":"SCALE","options":["1","2"]},
                      {"text":"三","kind":"MULTIPLE","options":["甲","甲"]},{"text":"四","kind":"ESSAY"}]}""");
    assertProblem(bad, 422, "");
    assertThat(errors(bad)).anyMatch(e -> e.startsWith("title:")).anyMatch(e -> e.startsWith("purpose:"))
        .anyMatch(e -> e.startsWith("countyId:")).anyMatch(e -> e.startsWith("closesOn:"))
        .anyMatch(e -> e.startsWith("questions[0].options:")).anyMatch(e -> e.startsWith("questions[1].options:"))
        .anyMatch(e -> e.startsWith("questions[2].options[1]:")).anyMatch(e -> e.startsWith("questions[3].kind:"));
    assertThat(bad.getBody().get("detail").asString()).startsWith("8 field(s) of the survey");
    assertProblem(as(staff(), "POST", "/api/city/surveys", "{\"title\":\"无题目\",\"purpose\":\"SATISFACTION\",\"audience\":\"STUDENTS\","
        + "\"opensOn\":\"2026-01-01\",\"closesOn\":\"2026-02-01\",\"questions\":[]}"), 422, "questions");
    assertThat(count("select count(*) from survey")).isEqualTo(before);
  }

  @Test
  void schoolsCountsAreKeptAtTheHighestVersionAndTotalsAddOnlyTheShownCells() {
    String id = created(as(staff(), "POST", "/api/city/surveys", BODY)).get("id").asString();
    ok(as(staff(), "POST", "/api/city/surveys/" + id + "/publication", null));
    // school 1 of county 1: Q1 had 30/7/3 → 7 and 3 withheld (3 alone would be 40 - 30 - 7)
    deliver(results(id, "9906210001", C1, 1, 40, q("Q1", 40L, 30L, null, null), q("Q2", 40L, 25L, 18L),
        q("Q3", 40L, null, null, 0L, 20L, 12L)));
    deliver(results(id, "9906210002", C1, 1, 20, q("Q1", 20L, 10L, 10L, 0L), q("Q2", 20L, 5L, 15L),
        q("Q3", 20L, 0L, 0L, 0L, 10L, 10L)));
    deliver(results(id, "9906220001", C2, 1, 3, q("Q1", null, null, null, null), q("Q2", null, null, null),
        q("Q3", null, null, null, null, null, null)));
    // an older version of school 2 arriving late changes nothing; a newer one replaces it
    deliver(results(id, "9906210002", C1, 2, 25, q("Q1", 25L, 10L, 15L, 0L), q("Q2", 25L, 5L, 20L),
        q("Q3", 25L, 0L, 0L, 0L, 15L, 10L)));
    deliver(results(id, "9906210002", C1, 1, 99, q("Q1", 99L, 99L, 0L, 0L), q("Q2", 99L, 99L, 0L),
        q("Q3", 99L, 0L, 0L, 0L, 0L, 99L)));

    JsonNode r = ok(as(staff(), "GET", "/api/city/surveys/" + id + "/results", null));
    assertThat(r.get("schoolsReporting").asLong()).isEqualTo(3);
    assertThat(r.get("responses").asLong()).isEqualTo(68);
    JsonNode q1 = r.get("questions").get(0);
    assertThat(cells(q1)).containsExactly("40", "15", "0");
    assertThat(q1.get("withheldSchools").asLong()).isEqualTo(2);
    assertThat(q1.get("options").get(1).get("withheld").asLong()).as("B withheld by schools 1 and 3").isEqualTo(2);
    assertThat(q1.get("options").get(0).get("withheld").asLong()).as("A withheld by school 3").isEqualTo(1);
    JsonNode q3 = r.get("questions").get(2);
    // the scale's score is over the shown answers: (4×35 + 5×22) / 57
    assertThat(q3.get("score").decimalValue()).isEqualByComparingTo("4.39");
    assertThat(q3.get("scoreBasis").asLong()).isEqualTo(57);

    JsonNode school1 = unit(r.get("schools"), "9906210001");
    assertThat(cells(school1.get("questions").get(0))).containsExactly("30", "null", "null");
    assertThat(school1.get("version").asLong()).isEqualTo(1);
    JsonNode school2 = unit(r.get("schools"), "9906210002");
    assertThat(school2.get("version").asLong()).isEqualTo(2);
    assertThat(school2.get("responses").asLong()).isEqualTo(25);
    JsonNode small = unit(r.get("schools"), "9906220001");
    assertThat(cells(small.get("questions").get(0))).containsExactly("null", "null", "null");
    assertThat(small.get("satisfaction").isNull()).isTrue();
    assertThat(cells(unit(r.get("counties"), C1).get("questions").get(0))).containsExactly("40", "15", "0");

    // a county sees its own schools only, and another county's results are not found
    JsonNode county = ok(as(Keycloak.tokenAs("county-admin", C1), "GET", "/api/city/counties/" + C1 + "/surveys/" + id + "/results", null));
    assertThat(county.get("schools").size()).isEqualTo(2);
    assertThat(county.get("responses").asLong()).isEqualTo(65);
    assertThat(as(Keycloak.tokenAs("county-admin", C1), "GET", "/api/city/counties/" + C2 + "/surveys/" + id + "/results", null)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(as(Keycloak.tokenAs("county-admin", C1), "GET", "/api/city/surveys/" + id + "/results", null)
        .getStatusCode().value()).isIn(403, 404);
    assertThat(ids(ok(as(Keycloak.tokenAs("county-admin", C1), "GET", "/api/city/counties/" + C1 + "/surveys", null)))).contains(id);
  }

  @Test
  void countsShowingASmallCellOrAnUnknownQuestionAreRefused() {
    String id = created(as(staff(), "POST", "/api/city/surveys", BODY)).get("id").asString();
    ok(as(staff(), "POST", "/api/city/surveys/" + id + "/publication", null));
    deliver(results(id, "9906210003", C1, 1, 40, q("Q1", 40L, 37L, 3L, 0L)));
    deliver(results(id, "9906210004", C1, 1, 40, q("Q9", 40L, 40L)));
    deliver(results(id, "9906210005", C1, 1, 4, q("Q1", 4L, null, null, null)));
    assertThat(count("select count(*) from survey_school_result where survey_id = '" + id + "'")).isZero();
    // and nothing for a survey still a draft
    String draft = created(as(staff(), "POST", "/api/city/surveys", BODY)).get("id").asString();
    deliver(results(draft, "9906210003", C1, 1, 40, q("Q1", 40L, 20L, 20L, 0L)));
    assertThat(count("select count(*) from survey_school_result where survey_id = '" + draft + "'")).isZero();
  }

  @Test
  void aCountyBuildsPublishesAndClosesItsOwnSurveyOnlyForItsSchoolsAndCannotStepTheCitys() {
    String admin1 = Keycloak.tokenAs("county-admin", C1);
    String admin2 = Keycloak.tokenAs("county-admin", C2);
    JsonNode draft = created(as(admin1, "POST", "/api/city/counties/" + C1 + "/surveys", BODY));
    String id = draft.get("id").asString();
    assertThat(draft.get("countyId").asString()).as("the county's own schools").isEqualTo(C1);
    assertThat(draft.get("ownerTier").asString()).isEqualTo("COUNTY");
    // its draft is in its list, not in the other county's
    assertThat(ids(ok(as(admin1, "GET", "/api/city/counties/" + C1 + "/surveys", null)))).contains(id);
    assertThat(ids(ok(as(admin2, "GET", "/api/city/counties/" + C2 + "/surveys", null)))).doesNotContain(id);
    // another county neither steps it nor builds one for the first county
    assertProblem(as(admin2, "POST", "/api/city/counties/" + C2 + "/surveys/" + id + "/publication", null), 404, id);
    assertThat(as(admin2, "POST", "/api/city/counties/" + C1 + "/surveys", BODY).getStatusCode().value()).isIn(403, 404);
    ResponseEntity<JsonNode> elsewhere = as(admin1, "POST", "/api/city/counties/" + C1 + "/surveys",
        BODY.replace("\"audience\":\"PARENTS\",", "\"audience\":\"PARENTS\",\"countyId\":\"" + C2 + "\","));
    assertProblem(elsewhere, 422, C2);
    assertThat(errors(elsewhere)).anyMatch(e -> e.startsWith("countyId:"));
    // a county staff member who is not admin cannot build one
    assertThat(as(Keycloak.tokenAs("county-assessor", C1), "POST", "/api/city/counties/" + C1 + "/surveys", BODY)
        .getStatusCode().value()).isEqualTo(403);

    assertThat(ok(as(admin1, "POST", "/api/city/counties/" + C1 + "/surveys/" + id + "/publication", null)).get("status").asString())
        .isEqualTo("OPEN");
    assertConflict(as(admin1, "POST", "/api/city/counties/" + C1 + "/surveys/" + id + "/publication", null), "OPEN");
    assertThat(ok(as(admin1, "POST", "/api/city/counties/" + C1 + "/surveys/" + id + "/closure", null)).get("status").asString())
        .isEqualTo("CLOSED");
    awaitOutboxDrained();
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(published(id)).hasSize(2));
    assertThat(published(id)).extracting(SurveyPublished::countyId).containsOnly(C1);
    // the city sees it in its list
    assertThat(ids(ok(as(staff(), "GET", "/api/city/surveys", null)))).contains(id);

    // a survey the city built for the county: the county sees it once published, but does not step it
    String citys = created(as(staff(), "POST", "/api/city/surveys",
        BODY.replace("\"audience\":\"PARENTS\",", "\"audience\":\"PARENTS\",\"countyId\":\"" + C1 + "\","))).get("id").asString();
    assertProblem(as(admin1, "POST", "/api/city/counties/" + C1 + "/surveys/" + citys + "/publication", null), 404, citys);
    assertThat(ids(ok(as(admin1, "GET", "/api/city/counties/" + C1 + "/surveys", null)))).doesNotContain(citys);
    ok(as(staff(), "POST", "/api/city/surveys/" + citys + "/publication", null));
    ResponseEntity<JsonNode> notOwner = as(admin1, "POST", "/api/city/counties/" + C1 + "/surveys/" + citys + "/closure", null);
    assertConflict(notOwner, "OPEN");
    assertThat(notOwner.getBody().get("ownerTier").asString()).isEqualTo("CITY");
    assertThat(ok(as(staff(), "GET", "/api/city/surveys/" + citys, null)).get("status").asString()).isEqualTo("OPEN");
  }

  /** The listener as Kafka calls it; a redelivery is ignored by the inbox. */
  private void deliver(SurveyResultsPublished r) {
    String json = EventCodec.encode(EventEnvelope.wrap("school-service", Instant.parse("2026-03-01T02:00:00Z"), r));
    listener.on(json);
    listener.on(json);
  }

  private static SurveyResultsPublished results(String survey, String school, String county, long version, long responses,
      QuestionCounts... questions) {
    return new SurveyResultsPublished(survey, school, county, "问卷学校" + school, responses, List.of(questions),
        Instant.parse("2026-03-01T02:00:00Z").plusSeconds(version), version);
  }

  private static QuestionCounts q(String code, Long answered, Long... counts) {
    List<OptionCount> options = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      String option = code.equals("Q3") ? String.valueOf(i + 1) : String.valueOf((char) ('A' + i));
      options.add(new OptionCount(option, counts[i]));
    }
    return new QuestionCounts(code, answered, options);
  }

  private static List<String> cells(JsonNode question) {
    List<String> out = new ArrayList<>();
    question.get("options").forEach(o -> out.add(o.get("count") == null || o.get("count").isNull() ? "null" : o.get("count").asString()));
    return out;
  }

  private static JsonNode unit(JsonNode units, String id) {
    for (JsonNode u : units) {
      if (id.equals(u.get("id").asString())) {
        return u;
      }
    }
    throw new AssertionError(id + " not in " + units);
  }

  private static String staff() {
    return Keycloak.tokenAs("city-staff", Keycloak.CITY);
  }

  private ResponseEntity<JsonNode> as(String token, String method, String path, String json) {
    var spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).headers(h -> h.setBearerAuth(token));
    if (json != null) {
      spec = spec.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return spec.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  private static JsonNode ok(ResponseEntity<JsonNode> r) {
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    return r.getBody();
  }

  private static JsonNode created(ResponseEntity<JsonNode> r) {
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
    return r.getBody();
  }

  private static void assertConflict(ResponseEntity<JsonNode> r, String status) {
    assertProblem(r, 409, "");
    assertThat(r.getBody().get("currentStatus").asString()).isEqualTo(status);
  }

  private static List<String> errors(ResponseEntity<JsonNode> r) {
    List<String> out = new ArrayList<>();
    r.getBody().get("errors").forEach(e -> out.add(e.asString()));
    return out;
  }

  private static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(l -> out.add(l.get("id").asString()));
    return out;
  }

  private List<SurveyPublished> published(String id) {
    Set<String> own = new HashSet<>(jdbc.sql("select event_id::text from outbox_event where topic = ?")
        .param(Topics.CITY_SURVEYS).query(String.class).list());
    List<SurveyPublished> out = new ArrayList<>();
    readAll(Topics.CITY_SURVEYS).forEach(rec -> {
      EventEnvelope<SurveyPublished> env = EventCodec.decode(rec.value(), SurveyPublished.class);
      if (own.contains(env.eventId().toString()) && env.payload().surveyId().equals(id)) {
        assertThat(rec.key()).isEqualTo(id);
        out.add(env.payload());
      }
    });
    return out;
  }
}
