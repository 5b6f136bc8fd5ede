package org.gongyu.school.specialcare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.school.StudentRecordsItSupport;
import org.junit.jupiter.api.Test;

/** The special-student register against the real PostgreSQL and Kafka. */
class SpecialCareIT extends StudentRecordsItSupport {

  static final String NOTES = "父亲长期在外务工，由祖母照看，需每月电话回访";

  Response put(String school, String entryId, Map<String, Object> body) {
    return send("PUT", "/api/school/schools/" + school + "/special-students/" + entryId, body);
  }

  static Map<String, Object> entry(String classId, String student, String category, String registered, String careFile,
      String plan, String closed, String notes) {
    return json("classId", classId, "studentRef", student, "category", category, "registeredOn", registered,
        "careFileOn", careFile, "assistancePlanOn", plan, "closedOn", closed, "notes", notes,
        "reason", "更正"); // required for a correction (issue 13), kept with a new entry
  }

  long specialCareRows(String school) {
    return jdbc.sql("select count(*) from indicator_snapshot where school_id = ? and indicator_code = 'SPECIAL_CARE'")
        .param(school).query(Long.class).single();
  }

  long entries(String school) {
    return jdbc.sql("select count(*) from special_student where school_id = ?").param(school).query(Long.class).single();
  }

  @Test
  void entriesDeriveTheStateOnEachSemestersLastDayAndCorrectionsAreNewVersions() {
    String school = "9901013101";
    registerSchool(school);
    putClass(school, "C25", "2025-2026", 30);
    putClass(school, "C26", "2026-2027", 30);
    long outboxStart = outboxed(school);
    long snapshotsStart = snapshotRows(school);
    long specialStart = specialCareRows(school);
    // creating the class derived every indicator of its year: SPECIAL_CARE 0/0
    assertThat(figure(school, IndicatorCodes.SPECIAL_CARE, "2026-2027-1")).containsExactly(0, 0);
    long v0 = version(school, IndicatorCodes.SPECIAL_CARE, "2026-2027-1");

    // registered this semester with a care file but no plan yet: 0 of 1
    Response created = put(school, "SS-1", entry("C26", "STU-S1", "LEFT_BEHIND", "2026-09-10", "2026-09-20", null, null, NOTES));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"entryId\":\"SS-1\"").contains("\"category\":\"LEFT_BEHIND\"")
        .contains("\"registeredOn\":\"2026-09-10\"").contains("\"changed\":true")
        .doesNotContain("STU-S1").doesNotContain("祖母").doesNotContain("studentRef").doesNotContain("notes");
    assertThat(figure(school, IndicatorCodes.SPECIAL_CARE, "2026-2027-1")).containsExactly(0, 1);
    assertThat(version(school, IndicatorCodes.SPECIAL_CARE, "2026-2027-1")).isEqualTo(v0 + 1);

