package org.gongyu.school.openschool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongyu.school.HttpItSupport;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Open-school events against a real PostgreSQL and Kafka: created (201), corrected with a reason
 * (200), withdrawn (409 the second time), their trail, the list's filters, each refusal naming its
 * field, the parent's reference never answered, and PARENT_MEETINGS / LECTURE_HALL_SESSIONS at the
 * end of their periods.
 */
class OpenSchoolEventsIT extends HttpItSupport {

  /** 2026-11-23 noon in Beijing: semester 2026-2027-1 has started. */
  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
  static final String YEAR = "2026-2027";
  static final String SEMESTER = "2026-2027-1";

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_openschool");
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-it-openschool");
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

  void putClass(String school, String classId, String year) {
    assertThat(send("PUT", base(school) + "/classes/" + classId,
        Map.of("schoolYear", year, "grade", 3, "name", "班" + classId, "enrolment", 40)).status()).isEqualTo(201);
  }

  static Map<String, Object> event(String type, String classId, String date, Object... more) {
    Map<String, Object> m = new HashMap<>(Map.of("type", type, "date", date, "mode", "OFFLINE", "theme", "家校携手 共育成长",
        "attendance", 60));
    if (classId != null) {
      m.put("classId", classId);
    }
    for (int i = 0; i + 1 < more.length; i += 2) {
      m.put((String) more[i], more[i + 1]);
    }
    return m;
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

  @Test
  void parentMeetingsCountDaysInTheSemesterAndLectureHallSessionsCountInTheSchoolYear() {
    String school = "9901018101";
    registerSchool(school);
    putClass(school, "C1", YEAR);
    putClass(school, "C2", YEAR);
    String events = base(school) + "/open-school-events/";

    Response created = send("PUT", events + "E-1", event("PARENT_MEETING", null, "2026-10-10"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"type\":\"PARENT_MEETING\"").contains("\"recordStatus\":\"ACTIVE\"").contains("\"version\":1");
    assertThat(latest(school)).containsEntry("PARENT_MEETINGS/" + SEMESTER, "1/1");
    // class meetings the same afternoon are the same meeting; one on another day is a second one
    assertThat(send("PUT", events + "E-2", event("PARENT_MEETING", "C1", "2026-10-10")).status()).isEqualTo(201);
    assertThat(latest(school)).containsEntry("PARENT_MEETINGS/" + SEMESTER, "1/1");
    assertThat(send("PUT", events + "E-3", event("PARENT_MEETING", "C2", "2026-11-20")).status()).isEqualTo(201);
    assertThat(latest(school)).containsEntry("PARENT_MEETINGS/" + SEMESTER, "2/1");
    // an open day is no parent meeting
    assertThat(send("PUT", events + "E-4", event("OPEN_DAY", null, "2026-11-02")).status()).isEqualTo(201);
    assertThat(latest(school)).containsEntry("PARENT_MEETINGS/" + SEMESTER, "2/1");

    // lecture hall: school year 2026-2027 counts its sessions, last semester's too (2026-03 is 2025-2026)
    assertThat(send("PUT", events + "L-1", event("PARENTS_LECTURE_HALL", null, "2026-09-20")).status()).isEqualTo(201);
    assertThat(send("PUT", events + "L-2", event("PARENTS_LECTURE_HALL", null, "2026-11-15", "mode", "ONLINE")).status()).isEqualTo(201);
    assertThat(send("PUT", events + "L-3", event("PARENTS_LECTURE_HALL", null, "2026-03-15")).status()).isEqualTo(201);
    assertThat(latest(school)).containsEntry("LECTURE_HALL_SESSIONS/" + YEAR, "2/1").containsEntry("LECTURE_HALL_SESSIONS/2025-2026", "1/1");

    // identical: 200, nothing new
    Response same = send("PUT", events + "E-3", event("PARENT_MEETING", "C2", "2026-11-20"));
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.body()).contains("\"version\":1");

    // a correction needs a reason; with one, the meeting moves to last semester: both semesters re-derived
    Response noReason = send("PUT", events + "E-3", event("PARENT_MEETING", "C2", "2026-11-21"));
    assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    Response moved = send("PUT", events + "E-1", event("PARENT_MEETING", null, "2026-06-20", "reason", "日期录错"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.body()).contains("\"version\":2").contains("\"date\":\"2026-06-20\"");
    assertThat(latest(school)).containsEntry("PARENT_MEETINGS/" + SEMESTER, "2/1").containsEntry("PARENT_MEETINGS/2025-2026-2", "1/1");

    // withdrawn: gone from the figure, readable as withdrawn, 409 the second time
    Response withdrawn = send("POST", events + "E-2/withdrawal", Map.of("reason", "重复录入"));
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("\"recordStatus\":\"WITHDRAWN\"").contains("重复录入");
    assertThat(send("POST", events + "E-2/withdrawal", Map.of("reason", "again")).status()).isEqualTo(409);
    assertThat(latest(school)).containsEntry("PARENT_MEETINGS/" + SEMESTER, "1/1");
    assertThat(send("PUT", events + "E-2", event("PARENT_MEETING", "C1", "2026-10-10")).status())
        .as("a withdrawn record is not recorded again").isEqualTo(409);
    assertThat(send("POST", events + "NOPE/withdrawal", Map.of("reason", "x")).status()).isEqualTo(404);

    Response history = get(events + "E-1/history");
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.body()).contains("\"action\":\"CREATED\"").contains("\"action\":\"CORRECTED\"").contains("日期录错");

    // the list: by semester, class, type; withdrawn ones after the active ones
    Response list = get(base(school) + "/open-school-events?semester=" + SEMESTER);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("\"eventId\":\"E-3\"").contains("\"eventId\":\"E-4\"").contains("\"eventId\":\"L-2\"")
        .contains("\"eventId\":\"E-2\"").doesNotContain("\"eventId\":\"E-1\"").doesNotContain("\"eventId\":\"L-3\"");
    assertThat(get(base(school) + "/open-school-events?semester=" + SEMESTER + "&classId=C2").body())
        .contains("E-3").doesNotContain("E-4").doesNotContain("L-2");
    assertThat(get(base(school) + "/open-school-events?schoolYear=" + YEAR + "&type=PARENTS_LECTURE_HALL").body())
        .contains("L-1").contains("L-2").doesNotContain("L-3").doesNotContain("E-3");
    assertThat(get(base(school) + "/open-school-events?semester=" + SEMESTER + "&schoolYear=" + YEAR).status()).isEqualTo(400);
    assertThat(get(base(school) + "/open-school-events").status()).isEqualTo(400);
    assertThat(get(base(school) + "/open-school-events/E-2").body()).contains("WITHDRAWN");

    // only the school's own users
    assertThat(matrix.call("GET", base(school) + "/open-school-events?semester=" + SEMESTER, null,
        Keycloak.tokenAs("county-admin", "990101"))).isEqualTo(403);
    assertThat(matrix.call("PUT", events + "E-9",
        "{\"type\":\"OPEN_DAY\",\"date\":\"2026-11-02\",\"mode\":\"OFFLINE\",\"theme\":\"开放日\",\"attendance\":1}",
        Keycloak.tokenAs("school-admin", "9901018199"))).as("another school's user: hidden").isEqualTo(404);
  }

  @Test
  void aParentIntoTheClassroomIsKeptAsAKeyAndNeverAnsweredBack() {
    String school = "9901018102";
    registerSchool(school);
    putClass(school, "C1", YEAR);
    String path = base(school) + "/open-school-events/P-1";
    Response created = send("PUT", path, event("PARENTS_INTO_CLASSROOM", "C1", "2026-11-05", "profession", "消防员",
        "parentRef", "GUARDIAN-REF-4711", "theme", "消防安全进课堂", "attendance", 42));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"profession\":\"消防员\"").contains("\"parentRecorded\":true")
        .doesNotContain("GUARDIAN-REF-4711").doesNotContain("parentRef").doesNotContain("guardianKey");
    String key = jdbc.sql("select guardian_key from open_school_event where school_id = ? and event_id = 'P-1'").param(school)
        .query(String.class).single();
    assertThat(key).hasSize(64).doesNotContain("4711");
    assertThat(get(path).body()).doesNotContain("GUARDIAN-REF-4711").doesNotContain(key);
    assertThat(get(path + "/history").body()).doesNotContain("GUARDIAN-REF-4711").doesNotContain(key);
    assertThat(get(base(school) + "/open-school-events?semester=" + SEMESTER).body()).doesNotContain(key);
    assertThat(jdbc.sql("select count(*) from record_version where school_id = ? and content::text like ?")
        .params(school, "%" + key + "%").query(Long.class).single()).as("the trail keeps no key").isZero();
    // the same parent again: identical (the key is deterministic); another parent is a correction
    assertThat(send("PUT", path, event("PARENTS_INTO_CLASSROOM", "C1", "2026-11-05", "profession", "消防员",
        "parentRef", "GUARDIAN-REF-4711", "theme", "消防安全进课堂", "attendance", 42)).status()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from record_version where school_id = ? and family = 'OPEN_SCHOOL_EVENT'").param(school)
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void refusesBadInputNamingTheFieldAndStoresNothing() {
    String school = "9901018103";
    registerSchool(school);
    putClass(school, "C1", YEAR);
    putClass(school, "OLD", "2025-2026");
    String events = base(school) + "/open-school-events/";
    Map<String, Object[]> cases = new LinkedHashMap<>();
    cases.put("classId", new Object[] {event("PARENTS_INTO_CLASSROOM", null, "2026-11-05", "profession", "医生"), 422});
    cases.put("profession", new Object[] {event("PARENTS_INTO_CLASSROOM", "C1", "2026-11-05"), 422});
    cases.put("profession:", new Object[] {event("PARENT_MEETING", null, "2026-11-05", "profession", "医生"), 422});
    cases.put("parentRef", new Object[] {event("OPEN_DAY", null, "2026-11-05", "parentRef", "G-1"), 422});
    cases.put("date", new Object[] {event("OPEN_DAY", null, "2026-11-24"), 422});
    cases.put("mode", new Object[] {event("ONLINE_THEME", null, "2026-11-05"), 422});
    cases.put("classId:", new Object[] {event("PARENT_MEETING", "NOPE", "2026-11-05"), 422});
    cases.put("classId: class OLD", new Object[] {event("PARENT_MEETING", "OLD", "2026-11-05"), 422});
    cases.put("attendance", new Object[] {event("OPEN_DAY", null, "2026-11-05", "attendance", -1), 400});
    cases.put("type", new Object[] {event("FAIR", null, "2026-11-05"), 400});
    cases.put("theme", new Object[] {event("OPEN_DAY", null, "2026-11-05", "theme", ""), 400});
    int i = 0;
    for (var c : cases.entrySet()) {
      Response r = send("PUT", events + "X-" + (++i), c.getValue()[0]);
      assertThat(r.status()).as(c.getKey() + " " + r.body()).isEqualTo(c.getValue()[1]);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.body()).as(c.getKey()).contains(c.getKey().replace(":", "").split(" ")[0]);
    }
    assertThat(jdbc.sql("select count(*) from open_school_event where school_id = ?").param(school).query(Long.class).single())
        .isZero();
    assertThat(jdbc.sql("select count(*) from record_version where school_id = ? and family = 'OPEN_SCHOOL_EVENT'").param(school)
        .query(Long.class).single()).isZero();
  }
}
