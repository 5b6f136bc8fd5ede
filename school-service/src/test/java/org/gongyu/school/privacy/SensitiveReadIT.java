package org.gongyu.school.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gongyu.school.SchoolRecordsItSupport;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads of sensitive records are recorded with who, role, what, when and purpose; the school admin lists them. */
class SensitiveReadIT extends SchoolRecordsItSupport {

  static final JsonMapper JSON = JsonMapper.builder().build();

  Response as(String token, String path, String purposeHeader) {
    var request = http.method(HttpMethod.GET).uri(path).headers(h -> {
      h.setBearerAuth(token);
      if (purposeHeader != null) {
        h.set("X-Purpose", purposeHeader);
      }
      h.set("Accept-Language", "en");
    });
    return request.exchange((req, res) -> new Response(res.getStatusCode().value(),
        String.valueOf(res.getHeaders().getContentType()), new String(res.getBody().readAllBytes())), true);
  }

  long reads(String school) {
    return jdbc.sql("select count(*) from sensitive_read where school_id = ?").param(school).query(Long.class).single();
  }

  void recordSpecialEntryAndCase(String school) {
    registerSchool(school);
    putClass(school, "C1", PAST_YEAR, 20);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("classId", "C1");
    entry.put("studentRef", "STU-R1");
    entry.put("category", "LEFT_BEHIND");
    entry.put("registeredOn", "2026-09-10");
    entry.put("notes", "由祖母照看");
    Response e = send("PUT", "/api/school/schools/" + school + "/special-students/SS-1", entry);
    assertThat(e.status()).as(e.body()).isEqualTo(201);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("classId", "C1");
    c.put("studentRef", "STU-R1");
    c.put("category", "FAMILY_RELATIONS");
    c.put("openedOn", "2026-10-10");
    c.put("consultant", "李老师");
    c.put("status", "OPEN");
    c.put("notes", "secret-note");
    Response k = send("PUT", "/api/school/schools/" + school + "/consultations/K-1", c);
    assertThat(k.status()).as(k.body()).isEqualTo(201);
  }

  @Test
  void aStaffReadIsRecordedWithItsPurposeAndTheAdminListsItNewestFirst() {
    String school = "9901019801";
    recordSpecialEntryAndCase(school);
    String staff = Keycloak.tokenAs("school-staff", school);
    String admin = Keycloak.tokenAs("school-admin", school);
    String base = "/api/school/schools/" + school;

    // a single record without a purpose: 400 naming it, nothing read, nothing recorded
    assertProblem(as(staff, base + "/special-students/SS-1", null), 400, "purpose");
    assertProblem(as(staff, base + "/special-students/SS-1", "CURIOSITY"), 400, "purpose");
    assertThat(reads(school)).isZero();

    Response entry = as(staff, base + "/special-students/SS-1", "FOLLOW_UP");
    assertThat(entry.status()).as(entry.body()).isEqualTo(200);
    assertThat(entry.body()).contains("\"category\":\"LEFT_BEHIND\"").doesNotContain("STU-R1").doesNotContain("祖母");
    clock.advance(java.time.Duration.ofMinutes(5));
    Response kase = as(staff, base + "/consultations/K-1?purpose=COUNSELLING", null);
    assertThat(kase.status()).as(kase.body()).isEqualTo(200);
    assertThat(kase.body()).doesNotContain("STU-R1").doesNotContain("secret-note");
    clock.advance(java.time.Duration.ofMinutes(5));
    assertThat(as(admin, base + "/consultations?schoolYear=" + PAST_YEAR, null).status()).isEqualTo(200);
    // a missing record is a 404 and no read
    assertThat(as(staff, base + "/special-students/SS-9", "OTHER").status()).isEqualTo(404);
    assertThat(reads(school)).isEqualTo(3);

    Response listed = as(admin, base + "/sensitive-reads", null);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonNode page = JSON.readTree(listed.body());
    assertThat(page.path("total").asLong()).isEqualTo(3);
    JsonNode items = page.path("items");
    assertThat(items.size()).isEqualTo(3);
    // newest first: the admin's list, the staff's case, the staff's entry
    assertThat(items.get(0).path("family").asString()).isEqualTo("CONSULTATION");
    assertThat(items.get(0).path("filter").asString()).isEqualTo("schoolYear=" + PAST_YEAR);
    assertThat(items.get(0).path("roles").asString()).isEqualTo("school-admin");
    assertThat(items.get(1).path("recordId").asString()).isEqualTo("K-1");
    assertThat(items.get(1).path("purpose").asString()).isEqualTo("COUNSELLING");
    JsonNode first = items.get(2);
    assertThat(first.path("family").asString()).isEqualTo("SPECIAL_CARE");
    assertThat(first.path("recordId").asString()).isEqualTo("SS-1");
    assertThat(first.path("purpose").asString()).isEqualTo("FOLLOW_UP");
    assertThat(first.path("roles").asString()).isEqualTo("school-staff");
    assertThat(first.path("username").asString()).isEqualTo("it-school-staff-" + school);
    assertThat(first.path("subject").asString()).isNotBlank();
    assertThat(first.path("at").asString()).isEqualTo(NOW.toString());
    assertThat(first.path("day").asString()).isEqualTo("2027-10-15");

    // filters and paging
    JsonNode care = JSON.readTree(as(admin, base + "/sensitive-reads?family=SPECIAL_CARE", null).body());
    assertThat(care.path("total").asLong()).isEqualTo(1);
    JsonNode second = JSON.readTree(as(admin, base + "/sensitive-reads?size=1&page=1", null).body());
    assertThat(second.path("items").get(0).path("recordId").asString()).isEqualTo("K-1");
    assertThat(JSON.readTree(as(admin, base + "/sensitive-reads?from=2027-10-16", null).body()).path("total").asLong()).isZero();
    assertThat(JSON.readTree(as(admin, base + "/sensitive-reads?from=2027-10-15&to=2027-10-15", null).body())
        .path("total").asLong()).isEqualTo(3);
    assertProblem(as(admin, base + "/sensitive-reads?family=GRADES", null), 400, "family");
  }