    // the same PUT again: 200, nothing changes, nothing published
    long outboxBefore = outboxed(school);
    Response same = put(school, "SS-1", entry("C26", "STU-S1", "LEFT_BEHIND", "2026-09-10", "2026-09-20", null, null, NOTES));
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.body()).contains("\"changed\":false").contains("\"version\":" + (v0 + 1));
    assertThat(outboxed(school)).isEqualTo(outboxBefore);

    // correction: the plan was made: 1 of 1, a new version
    Response corrected = put(school, "SS-1", entry("C26", "STU-S1", "LEFT_BEHIND", "2026-09-10", "2026-09-20", "2026-10-01", null, NOTES));
    assertThat(corrected.status()).isEqualTo(200);
    assertThat(corrected.body()).contains("\"changed\":true").contains("\"numerator\":1").contains("\"version\":" + (v0 + 2));
    assertThat(figure(school, IndicatorCodes.SPECIAL_CARE, "2026-2027-1")).containsExactly(1, 1);

    // a notes-only correction changes the entry but no figure
    long beforeNotes = outboxed(school);
    assertThat(put(school, "SS-1", entry("C26", "STU-S1", "LEFT_BEHIND", "2026-09-10", "2026-09-20", "2026-10-01", null, NOTES + "。"))
        .body()).contains("\"changed\":true");
    assertThat(outboxed(school)).isEqualTo(beforeNotes);

    // an entry of last year, closed in its second semester: counts in 2025-2026-1 only
    assertThat(put(school, "SS-2", entry("C25", "STU-S2", "HARDSHIP", "2025-10-01", "2025-10-02", "2025-10-03", "2026-03-01", null))
        .status()).isEqualTo(201);
    assertThat(figure(school, IndicatorCodes.SPECIAL_CARE, "2025-2026-1")).containsExactly(1, 1);
    assertThat(figure(school, IndicatorCodes.SPECIAL_CARE, "2025-2026-2")).containsExactly(0, 0);
    assertThat(figure(school, IndicatorCodes.SPECIAL_CARE, "2026-2027-1")).containsExactly(1, 1);

    // correction: it was never closed: it now counts in every later semester as well
    long later = version(school, IndicatorCodes.SPECIAL_CARE, "2026-2027-1");
    assertThat(put(school, "SS-2", entry("C25", "STU-S2", "HARDSHIP", "2025-10-01", "2025-10-02", "2025-10-03", null, null))
        .status()).isEqualTo(200);
    assertThat(figure(school, IndicatorCodes.SPECIAL_CARE, "2025-2026-2")).containsExactly(1, 1);
    assertThat(figure(school, IndicatorCodes.SPECIAL_CARE, "2026-2027-1")).containsExactly(2, 2);
    assertThat(version(school, IndicatorCodes.SPECIAL_CARE, "2026-2027-1")).isEqualTo(later + 1);
    // the second semester of 2026-2027 has not started: no figure for it
    assertThat(figure(school, IndicatorCodes.SPECIAL_CARE, "2026-2027-2")).isNull();

    List<IndicatorSnapshotPublished> events = publishedSnapshots(school, List.of("STU-", "祖母"));
    assertThat(events).filteredOn(e -> e.indicatorCode().equals(IndicatorCodes.SPECIAL_CARE) && e.periodId().equals("2026-2027-1"))
        .extracting(e -> e.numerator() + "/" + e.denominator() + " v" + e.version())
        .containsExactly("0/0 v" + v0, "0/1 v" + (v0 + 1), "1/1 v" + (v0 + 2), "2/2 v" + (v0 + 3));
    assertThat(outboxed(school) - outboxStart).as("one event per new snapshot version, none otherwise")
        .isEqualTo(snapshotRows(school) - snapshotsStart);
    assertThat(specialCareRows(school) - specialStart).as("the register re-derives only SPECIAL_CARE")
        .isEqualTo(snapshotRows(school) - snapshotsStart);
  }

  @Test
  void notesAreStoredEncryptedAndTheStudentOnlyAsAKeyedHash() {
    String school = "9901013102";
    registerSchool(school);
    putClass(school, "C26", "2026-2027", 30);
    assertThat(put(school, "SS-9", entry("C26", "STU-secret-3", "SPECIAL_NEEDS", "2026-10-01", null, null, null, NOTES)).status())
        .isEqualTo(201);
    byte[] notes = jdbc.sql("select notes from special_student where school_id = ?").param(school).query(byte[].class).single();
    assertThat(notes).isNotEmpty();
    assertThat(new String(notes, StandardCharsets.UTF_8)).doesNotContain("祖母").doesNotContain("务工");
    assertThat(notes.length).isGreaterThan(NOTES.getBytes(StandardCharsets.UTF_8).length);
    String rowText = jdbc.sql("select concat_ws('|', entry_id, class_id, student_key, category, encode(notes, 'escape')) from special_student where school_id = ?")
        .param(school).query(String.class).single();
    assertThat(rowText).doesNotContain("secret").doesNotContain("祖母");
    assertThat(jdbc.sql("select student_key from special_student where school_id = ?").param(school).query(String.class).single())
        .matches("[0-9a-f]{64}");
  }

  @Test
  void everyBadFieldIsRefusedByNameAndNothingIsStored() {
    String school = "9901013103";
    registerSchool(school);
    putClass(school, "C26", "2026-2027", 30);
    putClass(school, "C25", "2025-2026", 30);
    assertThat(put(school, "SS-1", entry("C26", "STU-1", "OTHER", "2026-09-10", null, null, null, "x")).status()).isEqualTo(201);
    long outboxBefore = outboxed(school);
    String rowBefore = jdbc.sql("select concat_ws('|', class_id, category, registered_on, updated_at) from special_student where school_id = ?")
        .param(school).query(String.class).single();

    assertProblem("care file before registration", put(school, "SS-1",
        entry("C26", "STU-1", "OTHER", "2026-09-10", "2026-09-09", null, null, "x")), 422, "careFileOn");
    assertProblem("closed before registration", put(school, "SS-2",
        entry("C26", "STU-1", "OTHER", "2026-09-10", null, null, "2026-09-01", "x")), 422, "closedOn");
    assertProblem("registered in the future", put(school, "SS-2",
        entry("C26", "STU-1", "OTHER", "2026-11-24", null, null, null, "x")), 422, "registeredOn");
    assertProblem("plan in the future", put(school, "SS-1",
        entry("C26", "STU-1", "OTHER", "2026-09-10", null, "2026-12-01", null, "x")), 422, "assistancePlanOn");
    assertProblem("class of another year", put(school, "SS-2",
        entry("C25", "STU-1", "OTHER", "2026-09-10", null, null, null, "x")), 422, "classId");
    assertProblem("unknown class", put(school, "SS-2",
        entry("NOPE", "STU-1", "OTHER", "2026-09-10", null, null, null, "x")), 422, "classId");
    assertProblem("unknown category", put(school, "SS-2",
        entry("C26", "STU-1", "ORPHAN", "2026-09-10", null, null, null, "x")), 400, "category");
    assertProblem("missing classId", put(school, "SS-2",
        entry(null, "STU-1", "OTHER", "2026-09-10", null, null, null, "x")), 400, "classId");
    assertProblem("missing studentRef", put(school, "SS-2",
        entry("C26", null, "OTHER", "2026-09-10", null, null, null, "x")), 400, "studentRef");
    assertProblem("missing registeredOn", put(school, "SS-2",
        entry("C26", "STU-1", "OTHER", null, null, null, null, "x")), 400, "registeredOn");
    assertProblem("unknown school", put("9909999999", "SS-2",
        entry("C26", "STU-1", "OTHER", "2026-09-10", null, null, null, "x")), 404, "not registered");

    assertThat(entries(school)).isEqualTo(1);
    assertThat(jdbc.sql("select concat_ws('|', class_id, category, registered_on, updated_at) from special_student where school_id = ?")
        .param(school).query(String.class).single()).isEqualTo(rowBefore);
    assertThat(outboxed(school)).isEqualTo(outboxBefore);
  }

  /** The school's indicator answer as the given user (a bearer token of another tier). */
  tools.jackson.databind.JsonNode indicators(String school, String token) {
    String body = http.get().uri("/api/school/schools/" + school + "/indicators/2026-2027-1")
        .header("Authorization", "Bearer " + token)
        .exchange((req, res) -> {
          assertThat(res.getStatusCode().value()).isEqualTo(200);
          return new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
        }, true);
    return new tools.jackson.databind.json.JsonMapper().readTree(body);
  }

  static tools.jackson.databind.JsonNode code(tools.jackson.databind.JsonNode list, String code) {
    for (var n : list) {
      if (n.path("indicatorCode").asString().equals(code)) {
        return n;
      }
    }
    throw new AssertionError(code + " not in " + list);
  }

  /** Issue 12 item 3: a sensitive count of 1–4 is never exact for county and city users of this service. */
  @Test
  void smallCountsOfASensitiveIndicatorAreWithheldFromCountyAndCityUsersButNotFromTheSchool() {
    String school = "9901013109";
    registerSchool(school, "990101");
    putClass(school, "C26", "2026-2027", 30);
    assertThat(put(school, "SS-1", entry("C26", "STU-W1", "LEFT_BEHIND", "2026-09-10", "2026-09-20", "2026-09-21", null, null)).status())
        .isEqualTo(201);
    assertThat(put(school, "SS-2", entry("C26", "STU-W2", "HARDSHIP", "2026-09-10", null, null, null, null)).status()).isEqualTo(201);
    assertThat(figure(school, IndicatorCodes.SPECIAL_CARE, "2026-2027-1")).containsExactly(1, 2);

    var own = code(indicators(school, org.gongyu.testing.Keycloak.tokenAs("school-admin", school)), IndicatorCodes.SPECIAL_CARE);
    assertThat(own.path("numerator").asLong()).isEqualTo(1);
    assertThat(own.path("denominator").asLong()).isEqualTo(2);
    assertThat(own.path("rate").asString()).startsWith("0.5");
    assertThat(own.path("suppressed").asBoolean()).isFalse();
    var staff = code(indicators(school, org.gongyu.testing.Keycloak.tokenAs("school-staff", school)), IndicatorCodes.SPECIAL_CARE);
    assertThat(staff.path("numerator").asLong()).isEqualTo(1);

    for (String[] user : new String[][] {{"county-admin", "990101"}, {"county-assessor", "990101"}, {"city-staff", "990100"},
        {"city-admin", "990100"}}) {
      var list = indicators(school, org.gongyu.testing.Keycloak.tokenAs(user[0], user[1]));
      var cell = code(list, IndicatorCodes.SPECIAL_CARE);
      assertThat(cell.path("suppressed").asBoolean()).as(user[0]).isTrue();
      assertThat(cell.path("numerator").isNull()).as(user[0]).isTrue();
      assertThat(cell.path("denominator").isNull()).as(user[0]).isTrue();
      assertThat(cell.path("rate").isNull()).as(user[0]).isTrue();
      assertThat(list.toString()).as(user[0]).doesNotContain("\"numerator\":1,\"denominator\":2");
      // not sensitive: exact for everyone (0 of 30 registered on the platform)
      var platform = code(list, IndicatorCodes.PLATFORM_REGISTRATION);
      assertThat(platform.path("suppressed").asBoolean()).isFalse();
      assertThat(platform.path("denominator").asLong()).isEqualTo(30);
    }

    // five entries: no longer a small cell, exact for the county too; zero is shown as well
    for (int i = 3; i <= 6; i++) {
      assertThat(put(school, "SS-" + i, entry("C26", "STU-W" + i, "OTHER", "2026-09-10", "2026-09-20", "2026-09-21", null, null))
          .status()).isEqualTo(201);
    }
    var county = code(indicators(school, org.gongyu.testing.Keycloak.tokenAs("county-admin", "990101")), IndicatorCodes.SPECIAL_CARE);
    assertThat(county.path("suppressed").asBoolean()).isFalse();
    assertThat(county.path("numerator").asLong()).isEqualTo(5);
    assertThat(county.path("denominator").asLong()).isEqualTo(6);
  }
}
