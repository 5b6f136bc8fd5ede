package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.district.DemonstrationFixtures.application;
import static org.gongyu.district.DemonstrationFixtures.assignment;
import static org.gongyu.district.DemonstrationFixtures.scores;
import static org.gongyu.district.DemonstrationFixtures.selfEvaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.district.v1.DemonstrationStatusChanged;
import org.gongyu.district.demonstration.Applications;
import org.gongyu.district.demonstration.TrailEntry;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.AccessMatrix.Endpoint;
import org.gongyu.testing.AccessMatrix.Level;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.TopicRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Steps 5 to 7 of the demonstration programme through the API, from fixture applications: the
 * panel, assignment conflicts (own school, former employment, recent visit by the clock),
 * declarations and the file they guard, the start, scores and their history, consensus,
 * decisions and the title event, illegal moves, and the access matrix of every endpoint.
 */
class DemonstrationAssessmentIT extends DistrictITSupport {

  /** conflicts, declarations and the file */
  static final String C1 = "990131";
  /** scoring, consensus and decisions */
  static final String C2 = "990132";
  /** the panel */
  static final String C3 = "990133";
  /** illegal moves; its assessor is "the assessor of another county" */
  static final String C4 = "990134";

  @Autowired CityCalendar calendar;
  @Autowired Applications applications;

  @BeforeAll
  void schoolsAndProgrammes() {
    for (String c : List.of(C1, C2, C3, C4)) {
      for (int i = 1; i <= 6; i++) {
        putSchool(c, school(c, i), "示范测试学校" + i, "PRIMARY", null);
      }
      DemonstrationFixtures.programme(jdbc, c, programme(c, 1));
      DemonstrationFixtures.programme(jdbc, c, programme(c, 2));
    }
  }

  @AfterEach
  void systemTime() {
    clock.reset();
  }

  // ---- the panel

