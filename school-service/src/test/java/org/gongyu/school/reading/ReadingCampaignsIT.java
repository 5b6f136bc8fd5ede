package org.gongyu.school.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Reading campaigns and check-ins against a real PostgreSQL and Kafka: the campaign's trail
 * (create, correct with a reason, withdraw), check-ins idempotent per student and day, refusals
 * naming their field, no student reference answered or stored in the clear, and
 * READING_CAMPAIGN_COMPLETION in the semester of each campaign's last day.
 */
class ReadingCampaignsIT extends HttpItSupport {

  /** 2026-11-23 noon in Beijing. */
  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
  static final String YEAR = "2026-2027";
  static final String SEMESTER = "2026-2027-1";
  static final String CODE = "READING_CAMPAIGN_COMPLETION/" + SEMESTER;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_reading");
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-it-reading");
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

  static Map<String, Object> campaign(String classId, String start, Object... more) {
    Map<String, Object> m = new HashMap<>(Map.of("classId", classId, "name", "21天亲子共读", "startDate", start));
    for (int i = 0; i + 1 < more.length; i += 2) {
      m.put((String) more[i], more[i + 1]);
    }
    return m;
  }

  /** Check-ins of {@code student} on {@code n} consecutive days from {@code from}, {@code minutes} each. */
  static List<Map<String, Object>> daily(String student, String from, int n, int minutes) {
    List<Map<String, Object>> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(Map.of("studentRef", student, "date", LocalDate.parse(from).plusDays(i).toString(), "minutes", minutes));
    }
    return l;
  }

  Response checkIn(String school, String campaignId, List<Map<String, Object>> checkIns) {
    return send("POST", base(school) + "/reading-campaigns/" + campaignId + "/check-ins", Map.of("checkIns", checkIns));
  }

  String latest(String schoolId, String key) {
    Map<String, String> m = new LinkedHashMap<>();
    jdbc.sql("""
            select distinct on (indicator_code, period_id) indicator_code, period_id, numerator, denominator
            from indicator_snapshot where school_id = ? order by indicator_code, period_id, version desc
            """)
        .param(schoolId)
        .query((rs, n) -> m.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3) + "/" + rs.getLong(4)))
        .list();
    return m.get(key);
  }

  long snapshotRows(String school) {
    return jdbc.sql("select count(*) from indicator_snapshot where school_id = ?").param(school).query(Long.class).single();
  }

  @Test
  void completionCountsStudentsOnEveryDayOverStudentsWhoCheckedInAndARepeatCheckInCountsOnce() {
    String school = "9901018201";
    registerSchool(school);
    putClass(school, "C1", YEAR);
    String campaigns = base(school) + "/reading-campaigns/";

    Response created = send("PUT", campaigns + "R-1", campaign("C1", "2026-10-01"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"days\":21").contains("\"targetMinutes\":20").contains("\"lastDay\":\"2026-10-21\"");
    assertThat(latest(school, CODE)).isEqualTo("0/0");

    // STU-A every day, STU-B 20 of 21, STU-C one day
    List<Map<String, Object>> batch = new ArrayList<>(daily("STU-A", "2026-10-01", 21, 25));
    batch.addAll(daily("STU-B", "2026-10-01", 20, 20));
    batch.addAll(daily("STU-C", "2026-10-05", 1, 15));
    Response first = checkIn(school, "R-1", batch);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("{\"received\":42,\"recorded\":42,\"replaced\":0,\"unchanged\":0}");
    assertThat(latest(school, CODE)).isEqualTo("1/3");

    // the same again: nothing new, no snapshot; other minutes on a day: replaced, not a second check-in
    long rows = snapshotRows(school);
    Response again = checkIn(school, "R-1", daily("STU-C", "2026-10-05", 1, 15));
    assertThat(again.body()).contains("\"recorded\":0").contains("\"unchanged\":1");
    Response replaced = checkIn(school, "R-1", daily("STU-A", "2026-10-01", 2, 30));
    assertThat(replaced.body()).contains("\"recorded\":0").contains("\"replaced\":2");
    assertThat(snapshotRows(school)).isEqualTo(rows);
    assertThat(jdbc.sql("select count(*) from reading_check_in where school_id = ?").param(school).query(Long.class).single())
        .isEqualTo(42);
    assertThat(latest(school, CODE)).isEqualTo("1/3");

    // STU-B's missing day completes the campaign
    assertThat(checkIn(school, "R-1", daily("STU-B", "2026-10-21", 1, 20)).body()).contains("\"recorded\":1");
    assertThat(latest(school, CODE)).isEqualTo("2/3");

    Response summary = get(campaigns + "R-1/summary");
    assertThat(summary.status()).isEqualTo(200);
    assertThat(summary.body()).contains("\"participants\":3").contains("\"completed\":2").contains("\"checkIns\":43")
        .contains("{\"date\":\"2026-10-05\",\"students\":3}").doesNotContain("STU-");

    // minors' data stays pseudonymous: no reference in any table, answer or trail
    assertThat(jdbc.sql("select count(*) from reading_check_in where school_id = ? and student_key like 'STU%'").param(school)
        .query(Long.class).single()).isZero();
    assertThat(get(campaigns + "R-1/history").body()).doesNotContain("STU-");
    assertThat(get(campaigns + "R-1").body()).doesNotContain("STU-");
  }

  @Test
  void aCampaignIsCorrectedWithAReasonMovesBetweenSemestersAndIsWithdrawnWithItsCheckIns() {
    String school = "9901018202";
    registerSchool(school);
    putClass(school, "C1", YEAR);
    putClass(school, "C2", YEAR);
    String campaigns = base(school) + "/reading-campaigns/";
    assertThat(send("PUT", campaigns + "R-1", campaign("C1", "2026-09-01", "days", 7, "targetMinutes", 30)).status()).isEqualTo(201);
    assertThat(checkIn(school, "R-1", daily("STU-A", "2026-09-01", 7, 30)).status()).isEqualTo(200);
    assertThat(latest(school, CODE)).isEqualTo("1/1");

    // same content: 200 unchanged; other content without a reason: 422 naming it
    assertThat(send("PUT", campaigns + "R-1", campaign("C1", "2026-09-01", "days", 7, "targetMinutes", 30)).status()).isEqualTo(200);
    Response noReason = send("PUT", campaigns + "R-1", campaign("C1", "2026-09-01", "days", 8, "targetMinutes", 30));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    // a longer window: STU-A no longer checked in on every day
    Response longer = send("PUT", campaigns + "R-1", campaign("C1", "2026-09-01", "days", 8, "targetMinutes", 30, "reason", "延长一天"));
    assertThat(longer.status()).as(longer.body()).isEqualTo(200);
    assertThat(longer.body()).contains("\"version\":2").contains("\"lastDay\":\"2026-09-08\"");
    assertThat(latest(school, CODE)).isEqualTo("0/1");
    // a shorter or moved window leaving check-ins outside: 409
    Response shorter = send("PUT", campaigns + "R-1", campaign("C1", "2026-09-02", "days", 7, "targetMinutes", 30, "reason", "改期"));
    assertThat(shorter.status()).as(shorter.body()).isEqualTo(409);
    assertThat(shorter.body()).contains("days");

    assertThat(get(campaigns + "R-1/history").body()).contains("CREATED").contains("CORRECTED").contains("延长一天");
    assertThat(get(base(school) + "/reading-campaigns?semester=" + SEMESTER).body()).contains("R-1");
    assertThat(get(base(school) + "/reading-campaigns?semester=" + SEMESTER + "&classId=C2").body()).doesNotContain("R-1");
    assertThat(get(base(school) + "/reading-campaigns?semester=2025-2026-2").body()).doesNotContain("R-1");

    // withdrawn: the check-ins go with it, the figure has no student left, 409 the second time
    Response withdrawn = send("POST", campaigns + "R-1/withdrawal", Map.of("reason", "录入错误"));
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("WITHDRAWN");
    assertThat(send("POST", campaigns + "R-1/withdrawal", Map.of("reason", "again")).status()).isEqualTo(409);
    assertThat(jdbc.sql("select count(*) from reading_check_in where school_id = ?").param(school).query(Long.class).single()).isZero();
    assertThat(latest(school, CODE)).isEqualTo("0/0");
    assertThat(checkIn(school, "R-1", daily("STU-A", "2026-09-01", 1, 30)).status()).isEqualTo(404);
    assertThat(get(base(school) + "/reading-campaigns?semester=" + SEMESTER).body()).contains("WITHDRAWN");

    assertThat(matrix.call("GET", base(school) + "/reading-campaigns?semester=" + SEMESTER, null,
        Keycloak.tokenAs("county-admin", "990101"))).isEqualTo(403);
  }

  @Test
  void refusesBadInputNamingTheFieldAndStoresNothing() {
    String school = "9901018203";
    registerSchool(school);
    putClass(school, "C1", YEAR);
    putClass(school, "OLD", "2025-2026");
    String campaigns = base(school) + "/reading-campaigns/";
    Map<String, Object[]> cases = new LinkedHashMap<>();
    cases.put("startDate", new Object[] {campaign("C1", "2026-11-24"), 422});
    cases.put("classId", new Object[] {campaign("NOPE", "2026-11-01"), 422});
    cases.put("classId:", new Object[] {campaign("OLD", "2026-11-01"), 422});
    cases.put("targetMinutes", new Object[] {campaign("C1", "2026-11-01", "targetMinutes", 10), 400});
    cases.put("days", new Object[] {campaign("C1", "2026-11-01", "days", 0), 400});
    cases.put("name", new Object[] {campaign("C1", "2026-11-01", "name", " "), 400});
    int i = 0;
    for (var c : cases.entrySet()) {
      Response r = send("PUT", campaigns + "X-" + (++i), c.getValue()[0]);
      assertThat(r.status()).as(c.getKey() + " " + r.body()).isEqualTo(c.getValue()[1]);
      assertThat(r.body()).as(c.getKey()).contains(c.getKey().replace(":", ""));
    }
    assertThat(jdbc.sql("select count(*) from reading_campaign where school_id = ?").param(school).query(Long.class).single()).isZero();

    assertThat(send("PUT", campaigns + "R-1", campaign("C1", "2026-11-10")).status()).isEqualTo(201);
    // outside the window (before, after) and in the future: 422 naming the item, nothing stored
    List<Map<String, Object>> bad = new ArrayList<>(daily("STU-A", "2026-11-10", 3, 20));
    bad.add(Map.of("studentRef", "STU-A", "date", "2026-11-09", "minutes", 20));
    bad.add(Map.of("studentRef", "STU-A", "date", "2026-12-01", "minutes", 20));
    bad.add(Map.of("studentRef", "STU-A", "date", "2026-11-24", "minutes", 20));
    Response refused = checkIn(school, "R-1", bad);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains("checkIns[3].date").contains("checkIns[4].date").contains("checkIns[5].date")
        .doesNotContain("checkIns[0]").doesNotContain("STU-A");
    assertThat(checkIn(school, "R-1", daily("STU-A", "2026-11-10", 1, 0)).status()).as("minutes ≥ 1").isEqualTo(400);
    assertThat(checkIn(school, "NOPE", daily("STU-A", "2026-11-10", 1, 20)).status()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from reading_check_in where school_id = ?").param(school).query(Long.class).single()).isZero();
  }
}
