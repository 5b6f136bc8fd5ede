package org.gongyu.school.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.school.SchoolRecordsItSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Guardian consent before sensitive records, and the retention purge under a movable clock (issue 12 item 7). */
@TestPropertySource(properties = "gongyu.school.consent.required=true")
class ConsentAndRetentionIT extends SchoolRecordsItSupport {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired RetentionPurge purge;
  @Autowired FieldCipher cipher;

  static Map<String, Object> entry(String student, String registered, String closed) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("classId", "C1");
    m.put("studentRef", student);
    m.put("category", "LEFT_BEHIND");
    m.put("registeredOn", registered);
    m.put("careFileOn", registered);
    if (closed != null) {
      m.put("closedOn", closed);
    }
    m.put("notes", "由祖母照看 note-" + student);
    m.put("reason", "更正"); // required for a correction (issue 13)
    return m;
  }

  static Map<String, Object> kase(String student, String opened, String status, String resolved) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("classId", "C1");
    m.put("studentRef", student);
    m.put("category", "FAMILY_RELATIONS");
    m.put("openedOn", opened);
    m.put("consultant", "李老师");
    m.put("status", status);
    if (resolved != null) {
      m.put("resolvedOn", resolved);
    }
    m.put("notes", "secret-note-" + student);
    m.put("reason", "更正"); // required for a correction (issue 13)
    return m;
  }

  Response consent(String school, String student, String category, String givenOn) {
    return send("POST", "/api/school/schools/" + school + "/consents",
        Map.of("studentRef", student, "category", category, "givenOn", givenOn, "basis", "WRITTEN"));
  }

  long rows(String table, String school) {
    return jdbc.sql("select count(*) from " + table + " where school_id = ?").param(school).query(Long.class).single();
  }

  @Test
  void aSensitiveRecordNeedsTheGuardiansStandingConsentAndAWithdrawnConsentAllowsNoNewOne() {
    String school = "9901019811";
    registerSchool(school);
    putClass(school, "C1", PAST_YEAR, 20);
    String base = "/api/school/schools/" + school;

    assertProblem(send("PUT", base + "/special-students/SS-1", entry("STU-C1", "2026-09-10", null)), 409, "SPECIAL_CARE");
    assertThat(rows("special_student", school)).isZero();

    Response given = consent(school, "STU-C1", "SPECIAL_CARE", "2026-09-05");
    assertThat(given.status()).as(given.body()).isEqualTo(201);
    assertThat(given.body()).contains("\"category\":\"SPECIAL_CARE\"").contains("\"givenOn\":\"2026-09-05\"")
        .contains("\"basis\":\"WRITTEN\"").doesNotContain("STU-C1");
    // the same consent sent again (a re-run of a school system's load): the standing one, nothing new
    Response again = consent(school, "STU-C1", "SPECIAL_CARE", "2026-09-05");
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).path("id").asLong()).isEqualTo(JSON.readTree(given.body()).path("id").asLong());
    assertThat(rows("guardian_consent", school)).isEqualTo(1);
    // a consent given after the record's day does not cover it
    assertProblem(send("PUT", base + "/special-students/SS-0", entry("STU-C1", "2026-09-02", null)), 409, "SPECIAL_CARE");
    assertThat(send("PUT", base + "/special-students/SS-1", entry("STU-C1", "2026-09-10", null)).status()).isEqualTo(201);
    // another student, another category: still missing
    assertProblem(send("PUT", base + "/special-students/SS-2", entry("STU-C2", "2026-09-10", null)), 409, "SPECIAL_CARE");
    assertProblem(send("PUT", base + "/consultations/K-1", kase("STU-C1", "2026-10-10", "OPEN", null)), 409, "CONSULTATION");

    Response counselling = consent(school, "STU-C1", "CONSULTATION", "2026-10-01");
    long id = JSON.readTree(counselling.body()).path("id").asLong();
    assertThat(send("PUT", base + "/consultations/K-1", kase("STU-C1", "2026-10-10", "OPEN", null)).status()).isEqualTo(201);

    Response withdrawn = send("POST", base + "/consents/" + id + "/withdrawal", Map.of("withdrawnOn", "2027-03-01", "basis", "WRITTEN"));
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("\"withdrawnOn\":\"2027-03-01\"");
    assertProblem(send("POST", base + "/consents/" + id + "/withdrawal", Map.of("withdrawnOn", "2027-03-02", "basis", "WRITTEN")),
        409, String.valueOf(id));
    assertProblem(send("PUT", base + "/consultations/K-2", kase("STU-C1", "2027-04-10", "OPEN", null)), 409, "CONSULTATION");
    // a withdrawn consent does not stand: giving it again records a new one
    assertThat(consent(school, "STU-C1", "CONSULTATION", "2026-10-01").status()).isEqualTo(201);
    // the existing case can still be corrected (closed)
    assertThat(send("PUT", base + "/consultations/K-1", kase("STU-C1", "2026-10-10", "RESOLVED", "2027-01-10")).status())
        .isEqualTo(200);

    assertProblem(consent(school, "STU-C3", "SPECIAL_CARE", "2027-12-01"), 422, "givenOn");
    assertThat(consent(school, "STU-C3", "GRADES", "2027-01-01").status()).isEqualTo(400);
    assertThat(send("POST", base + "/consents/999999999/withdrawal", Map.of("withdrawnOn", "2027-03-02", "basis", "WRITTEN"))
        .status()).isEqualTo(404);
    // SPECIAL_CARE once (sent twice), CONSULTATION withdrawn and given again
    assertThat(rows("guardian_consent", school)).isEqualTo(3);
  }

  int postAs(String token, String path, Map<String, Object> body) {
    return http.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body(body).exchange((req, res) -> res.getStatusCode().value(), true);
  }

  @Test
  void onlyTheSchoolsOwnUsersRecordOrWithdrawConsents() {
    String school = "9901019813";
    String other = "9901019814";
    registerSchool(school);
    registerSchool(other);
    String path = "/api/school/schools/" + school + "/consents";
    Map<String, Object> body = Map.of("studentRef", "STU-A1", "category", "CONSULTATION", "givenOn", "2027-09-01", "basis", "ELECTRONIC");
    for (String[] user : new String[][] {{"county-admin", "990101"}, {"county-assessor", "990101"}, {"city-staff", "990100"},
        {"city-admin", "990100"}}) {
      assertThat(postAs(org.gongyu.testing.Keycloak.tokenAs(user[0], user[1]), path, body)).as(user[0]).isEqualTo(403);
    }
    assertThat(postAs(org.gongyu.testing.Keycloak.tokenAs("school-admin", other), path, body)).isEqualTo(404);
    assertThat(postAs(org.gongyu.testing.Keycloak.tokenAs("school-staff", other), path, body)).isEqualTo(404);
    assertThat(rows("guardian_consent", school)).isZero();
    assertThat(postAs(org.gongyu.testing.Keycloak.tokenAs("school-staff", school), path, body)).isEqualTo(201);
    long id = jdbc.sql("select id from guardian_consent where school_id = ?").param(school).query(Long.class).single();
    Map<String, Object> withdrawal = Map.of("withdrawnOn", "2027-10-01", "basis", "WRITTEN");
    assertThat(postAs(org.gongyu.testing.Keycloak.tokenAs("school-admin", other),
        "/api/school/schools/" + other + "/consents/" + id + "/withdrawal", withdrawal)).as("another school's consent").isEqualTo(404);
    assertThat(postAs(org.gongyu.testing.Keycloak.tokenAs("county-admin", "990101"), path + "/" + id + "/withdrawal", withdrawal))
        .isEqualTo(403);
    assertThat(postAs(org.gongyu.testing.Keycloak.tokenAs("school-staff", school), path + "/" + id + "/withdrawal", withdrawal))
        .isEqualTo(200);
  }

  record Figure(String code, String period, long version, long numerator, long denominator) {}

  List<Figure> snapshots(String school) {
    return jdbc.sql("""
            select indicator_code, period_id, version, numerator, denominator from indicator_snapshot where school_id = ?
            order by indicator_code, period_id, version""")
        .param(school)
        .query((rs, n) -> new Figure(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).list();
  }

  @Test
  void theDailyPurgeRemovesNotesAndStudentLinksOnceRetentionEndsAndNoPublishedFigureChanges() {
    String school = "9901019812";
    registerSchool(school);
    putClass(school, "C1", PAST_YEAR, 20);
    String base = "/api/school/schools/" + school;
    for (String student : List.of("STU-P1", "STU-P2")) {
      assertThat(consent(school, student, "SPECIAL_CARE", "2026-09-01").status()).isEqualTo(201);
      assertThat(consent(school, student, "CONSULTATION", "2026-09-01").status()).isEqualTo(201);
    }
    assertThat(send("PUT", base + "/special-students/SS-1", entry("STU-P1", "2026-09-10", "2026-12-20")).status()).isEqualTo(201);
    assertThat(send("PUT", base + "/special-students/SS-2", entry("STU-P2", "2026-09-10", null)).status()).isEqualTo(201);
    assertThat(send("PUT", base + "/consultations/K-1", kase("STU-P1", "2026-10-10", "RESOLVED", "2026-11-01")).status())
        .isEqualTo(201);
    assertThat(send("PUT", base + "/consultations/K-2", kase("STU-P2", "2026-10-12", "OPEN", null)).status()).isEqualTo(201);
    Response files = send("POST", base + "/home-visit-files", Map.of("files", List.of(
        Map.of("studentRef", "STU-P1", "classId", "C1", "openedOn", "2026-10-01"),
        Map.of("studentRef", "STU-P2", "classId", "C1", "openedOn", "2026-10-01"))));
    assertThat(files.status()).as(files.body()).isIn(200, 201);
    // STU-P2's file is withdrawn: whose file it was is kept (so that a re-sent batch does not bring it back) until
    // the file's retention ends, like the link of a file that stands
    String fileId = JSON.readTree(files.body()).path("fileIds").get(0).asString();
    String withdrawnFileId = JSON.readTree(files.body()).path("fileIds").get(1).asString();
    assertThat(send("POST", base + "/home-visit-files/" + withdrawnFileId + "/withdrawal", Map.of("reason", "学生转学")).status())
        .isEqualTo(200);
    assertThat(withdrawnFileLinks(school)).isEqualTo(1);

    List<Figure> published = snapshots(school);
    assertThat(published).isNotEmpty();
    String key1 = studentKey("special_student", "entry_id", school, "SS-1");
    String fileKey = jdbc.sql("select student_key from home_visit_file where school_id = ?").param(school).query(String.class).single();

    // today (2027-10-15): nothing has expired
    purge.purge();
    assertThat(purgedAt("special_student", "entry_id", school, "SS-1")).isNull();

    // 2028-01-05: SS-1 was closed more than a year ago; SS-2 is open; the case resolved 2026-11-01 stays 3 years
    clock.set(Instant.parse("2028-01-05T04:00:00Z"));
    RetentionPurge.Outcome first = purge.purge();
    assertThat(first.ran()).isTrue();
    assertThat(first.specialStudents()).isGreaterThanOrEqualTo(1);
    assertThat(purgedAt("special_student", "entry_id", school, "SS-1")).isNotNull();
    assertThat(notes("special_student", "entry_id", school, "SS-1")).isNull();
    assertThat(studentKey("special_student", "entry_id", school, "SS-1")).hasSize(64).isNotEqualTo(key1);
    assertThat(purgedAt("special_student", "entry_id", school, "SS-2")).isNull();
    assertThat(cipher.decrypt(school, notesBytes("special_student", "entry_id", school, "SS-2"))).contains("note-STU-P2");
    assertThat(purgedAt("consultation_case", "case_id", school, "K-1")).isNull();
    assertThat(withdrawnFileLinks(school)).isEqualTo(1);

    // 2029-11-02: the case resolved 2026-11-01 and the file opened 2026-10-01 are past their 3 years; the open case stays
    clock.set(Instant.parse("2029-11-02T04:00:00Z"));
    RetentionPurge.Outcome third = purge.purge();
    assertThat(third.withdrawnHomeVisitFiles()).isGreaterThanOrEqualTo(1);
    assertThat(withdrawnFileLinks(school)).isZero();
    assertThat(purgedAt("consultation_case", "case_id", school, "K-1")).isNotNull();
    assertThat(notes("consultation_case", "case_id", school, "K-1")).isNull();
    assertThat(purgedAt("consultation_case", "case_id", school, "K-2")).isNull();
    assertThat(notes("consultation_case", "case_id", school, "K-2")).isNotNull();
    String fileKeyAfter = jdbc.sql("select student_key from home_visit_file where school_id = ?").param(school).query(String.class).single();
    assertThat(fileKeyAfter).isNotEqualTo(fileKey);
    // the file keeps its id; the withdrawn one keeps its trail, which never held the student
    assertThat(jdbc.sql("select file_id from home_visit_file where school_id = ?").param(school).query(String.class).single())
        .isEqualTo(fileId);
    Response trail = send("GET", base + "/home-visit-files/" + withdrawnFileId + "/history", null);
    assertThat(trail.status()).as(trail.body()).isEqualTo(200);
    assertThat(trail.body()).contains("WITHDRAWN").doesNotContain("STU-P2");
    // a second run finds nothing more of this school
    long purgedRows = jdbc.sql("select count(*) from special_student where school_id = ? and purged_at is not null").param(school)
        .query(Long.class).single();
    purge.purge();
    assertThat(jdbc.sql("select count(*) from special_student where school_id = ? and purged_at is not null").param(school)
        .query(Long.class).single()).isEqualTo(purgedRows);

    // the counts stay: every row is still there and not one snapshot (version, numerator, denominator) changed
    assertThat(rows("special_student", school)).isEqualTo(2);
    assertThat(rows("consultation_case", school)).isEqualTo(2);
    assertThat(rows("home_visit_file", school)).isEqualTo(1);
    assertThat(snapshots(school)).isEqualTo(published);
    assertThat(jdbc.sql("select count(*) from retention_purge").query(Long.class).single()).isGreaterThanOrEqualTo(4);
  }

  long withdrawnFileLinks(String school) {
    return jdbc.sql("select count(*) from home_visit_file_withdrawn where school_id = ?").param(school).query(Long.class).single();
  }

  String studentKey(String table, String idColumn, String school, String id) {
    return jdbc.sql("select student_key from " + table + " where school_id = ? and " + idColumn + " = ?").params(school, id)
        .query(String.class).single();
  }

  Object purgedAt(String table, String idColumn, String school, String id) {
    return jdbc.sql("select purged_at from " + table + " where school_id = ? and " + idColumn + " = ?").params(school, id)
        .query((rs, n) -> rs.getTimestamp(1)).list().get(0);
  }

  byte[] notesBytes(String table, String idColumn, String school, String id) {
    return jdbc.sql("select notes from " + table + " where school_id = ? and " + idColumn + " = ?").params(school, id)
        .query((rs, n) -> rs.getBytes(1)).list().get(0);
  }

  Object notes(String table, String idColumn, String school, String id) {
    return notesBytes(table, idColumn, school, id);
  }
}
