package org.gongyu.school.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongyu.school.CoalescedFigures;
import org.gongyu.school.HttpItSupport;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform's bulk feeds coalesce their figures per school (issue 16, ADR 0021): many batches in
 * quick succession make far fewer snapshot versions than batches, the last figure is exact, the
 * sign-off lock still refuses a batch before anything is stored, and a note left by a process that
 * died is refreshed. The interval is 1 s here so that a burst of batches certainly falls in few
 * windows. Own school ids (99010177xx) and database.
 */
class CoalescedFiguresIT extends HttpItSupport {

  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
  static final String YEAR = "2026-2027";
  static final String SEMESTER = "2026-2027-1";

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_coalesce");
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-it-coalesce");
    registry.add("gongyu.school.figures.coalesce-interval", () -> "1s");
    Keycloak.register(registry);
  }

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired FigureRefresher refresher;
  @Autowired SnapshotService snapshots;

  @Override
  protected Instant now() {
    return NOW;
  }

  static String base(String school) {
    return "/api/school/schools/" + school;
  }

  void putClass(String school, String classId, String year, int enrolment) {
    Response r = send("PUT", base(school) + "/classes/" + classId,
        Map.of("schoolYear", year, "grade", 2, "name", "班" + classId, "enrolment", enrolment));
    assertThat(r.status()).as(r.body()).isIn(200, 201);
  }

  Response registrations(String school, String period, List<Map<String, Object>> items) {
    return send("POST", base(school) + "/platform-registrations", Map.of("period", period, "registrations", items));
  }

  static Map<String, Object> registration(String id, String classId, String student, String at) {
    return Map.of("externalId", id, "classId", classId, "studentRef", student, "guardianRef", "GRD-" + student, "registeredAt", at);
  }

  Response learning(String school, List<Map<String, Object>> activities) {
    return send("POST", base(school) + "/platform-learning", Map.of("activities", activities));
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  List<Long> versions(String school, String code) {
    return jdbc.sql("select version from indicator_snapshot where school_id = ? and indicator_code = ? order by period_id, version")
        .params(school, code).query(Long.class).list();
  }

  long latest(String school, String code, String period, String column) {
    return count("select " + column + " from indicator_snapshot where school_id = ? and indicator_code = ? and period_id = ?"
        + " order by version desc limit 1", school, code, period);
  }

  @Test
  void twentyBatchesInQuickSuccessionMakeFarFewerVersionsThanBatchesAndTheExactFigure() throws Exception {
    String school = "9901017711";
    registerSchool(school);
    putClass(school, "C1", YEAR, 1000);
    CoalescedFigures.awaitCounted(jdbc, school);
    long registrationVersionsBefore = versions(school, "PLATFORM_REGISTRATION").size();

    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Response>> sent = new ArrayList<>();
    for (int b = 0; b < 20; b++) {
      int batch = b;
      Callable<Response> call = () -> {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          items.add(registration("co-" + batch + "-" + i, "C1", "STU-" + batch + "-" + i, "2026-09-20T00:00:00Z"));
        }
        return registrations(school, SEMESTER, items);
      };
      sent.add(pool.submit(call));
    }
    for (Future<Response> f : sent) {
      Response r = f.get();
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).contains("\"accepted\":10").contains("\"figuresPending\":true");
    }
    // 20 learning batches of 50 activities, one after the other
    for (int b = 0; b < 20; b++) {
      List<Map<String, Object>> activities = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        activities.add(Map.of("externalId", "la-" + b + "-" + i, "guardianRef", "GRD-STU-" + b + "-" + (i % 10), "resourceId", "RES-" + i,
            "occurredAt", "2026-10-" + (10 + i % 10) + "T02:00:00Z", "minutes", 10));
      }
      assertThat(learning(school, activities).status()).isEqualTo(200);
    }
    pool.shutdown();
    CoalescedFigures.awaitCounted(jdbc, school);

    List<Long> registrationVersions = versions(school, "PLATFORM_REGISTRATION");
    long added = registrationVersions.size() - registrationVersionsBefore;
    assertThat(added).as("20 batches, coalesced").isBetween(1L, 6L);
    assertThat(registrationVersions).as("gapless").containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(1, registrationVersions.size()).boxed().toList());
    long students = count("select count(distinct student_key) from platform_registration where school_id = ?", school);
    assertThat(latest(school, "PLATFORM_REGISTRATION", SEMESTER, "numerator")).isEqualTo(students).isEqualTo(200);
    assertThat(latest(school, "PLATFORM_REGISTRATION", SEMESTER, "denominator")).isEqualTo(1000);

    assertThat(versions(school, "PARENT_LEARNING_PER_CAPITA")).as("20 learning batches (+ the class and the registrations)").hasSizeLessThan(12);
    assertThat(latest(school, "PARENT_LEARNING_PER_CAPITA", YEAR, "numerator"))
        .isEqualTo(count("select count(*) from platform_learning where school_id = ?", school)).isEqualTo(1000);
    assertThat(latest(school, "PARENT_LEARNING_PER_CAPITA", YEAR, "denominator")).isEqualTo(200);

    // one outbox event per version, never two for one version
    assertThat(count("select count(*) from indicator_snapshot where school_id = ?", school))
        .isEqualTo(count("select count(distinct (indicator_code, period_id, version)) from indicator_snapshot where school_id = ?", school));

    // a re-sent batch: nothing new, counted as already recorded, nothing pending
    long snapshotRows = count("select count(*) from indicator_snapshot where school_id = ?", school);
    Response again = registrations(school, SEMESTER, List.of(registration("co-0-0", "C1", "STU-0-0", "2026-09-20T00:00:00Z")));
    assertThat(again.body()).contains("\"accepted\":0").contains("\"alreadyRecorded\":1").contains("\"figuresPending\":false")
        .contains("\"numerator\":200");
    assertThat(count("select count(*) from figure_refresh_pending where school_id = ?", school)).isZero();
    assertThat(count("select count(*) from indicator_snapshot where school_id = ?", school)).isEqualTo(snapshotRows);

    // a new batch answers, before its own figures, with the latest stored version of each figure it feeds
    Response fresh = registrations(school, SEMESTER, List.of(registration("co-late-0", "C1", "STU-late-0", "2026-09-20T00:00:00Z")));
    assertThat(fresh.body()).contains("\"accepted\":1").contains("\"figuresPending\":true");
    String figures = fresh.body().substring(fresh.body().indexOf("\"snapshots\":"));
    assertThat(figures.split("\"indicatorCode\"", -1)).as(figures).hasSize(3);
    assertThat(figures).containsPattern("\\{\"indicatorCode\":\"PLATFORM_REGISTRATION\",\"periodId\":\"" + SEMESTER
        + "\",\"numerator\":200,\"denominator\":1000,\"rate\":[^,]+,\"version\":" + registrationVersions.getLast() + "}");
    assertThat(figures).containsPattern("\\{\"indicatorCode\":\"PARENT_LEARNING_PER_CAPITA\",\"periodId\":\"" + YEAR
        + "\",\"numerator\":1000,\"denominator\":200,\"rate\":[^,]+,\"version\":" + versions(school, "PARENT_LEARNING_PER_CAPITA").getLast() + "}");
  }

  @Test
  void aBatchDatedInASignedOffPeriodIsRefusedAndStoresNothing() {
    String school = "9901017712";
    registerSchool(school);
    putClass(school, "C0", "2025-2026", 30);
    Response signed = send("POST", base(school) + "/sign-offs/2025-2026-2", null);
    assertThat(signed.status()).as(signed.body()).isIn(200, 201);

    Response refused = registrations(school, "2025-2026-2",
        List.of(registration("lk-1", "C0", "STU-lk", "2026-03-10T02:00:00Z")));
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body()).contains("2025-2026-2");
    assertThat(count("select count(*) from platform_registration where school_id = ?", school)).isZero();
    assertThat(count("select count(*) from figure_refresh_pending where school_id = ?", school)).as("no note either").isZero();
  }

  @Test
  void aNoteLeftByADeadProcessIsRefreshedAndTwoRefreshersDeriveItOnce() throws Exception {
    String school = "9901017713";
    registerSchool(school);
    putClass(school, "C1", YEAR, 50);
    CoalescedFigures.awaitCounted(jdbc, school);
    long before = versions(school, "PLATFORM_REGISTRATION").size();

    // a process stored records (with their day counts, V34) and noted them, then died before any refresh: records and note are there, the figure is not
    // (keys shaped as the service's: HMAC-sized hex, whose first 128 bits the counts key by, V39)
    jdbc.sql("""
            insert into platform_registration (school_id, external_id, class_id, student_key, guardian_key, registered_at, received_at)
            select ?, 'dead-' || n, 'C1', encode(sha256(convert_to('s-' || n, 'UTF8')), 'hex'),
              encode(sha256(convert_to('g-' || n, 'UTF8')), 'hex'), '2026-09-20T00:00:00Z', now()
            from generate_series(1, 7) n""")
        .param(school).update();
    tallied(school);
    // an import's note (due when no live import would refresh it any more) written long ago: the sweep's case
    jdbc.sql("""
            insert into figure_refresh_pending (school_id, indicator_codes, day, noted_at, due_at)
            values (?, 'PARENT_LEARNING_PER_CAPITA,PLATFORM_REGISTRATION', '2026-09-01', now() - interval '10 minutes', now() - interval '8 minutes')""")
        .param(school).update();
    CoalescedFigures.awaitCounted(jdbc, school);
    assertThat(latest(school, "PLATFORM_REGISTRATION", SEMESTER, "numerator")).isEqualTo(7);
    assertThat(versions(school, "PLATFORM_REGISTRATION")).hasSize((int) before + 1);

    // a note not due yet (a live import's) is left to its import, or to the start-up refresh
    jdbc.sql("""
            insert into platform_registration (school_id, external_id, class_id, student_key, guardian_key, registered_at, received_at)
            values (?, 'dead-8', 'C1', lpad('8', 64, '0'), lpad('8', 64, 'f'), '2026-09-20T00:00:00Z', now())""")
        .param(school).update();
    tallied(school);
    jdbc.sql("""
            insert into figure_refresh_pending (school_id, indicator_codes, day, due_at)
            values (?, 'PARENT_LEARNING_PER_CAPITA,PLATFORM_REGISTRATION', '2026-09-01', now() + interval '2 minutes')""")
        .param(school).update();
    assertThat(refresher.refresh(school)).isZero();
    assertThat(latest(school, "PLATFORM_REGISTRATION", SEMESTER, "numerator")).isEqualTo(7);

    // two refreshers (two instances) at once on a due note: one derives, the other finds nothing left
    jdbc.sql("update figure_refresh_pending set due_at = now() where school_id = ?").param(school).update();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> both = List.of(pool.submit(() -> refresher.refresh(school)), pool.submit(() -> refresher.refresh(school)));
    int claimed = 0;
    for (Future<Integer> f : both) {
      claimed += f.get();
    }
    pool.shutdown();
    CoalescedFigures.awaitCounted(jdbc, school);
    assertThat(claimed).as("the note, claimed by at most one of them (or by the scheduled round)").isLessThanOrEqualTo(1);
    assertThat(latest(school, "PLATFORM_REGISTRATION", SEMESTER, "numerator")).isEqualTo(8);
    assertThat(versions(school, "PLATFORM_REGISTRATION")).as("one version for the note, not two").hasSize((int) before + 2);
  }

  /** What the registration's transaction writes with its rows: the day counts of its keys' earliest registrations (registration.RegistrationCounts). */
  private void tallied(String school) {
    jdbc.sql("delete from registration_daily where school_id = ?").param(school).update();
    jdbc.sql("""
            insert into registration_daily (school_id, school_year, day, students, guardians)
            select school_id, school_year, day, sum(s), sum(g) from (
              select school_id, school_year, (min(registered_at) at time zone 'Asia/Shanghai')::date as day, 1 as s, 0 as g
              from platform_registration r join school_class c using (school_id, class_id) where r.school_id = ?
              group by school_id, school_year, cast(left(student_key, 32) as uuid)
              union all
              select school_id, school_year, (min(registered_at) at time zone 'Asia/Shanghai')::date, 0, 1
              from platform_registration r join school_class c using (school_id, class_id) where r.school_id = ?
              group by school_id, school_year, cast(left(guardian_key, 32) as uuid)) k
            group by 1, 2, 3""")
        .params(school, school).update();
  }
}