  @Test
  void panelEntriesAreVersionedAndTheirSchoolsMustBeRegistered() {
    String u = assessor("p", C3);
    ResponseEntity<JsonNode> created = putAssessor(C3, u, "张评估", school(C3, 1), school(C3, 2), school(C1, 3));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getBody().get("version").asLong()).isEqualTo(1);
    assertThat(created.getBody().get("active").asBoolean()).isTrue();
    assertThat(putAssessor(C3, u, "张评估", school(C3, 1), school(C3, 2), school(C1, 3)).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<JsonNode> renamed = putAssessor(C3, u, "张评估员", school(C3, 1), school(C3, 2), school(C1, 3));
    assertThat(renamed.getStatusCode().value()).isEqualTo(200);
    assertThat(renamed.getBody().get("version").asLong()).isEqualTo(2);

    String before = panelRow(C3, u);
    // the home school must be of this county; former schools of any county, but registered
    assertField(putAssessor(C3, u, "张评估员", school(C1, 1)), 422, "homeSchoolId");
    assertField(putAssessor(C3, u, "张评估员", "9901339999"), 422, "homeSchoolId");
    assertField(putAssessor(C3, u, "张评估员", school(C3, 1), "9901319999"), 422, "formerSchoolIds");
    assertField(putAssessor(C3, u, "张评估员", school(C3, 1), school(C3, 1)), 422, "formerSchoolIds");
    assertField(call("PUT", demo(C3) + "/assessors/" + u, "{\"name\":\" \"}", null), 400, "name");
    assertField(call("PUT", demo(C3) + "/assessors/" + u, "{\"name\":\"张\",\"formerSchoolIds\":[\"bad id!\"]}", null), 400,
        "formerSchoolIds");
    assertField(call("PUT", demo(C3) + "/assessors/Upper.Case", "{\"name\":\"张\"}", null), 400, "username");
    assertField(call("PUT", demo(C3) + "/assessors/" + u, "{\"name\":\"张\",\"countyId\":\"990101\"}", null), 400, "countyId");
    assertThat(panelRow(C3, u)).isEqualTo(before);
    assertThat(count("select count(*) from demonstration_assessor where username = 'upper.case'")).isZero();

    // the county's panel (DemonstrationPapersIT adds its own two assessors to this county): one
    // entry for u, none for the refused username
    List<JsonNode> mine = new java.util.ArrayList<>();
    call("GET", demo(C3) + "/assessors", null, null).getBody().forEach(e -> {
      assertThat(e.get("username").asString()).isNotEqualTo("upper.case");
      if (u.equals(e.get("username").asString())) {
        mine.add(e);
      }
    });
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("name").asString()).isEqualTo("张评估员");
    assertThat(mine.get(0).get("formerSchoolIds").toString()).isEqualTo("[\"" + school(C3, 2) + "\",\"" + school(C1, 3) + "\"]");
  }

  // ---- assignments and their conflicts

  @Test
  void assignmentRefusesDetectedConflictsOffPanelAssessorsAndDuplicates() {
    UUID app = selfEvaluated(C1, 1, 1);
    String own = assessor("own", C1);
    String former = assessor("former", C1);
    String inactive = assessor("inactive", C1);
    String ok = assessor("a", C1);
    panel(C1, own, school(C1, 1));
    panel(C1, former, school(C1, 2), school(C1, 1));
    panel(C1, ok, school(C1, 2));
    putAssessor(C1, inactive, "停用专家", null, false);

    ResponseEntity<JsonNode> ownSchool = assign(C1, app, own);
    assertProblem(ownSchool, 409, "never assesses their own school");
    assertThat(ownSchool.getBody().get("conflict").asString()).isEqualTo("OWN_SCHOOL");
    ResponseEntity<JsonNode> formerEmployment = assign(C1, app, former);
    assertProblem(formerEmployment, 409, "worked at school " + school(C1, 1));
    assertThat(formerEmployment.getBody().get("conflict").asString()).isEqualTo("FORMER_EMPLOYMENT");
    assertField(assign(C1, app, inactive), 422, "assessor");
    assertField(assign(C1, app, assessor("nobody", C1)), 422, "assessor");
    assertField(call("POST", demo(C1) + "/applications/" + app + "/assignments", "{}", null), 400, "assessor");
    assertThat(assignmentsOf(app)).isEmpty();
    assertThat(trail(app)).isEmpty();

    ResponseEntity<JsonNode> assigned = assign(C1, app, ok);
    assertThat(assigned.getStatusCode().value()).isEqualTo(201);
    assertThat(assigned.getBody().get("status").asString()).isEqualTo("ASSIGNED");
    assertThat(assigned.getBody().get("round").asInt()).isEqualTo(1);
    assertProblem(assign(C1, app, ok), 409, "already assigned");
    assertThat(assignmentsOf(app)).containsExactly(ok + ":ASSIGNED");
    assertThat(trail(app)).containsExactly("ASSIGN");

    // an application of another county is not found; one still creating cannot be assigned
    assertThat(assign(C2, app, ok).getStatusCode().value()).isEqualTo(404);
    UUID creating = application(jdbc, C1, programme(C1, 2), school(C1, 1), DemonstrationStatus.CREATING);
    ResponseEntity<JsonNode> early = assign(C1, creating, ok);
    assertProblem(early, 409, "needs status SELF_EVALUATED");
    assertThat(early.getBody().get("currentStatus").asString()).isEqualTo("CREATING");
  }

  @Test
  void aRecentVisitToTheSameSchoolIsAConflictInsideTheWindowOnly() {
    String school = school(C1, 4);
    UUID earlier = selfEvaluated(C1, 1, 4);
    UUID now = selfEvaluated(C1, 2, 4);
    String inside = assessor("visit-in", C1);
    String outside = assessor("visit-out", C1);
    String recused = assessor("visit-recused", C1);
    for (String u : List.of(inside, outside, recused)) {
      panel(C1, u, school(C1, 6));
    }
    Instant start = Instant.now();
    ZonedDateTime cityNow = start.atZone(calendar.zone());
    // 24 months less a day ago: inside the window; 24 months and a day ago: outside
    clock.set(cityNow.minusMonths(24).plusDays(1).toInstant());
    assertThat(assign(C1, earlier, inside).getStatusCode().value()).isEqualTo(201);
    clock.set(cityNow.minusMonths(24).minusDays(1).toInstant());
    assertThat(assign(C1, earlier, outside).getStatusCode().value()).isEqualTo(201);
    clock.reset();
    assertThat(assign(C1, earlier, recused).getStatusCode().value()).isEqualTo(201);
    assertThat(declare(C1, earlier, recused, List.of("RELATIVE")).getBody().get("status").asString()).isEqualTo("RECUSED");

    ResponseEntity<JsonNode> refused = assign(C1, now, inside);
    assertProblem(refused, 409, "within the last 24 months");
    assertThat(refused.getBody().get("conflict").asString()).isEqualTo("RECENT_VISIT");
    assertThat(refused.getBody().get("detail").asString()).contains(earlier.toString(), school);
    assertThat(assign(C1, now, outside).getStatusCode().value()).isEqualTo(201);
    assertThat(assign(C1, now, recused).getStatusCode().value()).as("a recused assignment was no visit").isEqualTo(201);

    // two days later the first visit is more than 24 months old
    clock.advance(Duration.ofDays(2));
    assertThat(assign(C1, now, inside).getStatusCode().value()).isEqualTo(201);
    assertThat(assignmentsOf(now)).containsExactlyInAnyOrder(outside + ":ASSIGNED", recused + ":ASSIGNED", inside + ":ASSIGNED");
  }

  // ---- declarations, the file, the start

  @Test
  void declarationsClearOrRecuseAndOnlyClearedAssessorsReadTheFile() {
    UUID app = selfEvaluated(C1, 1, 5);
    String a = assessor("a", C1);
    String b = assessor("b", C1);
    String c = assessor("c", C1);
    for (String u : List.of(a, b, c)) {
      panel(C1, u, school(C1, 2));
      assertThat(assign(C1, app, u).getStatusCode().value()).isEqualTo(201);
    }
    // before declaring: no file
    assertProblem(file(C1, app, token("a", C1)), 403, "declare conflicts of interest first");
    ResponseEntity<JsonNode> adminFile = file(C1, app, null);
    assertThat(adminFile.getStatusCode().value()).isEqualTo(200);
    assertThat(adminFile.getBody().get("round").asInt()).isEqualTo(1);
    assertThat(adminFile.getBody().get("items").size()).isEqualTo(3);
    assertThat(adminFile.getBody().get("items").get(1).get("criterionCode").asString()).isEqualTo("A1.2");
    assertThat(adminFile.getBody().get("items").get(1).get("selfScore").decimalValue()).isEqualByComparingTo("16");
    assertThat(adminFile.getBody().get("items").get(1).get("evidence").get(0).get("reference").asString())
        .isEqualTo("https://example.edu/stats/2025");
    assertThat(adminFile.getBody().get("rubric").get("passMark").decimalValue()).isEqualByComparingTo("30");
    assertThat(adminFile.getBody().get("rubric").get("fullMark").decimalValue()).isEqualByComparingTo("40");
    assertThat(adminFile.getBody().get("rubric").get("areas").get(0).get("criteria").get(1).get("points").decimalValue())
        .isEqualByComparingTo("20");

    // only the assessor declares for themself
    assertProblem(call("POST", declarationPath(C1, app, a), declaration(List.of()), token("b", C1)), 403, "only " + a);
    assertThat(call("POST", declarationPath(C1, app, a), declaration(List.of()), null).getStatusCode().value())
        .as("a county admin").isEqualTo(403);
    assertThat(call("POST", declarationPath(C1, app, a), declaration(List.of()), token("a", C4)).getStatusCode().value())
        .as("the assessor of another county").isEqualTo(404);
    assertField(call("POST", declarationPath(C1, app, a), "{\"conflicts\":[],\"statement\":\"\"}", token("a", C1)), 400, "statement");
    assertField(call("POST", declarationPath(C1, app, a), "{\"conflicts\":[\"FRIEND\"],\"statement\":\"无\"}", token("a", C1)), 400,
        "conflicts");
    assertThat(assignmentsOf(app)).containsExactly(a + ":ASSIGNED", b + ":ASSIGNED", c + ":ASSIGNED");
    // each assessor's own list says what is due: the declaration first
    assertThat(myDue(C1, "a", app)).isEqualTo("ASSIGNED DECLARE SELF_EVALUATED round 1");
    ResponseEntity<JsonNode> mine = call("GET", demo(C1) + "/my-assignments", null, token("a", C1));
    JsonNode listed = null;
    for (JsonNode n : mine.getBody()) {
      listed = n.get("applicationId").asString().equals(app.toString()) ? n : listed;
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("schoolId").asString()).isEqualTo(
        jdbc.sql("select school_id from demonstration_application where id = ?").param(app).query(String.class).single());
    assertThat(listed.get("schoolName").asString()).isNotBlank();
    assertThat(call("GET", demo(C4) + "/my-assignments", null, token("a", C4)).getBody().toString())
        .as("the namesake assessor of another county").doesNotContain(app.toString());

    ResponseEntity<JsonNode> cleared = declare(C1, app, a, List.of());
    assertThat(cleared.getStatusCode().value()).isEqualTo(200);
    assertThat(cleared.getBody().get("status").asString()).isEqualTo("CLEARED");
    assertProblem(declare(C1, app, a, List.of("RELATIVE")), 409, "already declared");
    ResponseEntity<JsonNode> recused = declare(C1, app, c, List.of("RELATIVE"));
    assertThat(recused.getBody().get("status").asString()).isEqualTo("RECUSED");
    assertThat(recused.getBody().get("declaredConflicts").toString()).isEqualTo("[\"RELATIVE\"]");

    assertThat(file(C1, app, token("a", C1)).getStatusCode().value()).isEqualTo(200);
    assertThat(myDue(C1, "a", app)).as("cleared, the county has not started").isEqualTo("CLEARED WAIT SELF_EVALUATED round 1");
    assertThat(myDue(C1, "c", app)).as("recused").isEqualTo("RECUSED NONE SELF_EVALUATED round 1");
    assertProblem(file(C1, app, token("c", C1)), 403, "recused");
    assertProblem(file(C1, app, token("d", C1)), 403, "not assigned");
    assertThat(file(C1, app, token("a", C4)).getStatusCode().value()).as("the assessor of another county").isEqualTo(404);

    // the start needs two cleared and nobody undeclared
    ResponseEntity<JsonNode> early = call("POST", demo(C1) + "/applications/" + app + "/assessment/start", null, null);
    assertProblem(early, 409, "1 cleared, 1 undeclared, 1 recused");
    assertThat(early.getBody().get("cleared").asInt()).isEqualTo(1);
    assertThat(early.getBody().get("undeclared").asInt()).isEqualTo(1);
    assertThat(declare(C1, app, b, List.of()).getBody().get("status").asString()).isEqualTo("CLEARED");
    ResponseEntity<JsonNode> started = call("POST", demo(C1) + "/applications/" + app + "/assessment/start", null, null);
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    assertThat(started.getBody().get("status").asString()).isEqualTo("ASSESSING");
    assertThat(status(app)).isEqualTo("ASSESSING");
    assertThat(myDue(C1, "a", app)).isEqualTo("CLEARED SCORE ASSESSING round 1");

    // the panel is fixed now: no more assignments, no more declarations
    String late = assessor("late", C1);
    panel(C1, late, school(C1, 2));
    assertThat(assign(C1, app, late).getBody().get("currentStatus").asString()).isEqualTo("ASSESSING");
    assertThat(assignmentsOf(app)).containsExactly(a + ":CLEARED", b + ":CLEARED", c + ":RECUSED");
    assertThat(trail(app)).containsExactly("ASSIGN", "ASSIGN", "ASSIGN", "DECLARE", "RECUSE", "DECLARE", "START_ASSESSMENT");
    assertThat(trailDetail(app, "RECUSE")).contains("\"conflicts\": [\"RELATIVE\"]").contains(c);

    // the school tier hears the panel with every assignment and declaration (ADR 0016): it serves the
    // evidence attachments to the cleared assessors only, from the path the file names
    String schoolId = jdbc.sql("select school_id from demonstration_application where id = ?").param(app).query(String.class).single();
    assertThat(adminFile.getBody().get("attachmentsHref").asString())
        .isEqualTo("/api/school/schools/" + schoolId + "/demonstration/applications/" + app + "/attachments");
    List<org.gongyu.contracts.district.v1.AssessmentPanelChanged> panels = org.awaitility.Awaitility.await().atMost(PATIENCE)
        .until(() -> TopicRecords.readAll(Topics.DISTRICT_DEMONSTRATION).stream()
            .filter(r -> EventCodec.typeOf(r.value()).equals("AssessmentPanelChanged"))
            .map(r -> EventCodec.decode(r.value(), org.gongyu.contracts.district.v1.AssessmentPanelChanged.class).payload())
            .filter(e -> e.applicationId().equals(app)).toList(), l -> l.size() == 6);
    assertThat(panels).extracting(org.gongyu.contracts.district.v1.AssessmentPanelChanged::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(panels.get(5).members()).extracting(m -> m.assessor() + ":" + m.round() + ":" + m.status())
        .containsExactly(a + ":1:CLEARED", b + ":1:CLEARED", c + ":1:RECUSED");
    assertThat(panels.get(5).schoolId()).isEqualTo(schoolId);
    assertThat(panels.get(0).members()).extracting(m -> m.assessor() + ":" + m.status()).containsExactly(a + ":ASSIGNED");
  }

  // ---- scores

  @Test
  void badScoresAreRefusedNamingTheFieldAndStoreNothing() {
    UUID app = assessing(C2, 1, 1, "a", "b");
    String path = demo(C2) + "/applications/" + app + "/scores/A1.1";
    String a = token("a", C2);
    assertField(call("PUT", path, "{\"comment\":\"好\"}", a), 400, "points");
    assertField(call("PUT", path, "{\"points\":-1,\"comment\":\"好\"}", a), 400, "points");
    assertField(call("PUT", path, "{\"points\":5.125,\"comment\":\"好\"}", a), 400, "points");
    assertField(call("PUT", path, "{\"points\":10.01,\"comment\":\"好\"}", a), 422, "points");
    assertField(call("PUT", path, "{\"points\":\"many\",\"comment\":\"好\"}", a), 400, "points");
    assertField(call("PUT", path, "{\"points\":5}", a), 400, "comment");
    assertField(call("PUT", path, "{\"points\":5,\"comment\":\"   \"}", a), 400, "comment");
    assertField(call("PUT", path, "{\"points\":5,\"comment\":\"" + "长".repeat(1001) + "\"}", a), 400, "comment");
    assertField(call("PUT", path, "{\"points\":5,\"comment\":\"好\",\"assessor\":\"other\"}", a), 400, "assessor");
    assertProblem(call("PUT", demo(C2) + "/applications/" + app + "/scores/Z9.9", score("5", "好"), a), 404, "Z9.9");
    // the right body from the wrong people
    assertThat(call("PUT", path, score("5", "好"), null).getStatusCode().value()).as("a county admin").isEqualTo(403);
    assertThat(call("PUT", demo(C4) + "/applications/" + app + "/scores/A1.1", score("5", "好"), token("a", C4))
        .getStatusCode().value()).as("the assessor of another county").isEqualTo(404);
    assertProblem(call("PUT", path, score("5", "好"), token("d", C2)), 403, "not assigned");
    assertThat(count("select count(*) from demonstration_score where application_id = '" + app + "'")).isZero();
    assertThat(trail(app)).isEmpty();
  }

  @Test
  void everyScoreChangeIsInTheHistoryInOrderAndSubmittedScoresAreFrozen() {
    UUID app = assessing(C2, 1, 2, "a", "b");
    String a = token("a", C2);
    String base = demo(C2) + "/applications/" + app;
    assertThat(call("PUT", base + "/scores/A1.1", score("6", "章程齐全"), a).getStatusCode().value()).isEqualTo(201);
    ResponseEntity<JsonNode> same = call("PUT", base + "/scores/A1.1", score("6", "章程齐全"), a);
    assertThat(same.getStatusCode().value()).isEqualTo(200);
    assertThat(same.getBody().get("points").decimalValue()).isEqualByComparingTo("6");
    assertThat(call("PUT", base + "/scores/A1.1", score("7", "章程齐全"), a).getStatusCode().value()).isEqualTo(200);
    assertThat(call("PUT", base + "/scores/A1.1", score("7.5", "章程齐全，授课记录完整"), a).getStatusCode().value()).isEqualTo(200);
    assertThat(call("PUT", base + "/scores/A1.2", score("20", "满分"), a).getStatusCode().value()).isEqualTo(201);
    // the drafts read back, each assessor only their own (a form opened anywhere shows what was saved)
    assertThat(myScores(base, a)).containsExactly("A1.1=7.50 章程齐全，授课记录完整", "A1.2=20.00 满分");
    assertThat(myScores(base, token("b", C2))).isEmpty();
    assertProblem(call("GET", base + "/scores/mine", null, token("d", C2)), 403, "not assigned");

    ResponseEntity<JsonNode> incomplete = call("POST", base + "/scores/submit", null, a);
    assertProblem(incomplete, 422, "A3.1");
    assertThat(incomplete.getBody().get("errors").toString()).contains("A3.1").doesNotContain("A1.1");
    assertThat(call("PUT", base + "/scores/A3.1", score("9", "计划完整"), a).getStatusCode().value()).isEqualTo(201);
    assertThat(scoreChanges(app)).containsExactly(
        "A1.1:null->6.00", "A1.1:6.00->7.00", "A1.1:7.00->7.50", "A1.2:null->20.00", "A3.1:null->9.00");

    // the other assessor has not submitted: the sheet is not theirs to see yet
    assertProblem(call("GET", base + "/scoresheet", null, token("b", C2)), 403, "submit your own scores first");
    ResponseEntity<JsonNode> submitted = call("POST", base + "/scores/submit", null, a);
    assertThat(submitted.getStatusCode().value()).isEqualTo(200);
    assertThat(submitted.getBody().get("total").decimalValue()).isEqualByComparingTo("36.5");
    assertProblem(call("PUT", base + "/scores/A1.1", score("8", "改"), a), 409, "frozen");
    assertProblem(call("POST", base + "/scores/submit", null, a), 409, "frozen");
    assertThat(scoreChanges(app)).hasSize(5);
    assertThat(trail(app)).containsExactly("SCORE", "SCORE", "SCORE", "SCORE", "SCORE", "SUBMIT_SCORES");
    assertThat(trailActors(app)).containsOnly(assessor("a", C2));

    JsonNode sheet = call("GET", base + "/scoresheet", null, a).getBody();
    assertThat(sheet.get("criteria").get(0).get("scores").get(0).get("comment").asString()).isEqualTo("章程齐全，授课记录完整");
    assertThat(sheet.get("missing").toString()).contains("the submitted scores of " + assessor("b", C2)).doesNotContain(assessor("a", C2));
  }

  @Test
  void anAssessorWhoNowWorksAtTheSchoolCanNeitherScoreItNorReadItsFile() {
    UUID app = assessing(C2, 2, 5, "m", "n");
    String m = token("m", C2);
    String base = demo(C2) + "/applications/" + app;
    panel(C2, assessor("m", C2), school(C2, 6));
    assertThat(call("PUT", base + "/scores/A1.1", score("6", "章程齐全"), m).getStatusCode().value()).isEqualTo(201);

    panel(C2, assessor("m", C2), school(C2, 5)); // the panel now says m works at the applicant
    ResponseEntity<JsonNode> refused = call("PUT", base + "/scores/A1.2", score("18", "平台数据"), m);
    assertProblem(refused, 409, "never assesses their own school");
    assertThat(refused.getBody().get("conflict").asString()).isEqualTo("OWN_SCHOOL");
    assertProblem(file(C2, app, m), 409, "own school");
    assertProblem(call("POST", base + "/scores/submit", null, m), 409, "own school");
    assertThat(scoreChanges(app)).containsExactly("A1.1:null->6.00");
    assertThat(call("PUT", base + "/scores/A1.2", score("18", "平台数据"), token("n", C2)).getStatusCode().value())
        .as("the other assessor still scores").isEqualTo(201);
  }

  @Test
  void noTitleRestsOnTheScoresOfSomeoneWhoNowWorksAtTheSchool() {
    UUID app = application(jdbc, C4, programme(C4, 2), school(C4, 5), DemonstrationStatus.ASSESSING);
    selfEvaluation(jdbc, app, 1);
    for (String w : List.of("x", "y")) {
      token(w, C4);
      assignment(jdbc, app, 1, assessor(w, C4), "CLEARED", true);
      scores(jdbc, app, 1, assessor(w, C4), "9", "18", "9");
    }
    panel(C4, assessor("x", C4), school(C4, 5));
    ResponseEntity<JsonNode> award = call("POST", app(C4, app) + "/decision", decision("AWARD", "通过"), null);
    assertProblem(award, 409, "now works at school " + school(C4, 5));
    assertThat(award.getBody().get("conflict").asString()).isEqualTo("OWN_SCHOOL");
    assertThat(count("select count(*) from demonstration_title where application_id = '" + app + "'")).isZero();
    ResponseEntity<JsonNode> defer = call("POST", app(C4, app) + "/decision", decision("DEFER", "评估专家调入该校，重新评估"), null);
    assertThat(defer.getStatusCode().value()).as("%s", defer.getBody()).isEqualTo(200);
    assertThat(defer.getBody().get("status").asString()).isEqualTo("DEFERRED");
  }

  // ---- consensus and decision

  @Test
  void aSpreadAboveTheMarginNeedsAConsensusAndTheAwardNeedsThePassMark() {
    UUID app = assessing(C2, 2, 1, "a", "b");
    String base = demo(C2) + "/applications/" + app;
    scores(jdbc, app, 1, assessor("a", C2), "8", "15", "7");
    scores(jdbc, app, 1, assessor("b", C2), "8", "19", "7");

    ResponseEntity<JsonNode> early = call("POST", base + "/decision", decision("AWARD", null), null);
    assertProblem(early, 409, "cannot be decided yet");
    assertThat(early.getBody().get("missing").toString()).contains("the submitted scores of " + assessor("a", C2));
    assertProblem(call("PUT", base + "/consensus/A1.2", consensus("17", "合议"), null), 409, "not yet submitted");
    submit(C2, app, "a");
    submit(C2, app, "b");

    JsonNode sheet = call("GET", base + "/scoresheet", null, null).getBody();
    JsonNode a12 = sheet.get("criteria").get(1);
    assertThat(a12.get("criterionCode").asString()).isEqualTo("A1.2");
    assertThat(a12.get("nameZh").asString()).isEqualTo("数字家长学校");
    assertThat(a12.get("nameEn").asString()).as("both names of the standard").isEqualTo("Digital parent school");
    assertThat(a12.get("spread").decimalValue()).isEqualByComparingTo("4");
    assertThat(a12.get("needsConsensus").asBoolean()).isTrue();
    assertThat(a12.get("result").decimalValue()).isEqualByComparingTo("17");
    assertThat(sheet.get("criteria").get(0).get("needsConsensus").asBoolean()).isFalse();
    assertThat(sheet.get("finalScore").decimalValue()).isEqualByComparingTo("32");
    assertThat(sheet.get("missing").toString()).contains("a consensus on A1.2 (spread 4.00 > margin 2.00)");
    assertThat(sheet.get("totals").get(0).get("assessor").asString()).isEqualTo(assessor("a", C2));
    assertThat(sheet.get("totals").get(0).get("total").decimalValue()).isEqualByComparingTo("30");
    assertThat(sheet.get("totals").get(1).get("total").decimalValue()).isEqualByComparingTo("34");

    assertProblem(call("PUT", base + "/consensus/A1.1", consensus("8", "无需"), null), 409, "needs no consensus");
    assertProblem(call("PUT", base + "/consensus/Z9", consensus("8", "无"), null), 404, "Z9");
    assertField(call("PUT", base + "/consensus/A1.2", consensus("21", "合议"), null), 422, "points");
    assertField(call("PUT", base + "/consensus/A1.2", "{\"points\":15}", null), 400, "note");
    assertProblem(call("POST", base + "/decision", decision("AWARD", null), null), 409, "a consensus on A1.2");
    assertThat(call("PUT", base + "/consensus/A1.2", consensus("14", "合议后取下限"), null).getStatusCode().value()).isEqualTo(201);

    ResponseEntity<JsonNode> below = call("POST", base + "/decision", decision("AWARD", null), null);
    assertProblem(below, 409, "the final score 29.00 is below the pass mark 30");
    assertThat(below.getBody().get("finalScore").decimalValue()).isEqualByComparingTo("29");
    assertThat(status(app)).isEqualTo("ASSESSING");
    assertThat(count("select count(*) from demonstration_title where application_id = '" + app + "'")).isZero();
    assertThat(call("PUT", base + "/consensus/A1.2", consensus("16", "复核材料后合议"), null).getStatusCode().value()).isEqualTo(200);
    assertThat(trailDetails(app, "CONSENSUS")).hasSize(2);
    assertThat(trailDetails(app, "CONSENSUS").get(1)).contains("\"from\": 14.00").contains("\"to\": 16.00");

    ResponseEntity<JsonNode> awarded = call("POST", base + "/decision", decision("AWARD", "达到认定标准"), null);
    assertThat(awarded.getStatusCode().value()).as("%s", awarded.getBody()).isEqualTo(200);
    LocalDate today = calendar.today();
    LocalDate validUntil = today.plusYears(3).minusDays(1);
    assertThat(awarded.getBody().get("status").asString()).isEqualTo("TITLED");
    assertThat(awarded.getBody().get("finalScore").decimalValue()).isEqualByComparingTo("31");
    assertThat(awarded.getBody().get("titleValidUntil").asString()).isEqualTo(validUntil.toString());
    assertThat(jdbc.sql("select final_score from demonstration_application where id = ?").param(app).query(BigDecimal.class).single())
        .isEqualByComparingTo("31");
    assertThat(jdbc.sql("select school_id || ':' || xuequ_key || ':' || awarded_on || ':' || valid_until || ':' || programme_id"
            + " from demonstration_title where application_id = ?").param(app).query(String.class).single())
        .isEqualTo(school(C2, 1) + "::" + today + ":" + validUntil + ":" + programme(C2, 2));

    DemonstrationStatusChanged event = awaitStatusEvent(app, DemonstrationStatus.TITLED);
    assertThat(event.previousStatus()).isEqualTo(DemonstrationStatus.ASSESSING);
    assertThat(event.finalScore()).isEqualByComparingTo("31");
    assertThat(event.titleValidUntil()).isEqualTo(validUntil);
    assertThat(event.reason()).isEqualTo("达到认定标准");

    // decided: nothing more to score, agree or decide
    ResponseEntity<JsonNode> again = call("POST", base + "/decision", decision("REJECT", "重复"), null);
    assertThat(again.getBody().get("currentStatus").asString()).isEqualTo("TITLED");
    assertThat(call("PUT", base + "/consensus/A1.2", consensus("15", "改"), null).getBody().get("currentStatus").asString())
        .isEqualTo("TITLED");
    assertThat(trail(app)).endsWith("CONSENSUS", "CONSENSUS", "AWARD");
  }

  @Test
  void rejectAndDeferAndTheNextRoundIsAssessedAnew() {
    UUID rejected = assessing(C2, 1, 3, "a", "b");
    scores(jdbc, rejected, 1, assessor("a", C2), "5", "10", "5");
    scores(jdbc, rejected, 1, assessor("b", C2), "5", "10", "5");
    submit(C2, rejected, "a");
    submit(C2, rejected, "b");
    String reject = demo(C2) + "/applications/" + rejected + "/decision";
    assertField(call("POST", reject, decision("REJECT", null), null), 422, "note");
    assertField(call("POST", reject, "{\"outcome\":\"MAYBE\",\"note\":\"x\"}", null), 400, "outcome");
    assertThat(status(rejected)).isEqualTo("ASSESSING");
    ResponseEntity<JsonNode> r = call("POST", reject, decision("REJECT", "家访工作未达标"), null);
    assertThat(r.getBody().get("status").asString()).isEqualTo("REJECTED");
    assertThat(r.getBody().get("finalScore").decimalValue()).isEqualByComparingTo("20");
    assertThat(awaitStatusEvent(rejected, DemonstrationStatus.REJECTED).finalScore()).isEqualByComparingTo("20");

    UUID deferred = assessing(C2, 1, 4, "a", "b");
    scores(jdbc, deferred, 1, assessor("a", C2), "7", "14", "7");
    scores(jdbc, deferred, 1, assessor("b", C2), "7", "14", "7");
    submit(C2, deferred, "a");
    submit(C2, deferred, "b");
    ResponseEntity<JsonNode> d = call("POST", demo(C2) + "/applications/" + deferred + "/decision", decision("DEFER", "补充材料后再评"), null);
    assertThat(d.getBody().get("status").asString()).isEqualTo("DEFERRED");
    assertThat(awaitStatusEvent(deferred, DemonstrationStatus.DEFERRED).finalScore()).isEqualByComparingTo("28");

    // the school submits round 2: its assessors of round 1 are not assigned to it
    DemonstrationFixtures.resubmitted(jdbc, deferred);
    String base = demo(C2) + "/applications/" + deferred;
    assertProblem(call("POST", base + "/assessment/start", null, null), 409, "0 cleared, 0 undeclared");
    assertProblem(file(C2, deferred, token("a", C2)), 403, "not assigned to round 2");
    panel(C2, assessor("a", C2), school(C2, 6));
    ResponseEntity<JsonNode> again = assign(C2, deferred, assessor("a", C2));
    assertThat(again.getStatusCode().value()).as("the same application's earlier round is no recent visit").isEqualTo(201);
    assertThat(again.getBody().get("round").asInt()).isEqualTo(2);
    JsonNode sheet = call("GET", base + "/scoresheet", null, null).getBody();
    assertThat(sheet.get("round").asInt()).isEqualTo(2);
    assertThat(sheet.get("criteria").get(0).get("scores").size()).isZero();
    assertThat(sheet.get("assessors").toString()).contains("ASSIGNED").doesNotContain("CLEARED");
  }

  // ---- illegal moves

  @Test
  void actsOutsideTheirStatusAnswer409WithTheCurrentStatus() {
    record Move(String method, String suffix, String body, String token) {}
    UUID applied = application(jdbc, C4, programme(C4, 1), school(C4, 1), DemonstrationStatus.APPLIED);
    UUID selfEvaluated = selfEvaluated(C4, 1, 2);
    UUID titled = application(jdbc, C4, programme(C4, 1), school(C4, 3), DemonstrationStatus.TITLED);
    assignment(jdbc, selfEvaluated, 1, assessor("a", C4), "CLEARED", false);
    assignment(jdbc, titled, 1, assessor("a", C4), "CLEARED", false);
    Map<UUID, String> statuses = Map.of(applied, "APPLIED", selfEvaluated, "SELF_EVALUATED", titled, "TITLED");
    String a = token("a", C4);
    List<Move> moves = List.of(
        new Move("POST", "/assessment/start", null, null),
        new Move("PUT", "/scores/A1.1", score("5", "好"), a),
        new Move("POST", "/scores/submit", null, a),
        new Move("PUT", "/consensus/A1.1", consensus("5", "合议"), null),
        new Move("POST", "/decision", decision("REJECT", "不符合"), null));
    int checked = 0;
    for (UUID app : List.of(applied, selfEvaluated, titled)) {
      for (Move m : moves) {
        if (app.equals(selfEvaluated) && m.suffix().equals("/assessment/start")) {
          continue; // allowed from SELF_EVALUATED (refused there for want of assessors, tested above)
        }
        ResponseEntity<JsonNode> r = call(m.method(), demo(C4) + "/applications/" + app + m.suffix(), m.body(), m.token());
        assertProblem(r, 409, "is " + statuses.get(app));
        assertThat(r.getBody().get("currentStatus").asString()).as("%s %s on %s", m.method(), m.suffix(), statuses.get(app))
            .isEqualTo(statuses.get(app));
        checked++;
      }
    }
    // assignment and declaration need SELF_EVALUATED
    assertThat(assign(C4, titled, assessor("a", C4)).getBody().get("currentStatus").asString()).isEqualTo("TITLED");
    assertThat(declare(C4, titled, assessor("a", C4), List.of()).getBody().get("currentStatus").asString()).isEqualTo("TITLED");
    assertThat(checked).isEqualTo(14);
    assertThat(count("select count(*) from demonstration_trail where application_id in ('" + applied + "','" + selfEvaluated
        + "','" + titled + "')")).isZero();
    assertThat(List.of(status(applied), status(selfEvaluated), status(titled))).containsExactly("APPLIED", "SELF_EVALUATED", "TITLED");
  }

  // ---- who may call what

  @Test
  void accessMatrixOfTheAssessmentEndpoints() {
    String own = "990101";
    String me = "assessor-990101";
    Map<String, UUID> sheets = new HashMap<>();
    for (String c : List.of(own, "990102", "990103")) {
      DemonstrationFixtures.programme(jdbc, c, "DASSESS-M-" + c);
      sheets.put(c, application(jdbc, c, "DASSESS-M-" + c, c + "8800", DemonstrationStatus.SELF_EVALUATED));
    }
    String p = "DASSESS-M-" + own;
    UUID toAssign = matrixApp(p, 1, DemonstrationStatus.SELF_EVALUATED);
    UUID toDeclare = matrixApp(p, 2, DemonstrationStatus.SELF_EVALUATED);
    assignment(jdbc, toDeclare, 1, me, "ASSIGNED", false);
    UUID toRead = matrixApp(p, 3, DemonstrationStatus.SELF_EVALUATED);
    assignment(jdbc, toRead, 1, me, "CLEARED", false);
    UUID toStart = matrixApp(p, 4, DemonstrationStatus.SELF_EVALUATED);
    assignment(jdbc, toStart, 1, me, "CLEARED", false);
    assignment(jdbc, toStart, 1, "dassess-matrix", "CLEARED", false);
    UUID toScore = matrixApp(p, 5, DemonstrationStatus.ASSESSING);
    assignment(jdbc, toScore, 1, me, "CLEARED", false);
    UUID toSubmit = matrixApp(p, 6, DemonstrationStatus.ASSESSING);
    assignment(jdbc, toSubmit, 1, me, "CLEARED", false);
    scores(jdbc, toSubmit, 1, me, "5", "10", "5");
    sheets.put(own, toSubmit);
    UUID toAgree = matrixApp(p, 7, DemonstrationStatus.ASSESSING);
    UUID toDecide = matrixApp(p, 8, DemonstrationStatus.ASSESSING);
    for (UUID app : List.of(toAgree, toDecide)) {
      assignment(jdbc, app, 1, me, "CLEARED", true);
      assignment(jdbc, app, 1, "dassess-matrix", "CLEARED", true);
      scores(jdbc, app, 1, me, "5", "10", "5");
      scores(jdbc, app, 1, "dassess-matrix", "5", app.equals(toAgree) ? "15" : "10", "5");
    }

    Set<String> readers = Set.of("county-assessor", "county-admin", "city-staff", "city-admin");
    Set<String> admin = Set.of("county-admin");
    Set<String> assessorOnly = Set.of("county-assessor");
    Set<String> staff = Set.of("county-assessor", "county-admin");
    var endpoints = List.of(
        Endpoint.send("PUT", Level.COUNTY, c -> demo(c) + "/assessors/" + me, "{\"name\":\"矩阵专家\",\"formerSchoolIds\":[]}", admin),
        Endpoint.get(Level.COUNTY, c -> demo(c) + "/assessors", readers),
        Endpoint.send("POST", Level.COUNTY, c -> app(c, toAssign) + "/assignments", "{\"assessor\":\"" + me + "\"}", admin),
        Endpoint.send("POST", Level.COUNTY, c -> app(c, toDeclare) + "/assignments/" + me + "/declaration", declaration(List.of()),
            assessorOnly),
        Endpoint.get(Level.COUNTY, c -> app(c, toRead) + "/file", staff),
        Endpoint.get(Level.COUNTY, c -> demo(c) + "/my-assignments", assessorOnly),
        Endpoint.get(Level.COUNTY, c -> app(c, toScore) + "/scores/mine", assessorOnly),
        Endpoint.send("POST", Level.COUNTY, c -> app(c, toStart) + "/assessment/start", null, admin),
        Endpoint.send("PUT", Level.COUNTY, c -> app(c, toScore) + "/scores/A1.1", score("5", "矩阵"), assessorOnly),
        Endpoint.send("POST", Level.COUNTY, c -> app(c, toSubmit) + "/scores/submit", null, assessorOnly),
        Endpoint.get(Level.COUNTY, c -> app(c, sheets.get(c)) + "/scoresheet", readers),
        Endpoint.send("PUT", Level.COUNTY, c -> app(c, toAgree) + "/consensus/A1.2", consensus("12", "矩阵合议"), admin),
        Endpoint.send("POST", Level.COUNTY, c -> app(c, toDecide) + "/decision", decision("REJECT", "矩阵"), admin));

    AccessMatrix.Result result = AccessMatrix.run(endpoints, this::statusOf);
    System.out.println(result.summary("district-service demonstration assessment"));
    assertThat(result.failures()).as(result.summary("district-service")).isEmpty();

    // the permitted calls did their work once; the refused ones nothing
    assertThat(assignmentsOf(toAssign)).containsExactly(me + ":ASSIGNED");
    assertThat(assignmentsOf(toDeclare)).containsExactly(me + ":CLEARED");
    assertThat(status(toStart)).isEqualTo("ASSESSING");
    assertThat(count("select count(*) from demonstration_score where application_id = '" + toScore + "'")).isEqualTo(1);
    assertThat(count("select count(*) from demonstration_consensus where application_id = '" + toAgree + "'")).isEqualTo(1);
    assertThat(status(toDecide)).isEqualTo("REJECTED");
    assertThat(count("select count(*) from demonstration_assessor where username = '" + me + "' and county_id <> '" + own + "'"))
        .isZero();
    assertThat(trail(sheets.get("990102"))).isEmpty();
    assertThat(trail(sheets.get("990103"))).isEmpty();
  }

  // ---- helpers

  /** "criterion=points comment" of the caller's own scores of an application. */
  List<String> myScores(String base, String token) {
    ResponseEntity<JsonNode> r = call("GET", base + "/scores/mine", null, token);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    List<String> scores = new ArrayList<>();
    r.getBody().forEach(n -> scores.add(n.get("criterionCode").asString() + "=" + n.get("points").decimalValue().setScale(2)
        + " " + n.get("comment").asString()));
    return scores;
  }

  /** "assignmentStatus due applicationStatus round n" of {@code app} in assessor {@code who}'s own list. */
  String myDue(String county, String who, UUID app) {
    ResponseEntity<JsonNode> r = call("GET", demo(county) + "/my-assignments", null, token(who, county));
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    for (JsonNode n : r.getBody()) {
      if (n.get("applicationId").asString().equals(app.toString()) && n.get("current").asBoolean()) {
        return n.get("assignmentStatus").asString() + " " + n.get("due").asString() + " "
            + n.get("applicationStatus").asString() + " round " + n.get("round").asInt();
      }
    }
    return "not listed";
  }

  static String demo(String county) {
    return "/api/district/counties/" + county + "/demonstration";
  }

  static String app(String county, UUID id) {
    return demo(county) + "/applications/" + id;
  }

  static String school(String county, int n) {
    return county + String.format("%04d", n);
  }

  static String programme(String county, int n) {
    return "DASSESS-P" + n + "-" + county;
  }

  /** The username of test assessor {@code who} of a county (a Keycloak user with role county-assessor there). */
  static String assessor(String who, String county) {
    return "dassess-" + who + "-county-assessor-" + county;
  }

  static String token(String who, String county) {
    return Keycloak.accounts().tokenAs("dassess-" + who, "county-assessor", county, Keycloak.CITY);
  }

  /** A SELF_EVALUATED application (round 1, with its self-evaluation) of programme {@code p} for school {@code s}. */
  UUID selfEvaluated(String county, int p, int s) {
    UUID id = application(jdbc, county, programme(county, p), school(county, s), DemonstrationStatus.SELF_EVALUATED);
    selfEvaluation(jdbc, id, 1);
    return id;
  }

  /** An ASSESSING application (round 1) with the test assessors {@code who} cleared. */
  UUID assessing(String county, int p, int s, String... who) {
    UUID id = application(jdbc, county, programme(county, p), school(county, s), DemonstrationStatus.ASSESSING);
    selfEvaluation(jdbc, id, 1);
    for (String w : who) {
      token(w, county); // the user exists in Keycloak
      assignment(jdbc, id, 1, assessor(w, county), "CLEARED", false);
    }
    return id;
  }

  UUID matrixApp(String programmeId, int n, DemonstrationStatus status) {
    UUID id = application(jdbc, "990101", programmeId, "99010188" + String.format("%02d", n), status);
    selfEvaluation(jdbc, id, 1);
    return id;
  }

  ResponseEntity<JsonNode> call(String method, String path, String json, String token) {
    var request = http.method(HttpMethod.valueOf(method)).uri(path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> putAssessor(String county, String username, String name, String home, String... former) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("homeSchoolId", home);
    body.put("formerSchoolIds", List.of(former));
    return call("PUT", demo(county) + "/assessors/" + username, JSON.writeValueAsString(body), null);
  }

  ResponseEntity<JsonNode> putAssessor(String county, String username, String name, String home, boolean active) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("homeSchoolId", home);
    body.put("active", active);
    return call("PUT", demo(county) + "/assessors/" + username, JSON.writeValueAsString(body), null);
  }

  void panel(String county, String username, String home, String... former) {
    ResponseEntity<JsonNode> r = putAssessor(county, username, "专家" + username.length(), home, former);
    assertThat(r.getStatusCode().is2xxSuccessful()).as("panel %s: %s", username, r.getBody()).isTrue();
  }

  ResponseEntity<JsonNode> assign(String county, UUID app, String assessor) {
    return call("POST", app(county, app) + "/assignments", "{\"assessor\":\"" + assessor + "\"}", null);
  }

  static String declarationPath(String county, UUID app, String assessor) {
    return app(county, app) + "/assignments/" + assessor + "/declaration";
  }

  static String declaration(List<String> conflicts) {
    return JSON.writeValueAsString(Map.of("conflicts", conflicts, "statement", "本人承诺如实申报利益冲突"));
  }

  /** The declaration of {@code username} (a test assessor's username), with their own token. */
  ResponseEntity<JsonNode> declare(String county, UUID app, String username, List<String> conflicts) {
    String who = username.substring("dassess-".length(), username.indexOf("-county-assessor-"));
    return call("POST", declarationPath(county, app, username), declaration(conflicts), token(who, county));
  }

  ResponseEntity<JsonNode> file(String county, UUID app, String token) {
    return call("GET", app(county, app) + "/file", null, token);
  }

  void submit(String county, UUID app, String who) {
    ResponseEntity<JsonNode> r = call("POST", app(county, app) + "/scores/submit", null, token(who, county));
    assertThat(r.getStatusCode().value()).as("submit by %s: %s", who, r.getBody()).isEqualTo(200);
  }

  static String score(String points, String comment) {
    return "{\"points\":" + points + ",\"comment\":\"" + comment + "\"}";
  }

  static String consensus(String points, String note) {
    return "{\"points\":" + points + ",\"note\":\"" + note + "\"}";
  }

  static String decision(String outcome, String note) {
    Map<String, Object> body = new HashMap<>();
    body.put("outcome", outcome);
    body.put("note", note);
    return JSON.writeValueAsString(body);
  }

  /** A 4xx problem whose detail or errors name {@code field}. */
  static void assertField(ResponseEntity<JsonNode> r, int status, String field) {
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(status);
    assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    String named = r.getBody().get("detail").asString() + " " + (r.getBody().has("errors") ? r.getBody().get("errors").toString() : "");
    assertThat(named).as("%s", r.getBody()).contains(field);
  }

  String status(UUID app) {
    return jdbc.sql("select status from demonstration_application where id = ?").param(app).query(String.class).single();
  }

  String panelRow(String county, String username) {
    return jdbc.sql("select name || ':' || coalesce(home_school_id, '-') || ':' || former_school_ids::text || ':' || active || ':' || version"
            + " from demonstration_assessor where county_id = ? and username = ?")
        .params(county, username).query(String.class).single();
  }

  List<String> assignmentsOf(UUID app) {
    return jdbc.sql("select assessor || ':' || status from demonstration_assignment where application_id = ? order by assigned_at, assessor")
        .param(app).query(String.class).list();
  }

  List<String> trail(UUID app) {
    return jdbc.sql("select action from demonstration_trail where application_id = ? order by id").param(app).query(String.class).list();
  }

  List<String> trailActors(UUID app) {
    return jdbc.sql("select actor from demonstration_trail where application_id = ? order by id").param(app).query(String.class).list();
  }

  List<String> trailDetails(UUID app, String action) {
    return jdbc.sql("select detail::text from demonstration_trail where application_id = ? and action = ? order by id")
        .params(app, action).query(String.class).list();
  }

  String trailDetail(UUID app, String action) {
    return trailDetails(app, action).getFirst();
  }

  /** Every SCORE entry of the application's history (what its history endpoint shows) as criterion:from->to, in order. */
  List<String> scoreChanges(UUID app) {
    List<String> out = new ArrayList<>();
    for (TrailEntry entry : applications.history(app)) {
      if (!entry.action().equals("SCORE")) {
        continue;
      }
      JsonNode d = JSON.readTree(entry.detailJson());
      out.add(d.get("criterion").asString() + ":" + (d.get("from").isNull() ? "null" : cents(d.get("from")))
          + "->" + cents(d.get("to")));
    }
    return out;
  }

  /** A JSON number as a plain string with 2 decimals (JSON parsers may drop trailing zeros). */
  static String cents(JsonNode number) {
    return number.decimalValue().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  /** The application's status event with {@code status}, once the outbox has published it. */
  DemonstrationStatusChanged awaitStatusEvent(UUID app, DemonstrationStatus status) {
    return org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> TopicRecords.readAll(Topics.DISTRICT_DEMONSTRATION).stream()
            .filter(r -> EventCodec.typeOf(r.value()).equals("DemonstrationStatusChanged"))
            .map(r -> EventCodec.decode(r.value(), DemonstrationStatusChanged.class).payload())
            .filter(e -> e.applicationId().equals(app) && e.status() == status)
            .findFirst(), java.util.Optional::isPresent)
        .orElseThrow();
  }
}