  @Test
  void onlyTheSchoolsAdminListsTheReads() {
    String school = "9901019802";
    String other = "9901019803";
    registerSchool(school);
    registerSchool(other);
    String path = "/api/school/schools/" + school + "/sensitive-reads";
    assertThat(as(Keycloak.tokenAs("school-staff", school), path, null).status()).isEqualTo(403);
    assertThat(as(Keycloak.tokenAs("county-admin", "990101"), path, null).status()).isEqualTo(403);
    assertThat(as(Keycloak.tokenAs("city-admin", Keycloak.CITY), path, null).status()).isEqualTo(403);
    assertThat(as(Keycloak.tokenAs("school-admin", other), path, null).status()).isEqualTo(404);
    assertThat(as(Keycloak.tokenAs("school-admin", school), path, null).status()).isEqualTo(200);
  }

  @Test
  void onlyTheSchoolsOwnUsersReadOneRecordAndARefusedReadIsNotRecorded() {
    String school = "9901019805";
    String other = "9901019806";
    recordSpecialEntryAndCase(school);
    registerSchool(other);
    for (String path : new String[] {"/special-students/SS-1", "/consultations/K-1"}) {
      String full = "/api/school/schools/" + school + path;
      assertThat(as(Keycloak.tokenAs("county-admin", "990101"), full, "OTHER").status()).as(path).isEqualTo(403);
      assertThat(as(Keycloak.tokenAs("city-staff", Keycloak.CITY), full, "OTHER").status()).as(path).isEqualTo(403);
      assertThat(as(Keycloak.tokenAs("school-staff", other), full, "OTHER").status()).as(path).isEqualTo(404);
      assertThat(as(Keycloak.tokenAs("school-admin", other), full, "OTHER").status()).as(path).isEqualTo(404);
    }
    assertThat(reads(school)).isZero();
    assertThat(reads(other)).isZero();
  }

  @Test
  void aRecordedReadCannotBeChangedOrRemovedInSql() {
    String school = "9901019804";
    recordSpecialEntryAndCase(school);
    assertThat(as(Keycloak.tokenAs("school-staff", school), "/api/school/schools/" + school + "/special-students/SS-1",
        "STATISTICS_CHECK").status()).isEqualTo(200);
    assertThat(reads(school)).isEqualTo(1);
    // the service's runtime role lacks the privileges (ADR 0013); the triggers stop even the owner
    // (DatabaseRolesIT)
    assertThatThrownBy(() -> jdbc.sql("update sensitive_read set purpose = 'OTHER' where school_id = ?").param(school).update())
        .rootCause().hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbc.sql("delete from sensitive_read where school_id = ?").param(school).update())
        .rootCause().hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbc.sql("truncate sensitive_read").update()).rootCause().hasMessageContaining("permission denied");
    assertThat(jdbc.sql("select purpose from sensitive_read where school_id = ?").param(school).query(String.class).single())
        .isEqualTo("STATISTICS_CHECK");
  }
}
