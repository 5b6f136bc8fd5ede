package org.gongyu.school.homevisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.school.HttpItSupport;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 item 1 for home-visit files (一人一档) against a real PostgreSQL and Kafka: a file opened
 * in a batch gets an id of the service's (answered per item), is listed, read, corrected with a
 * reason (class and opening day, under the batch's rules; never the student), withdrawn with a
 * reason and keeps a trail; the VISIT_FILES figure follows; a withdrawn file re-sent in a batch is
 * not recorded again, another file of the student is; no answer carries the student.
 */
class HomeVisitFileCorrectionsIT extends HttpItSupport {

  /** 2026-11-23 noon in Beijing: semester 2026-2027-1 has started. */
  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String COUNTY = "990101";

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_hvf");
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-it-hvf");
    Keycloak.register(registry);
  }

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Override
  protected Instant now() {
    return NOW;
  }

  static String base(String school) {
    return "/api/school/schools/" + school;
  }

  /** Every answer of a test, to check that none carries a student. */
  private final List<Response> answers = new ArrayList<>();

  @Test
  void aFileIsCorrectedWithAReasonWithdrawnWithAReasonTheFigureFollowsAndTheTrailKeepsEveryVersion() {
    String school = "9901018601";
    String sibling = "9901018602";
    registerSchool(school, COUNTY);
    registerSchool(sibling, COUNTY);
    putClass(school, "C0", "2025-2026", 30);
    putClass(school, "C1", "2026-2027", 40);
    putClass(school, "C2", "2026-2027", 1);
    // STU-F1 is visited at home in spring 2026 and in autumn 2026; STU-F2 fills class C2
    assertThat(call("POST", base(school) + "/home-contacts", Map.of("contacts", List.of(
        contact("H-1", "C0", "STU-F1", "2026-03-10"), contact("H-2", "C1", "STU-F1", "2026-10-10"),
        contact("H-3", "C2", "STU-F2", "2026-10-12")))).status()).isEqualTo(200);

    // the batch answers the file id of each item, in order, and nothing of the student
    Response opened = call("POST", base(school) + "/home-visit-files", Map.of("files", List.of(
        file("STU-F1", "C0", "2026-03-01"), file("STU-F2", "C2", "2026-10-12"), file("STU-F1", "C0", "2026-03-01"))));
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    JsonNode batch = json(opened);
    assertThat(batch.path("accepted").asInt()).isEqualTo(2);
    assertThat(batch.path("alreadyRecorded").asInt()).isEqualTo(1);
    String fileId = batch.path("fileIds").get(0).asString();
    String other = batch.path("fileIds").get(1).asString();
    assertThat(fileId).matches("hvf-[0-9a-f]{32}").isNotEqualTo(other);
    assertThat(batch.path("fileIds").get(2).asString()).as("the same student's file again").isEqualTo(fileId);
    assertThat(latest(school)).containsEntry("VISIT_FILES/2025-2026-2", "1/1").containsEntry("VISIT_FILES/2026-2027-1", "2/2");
    String record = base(school) + "/home-visit-files/" + fileId;

    // the list of the school year names files by id, class, day and standing
    Response list = call("GET", base(school) + "/home-visit-files?schoolYear=2025-2026", null);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(json(list).size()).isEqualTo(1);
    assertThat(json(list).get(0).path("fileId").asString()).isEqualTo(fileId);
    assertThat(json(list).get(0).path("classId").asString()).isEqualTo("C0");
    assertThat(json(list).get(0).path("openedOn").asString()).isEqualTo("2026-03-01");
    assertThat(json(list).get(0).path("recordStatus").asString()).isEqualTo("ACTIVE");
    assertThat(json(call("GET", base(school) + "/home-visit-files?schoolYear=2026-2027", null)).size()).isEqualTo(1);
    assertThat(call("GET", base(school) + "/home-visit-files?schoolYear=2026", null).status()).isEqualTo(400);

    // one file: the purpose is required and the read is recorded
    long reads = reads(school);
    assertThat(call("GET", record, null).status()).as("no purpose").isEqualTo(400);
    assertThat(reads(school)).isEqualTo(reads);
    Response one = call("GET", record + "?purpose=STATISTICS_CHECK", null);
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    assertThat(json(one).path("version").asInt()).isEqualTo(1);
    assertThat(reads(school)).isEqualTo(reads + 1);
    assertThat(jdbc.sql("select record_id from sensitive_read where school_id = ? and family = 'HOME_VISIT_FILE' and record_id is not null")
        .param(school).query(String.class).list()).containsExactly(fileId);
    assertThat(call("GET", base(school) + "/home-visit-files/hvf-nothing?purpose=OTHER", null).status()).isEqualTo(404);

    // the same content again: nothing new
    long rows = snapshotRows(school);
    Response same = call("PUT", record, Map.of("classId", "C0", "openedOn", "2026-03-01"));
    assertThat(same.status()).as(same.body()).isEqualTo(200);
    assertThat(json(same).path("version").asInt()).isEqualTo(1);
    assertThat(snapshotRows(school)).isEqualTo(rows);

    // other content without a reason: 400 naming reason (zh-CN and en), nothing changes
    Map<String, Object> corrected = Map.of("classId", "C1", "openedOn", "2026-10-01");
    Response noReason = call("PUT", record, corrected);
    assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.contentType()).startsWith("application/problem+json");
    assertThat(json(noReason).path("errors").get(0).asString()).startsWith("reason: ");
    assertThat(json(sendAs("PUT", record, corrected, null, "zh-CN")).path("errors").get(0).asString())
        .isEqualTo("reason: 更正或撤回已记录的记录时必须填写原因");
    assertThat(snapshotRows(school)).isEqualTo(rows);

    // the student is not changed by a correction: 400 naming studentRef, in both languages
    Response student = sendAs("PUT", record, Map.of("classId", "C1", "openedOn", "2026-10-01", "studentRef", "STU-F9",
        "reason", "学生录错"), null, "en");
    assertThat(student.status()).as(student.body()).isEqualTo(400);
    assertThat(json(student).path("errors").get(0).asString()).startsWith("studentRef: ").contains("withdraw");
    assertThat(json(sendAs("PUT", record, Map.of("classId", "C1", "openedOn", "2026-10-01", "studentRef", "STU-F9",
        "reason", "学生录错"), null, "zh-CN")).path("errors").get(0).asString()).startsWith("studentRef: ").contains("撤回");

    // the batch's rules: the class of the day's school year, not in the future, not over-enrolled
    Response wrongYear = call("PUT", record, Map.of("classId", "C0", "openedOn", "2026-10-01", "reason", "日期录错"));
    assertThat(wrongYear.status()).as(wrongYear.body()).isEqualTo(422);
    assertThat(wrongYear.body()).contains("classId");
    Response future = call("PUT", record, Map.of("classId", "C1", "openedOn", "2026-12-01", "reason", "日期录错"));
    assertThat(future.status()).as(future.body()).isEqualTo(422);
    assertThat(future.body()).contains("openedOn");
    Response full = call("PUT", record, Map.of("classId", "C2", "openedOn", "2026-10-01", "reason", "班级录错"));
    assertThat(full.status()).as(full.body()).isEqualTo(422);
    assertThat(full.body()).contains("C2");
    assertThat(jdbc.sql("select class_id from home_visit_file where school_id = ? and file_id = ?").params(school, fileId)
        .query(String.class).single()).isEqualTo("C0");
    assertThat(snapshotRows(school)).isEqualTo(rows);

    // with a reason: version 2; opened after spring 2026 ended, the file no longer counts for it
    Response done = call("PUT", record, with(corrected, "reason", "开档日期录错"));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(json(done).path("version").asInt()).isEqualTo(2);
    assertThat(json(done).path("fileId").asString()).isEqualTo(fileId);
    assertThat(json(done).path("openedOn").asString()).isEqualTo("2026-10-01");
    assertThat(latest(school)).containsEntry("VISIT_FILES/2025-2026-2", "0/1").containsEntry("VISIT_FILES/2026-2027-1", "2/2");
    assertThat(json(call("GET", base(school) + "/home-visit-files?schoolYear=2026-2027&classId=C1", null)).size()).isEqualTo(1);

    // withdrawal: a reason is required; not by another school's admin (404) nor a county admin (403)
    assertThat(call("POST", record + "/withdrawal", Map.of("reason", " ")).status()).isEqualTo(400);
    assertThat(sendAs("POST", record + "/withdrawal", Map.of("reason", "x"), Keycloak.tokenAs("school-admin", sibling), null).status())
        .isEqualTo(404);
    assertThat(sendAs("POST", record + "/withdrawal", Map.of("reason", "x"), Keycloak.tokenAs("county-admin", COUNTY), null).status())
        .isEqualTo(403);
    assertThat(sendAs("GET", base(school) + "/home-visit-files?schoolYear=2026-2027", null, Keycloak.tokenAs("county-admin", COUNTY),
        null).status()).as("county users do not list a school's files").isEqualTo(403);
    Response withdrawn = call("POST", record + "/withdrawal", Map.of("reason", "学生已转学"));
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(json(withdrawn).path("recordStatus").asString()).isEqualTo("WITHDRAWN");
    assertThat(json(withdrawn).path("version").asInt()).isEqualTo(3);
    assertThat(json(withdrawn).path("withdrawnReason").asString()).isEqualTo("学生已转学");
    assertThat(json(withdrawn).path("withdrawnAt").asString()).isEqualTo("2026-11-23T04:00:00Z");
    assertThat(latest(school)).containsEntry("VISIT_FILES/2026-2027-1", "1/2").containsEntry("VISIT_FILES/2025-2026-2", "0/1");
    assertThat(jdbc.sql("select count(*) from home_visit_file where school_id = ? and file_id = ?").params(school, fileId)
        .query(Long.class).single()).as("the row leaves the table").isZero();

    // the school still lists and reads it, as withdrawn, after the active files
    JsonNode year = json(call("GET", base(school) + "/home-visit-files?schoolYear=2026-2027", null));
    assertThat(year.size()).isEqualTo(2);
    assertThat(year.get(0).path("fileId").asString()).isEqualTo(other);
    assertThat(year.get(1).path("fileId").asString()).isEqualTo(fileId);
    assertThat(year.get(1).path("recordStatus").asString()).isEqualTo("WITHDRAWN");
    assertThat(year.get(1).path("withdrawnReason").asString()).isEqualTo("学生已转学");
    assertThat(year.get(1).path("classId").asString()).isEqualTo("C1");
    assertThat(json(call("GET", record + "?purpose=FOLLOW_UP", null)).path("recordStatus").asString()).isEqualTo("WITHDRAWN");

    // the trail: three versions, oldest first, without the student
    Response history = call("GET", record + "/history", null);
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    JsonNode versions = json(history);
    assertThat(versions.size()).isEqualTo(3);
    assertThat(List.of(versions.get(0).path("action").asString(), versions.get(1).path("action").asString(),
        versions.get(2).path("action").asString())).containsExactly("CREATED", "CORRECTED", "WITHDRAWN");
    assertThat(versions.get(1).path("reason").asString()).isEqualTo("开档日期录错");
    assertThat(versions.get(1).path("actor").asString()).isNotBlank();
    assertThat(versions.get(2).path("reason").asString()).isEqualTo("学生已转学");
    assertThat(versions.get(0).path("content").path("openedOn").asString()).isEqualTo("2026-03-01");
    assertThat(versions.get(0).path("content").path("classId").asString()).isEqualTo("C0");
    assertThat(versions.get(1).path("content").path("openedOn").asString()).isEqualTo("2026-10-01");
    assertThat(versions.get(2).path("content").path("fileId").asString()).isEqualTo(fileId);
    assertThat(sendAs("GET", record + "/history", null, Keycloak.tokenAs("county-admin", COUNTY), null).status()).isEqualTo(403);
    assertThat(sendAs("GET", record + "/history", null, Keycloak.tokenAs("school-admin", sibling), null).status()).isEqualTo(404);

    // a second withdrawal and a correction of the withdrawn file: 409, the figure stays down
    assertThat(call("POST", record + "/withdrawal", Map.of("reason", "再次撤回")).status()).isEqualTo(409);
    Response again = call("PUT", record, Map.of("classId", "C1", "openedOn", "2026-10-02", "reason", "恢复"));
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(latest(school)).containsEntry("VISIT_FILES/2026-2027-1", "1/2");

    // the withdrawn file re-sent, as first sent or as corrected: already recorded, the figure stays down
    for (Map<String, Object> resent : List.of(file("STU-F1", "C0", "2026-03-01"), file("STU-F1", "C1", "2026-10-01"))) {
      rows = snapshotRows(school);
      Response replay = call("POST", base(school) + "/home-visit-files", Map.of("files", List.of(resent)));
      assertThat(replay.status()).as(replay.body()).isEqualTo(200);
      assertThat(json(replay).path("accepted").asInt()).isZero();
      assertThat(json(replay).path("alreadyRecorded").asInt()).isEqualTo(1);
      assertThat(json(replay).path("fileIds").get(0).asString()).isEqualTo(fileId);
      assertThat(snapshotRows(school)).isEqualTo(rows);
    }
    assertThat(latest(school)).containsEntry("VISIT_FILES/2026-2027-1", "1/2").containsEntry("VISIT_FILES/2025-2026-2", "0/1");

    // another file of the student (another day): a new file with an id of its own, counted again
    Response reopened = call("POST", base(school) + "/home-visit-files", Map.of("files", List.of(file("STU-F1", "C1", "2026-11-02"))));
    assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
    assertThat(json(reopened).path("accepted").asInt()).isEqualTo(1);
    String reopenedId = json(reopened).path("fileIds").get(0).asString();
    assertThat(reopenedId).isNotIn(fileId, other);
    assertThat(latest(school)).containsEntry("VISIT_FILES/2026-2027-1", "2/2");
    // and the first one re-sent now is still the withdrawn one, not a conflict with the new one
    Response replay = call("POST", base(school) + "/home-visit-files", Map.of("files", List.of(file("STU-F1", "C0", "2026-03-01"))));
    assertThat(replay.status()).as(replay.body()).isEqualTo(200);
    assertThat(json(replay).path("fileIds").get(0).asString()).isEqualTo(fileId);
    // a third content for the student while a file stands: the batch's 409, naming the standing file's day
    Response conflict = call("POST", base(school) + "/home-visit-files", Map.of("files", List.of(file("STU-F1", "C1", "2026-11-03"))));
    assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
    assertThat(conflict.body()).contains("2026-11-02");

    // no answer carried the student: neither the reference nor its pseudonym nor a member for it
    List<String> keys = jdbc.sql("""
            select trim(student_key) from home_visit_file where school_id = ?
            union select trim(student_key) from home_visit_file_withdrawn where school_id = ?""")
        .params(school, school).query(String.class).list();
    assertThat(keys).hasSize(2);
    // (a refusal may name the field studentRef a caller sent, never its value)
    assertThat(answers).hasSizeGreaterThan(30);
    for (Response r : answers) {
      assertThat(r.body()).as(r.body()).doesNotContain("STU-F").doesNotContain("\"studentRef\"").doesNotContain("\"studentKey\"")
          .doesNotContain(keys.get(0)).doesNotContain(keys.get(1));
    }
  }

  // ---------------------------------------------------------------- helpers

  void putClass(String school, String classId, String year, int enrolment) {
    Response r = call("PUT", base(school) + "/classes/" + classId, Map.of("schoolYear", year, "grade", 3, "name", classId + "班",
        "enrolment", enrolment));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  static Map<String, Object> contact(String id, String classId, String student, String date) {
    return Map.of("externalId", id, "classId", classId, "studentRef", student, "date", date, "mode", "IN_HOME");
  }

  static Map<String, Object> file(String student, String classId, String openedOn) {
    return Map.of("studentRef", student, "classId", classId, "openedOn", openedOn);
  }

  static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(m);
    copy.put(key, value);
    return copy;
  }

  Response call(String method, String path, Object body) {
    Response r = "GET".equals(method) ? get(path) : send(method, path, body);
    answers.add(r);
    return r;
  }

  Response sendAs(String method, String path, Object body, String token, String language) {
    var request = http.method(HttpMethod.valueOf(method)).uri(path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    Response r = request.exchange((req, res) -> new Response(res.getStatusCode().value(),
        String.valueOf(res.getHeaders().getContentType()), new String(res.getBody().readAllBytes())), true);
    answers.add(r);
    return r;
  }

  static JsonNode json(Response r) {
    return JSON.readTree(r.body());
  }

  /** indicator/period -> "num/den" of the latest stored snapshot. */
  Map<String, String> latest(String schoolId) {
    Map<String, String> m = new LinkedHashMap<>();
    jdbc.sql("""
            select distinct on (indicator_code, period_id) indicator_code, period_id, numerator, denominator
            from indicator_snapshot where school_id = ? order by indicator_code, period_id, version desc
            """)
        .param(schoolId)
        .query((rs, n) -> m.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3) + "/" + rs.getLong(4)))
        .list();
    return m;
  }

  long snapshotRows(String schoolId) {
    return jdbc.sql("select count(*) from indicator_snapshot where school_id = ?").param(schoolId).query(Long.class).single();
  }

  long reads(String schoolId) {
    return jdbc.sql("select count(*) from sensitive_read where school_id = ? and family = 'HOME_VISIT_FILE'").param(schoolId)
        .query(Long.class).single();
  }
}
