package org.gongyu.school.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongyu.school.CoalescedFigures;
import org.gongyu.school.StudentRecordsItSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registration counts ({@link RegistrationCounts}: per class, V35; per school year and day,
 * V34) against the distinct counts they replace (issue 16): after every step of a seeded random
 * sequence of batches (students in two classes of a year, shared guardians, re-sent items),
 * corrections (another student, guardian or time, or a class of another school year) and
 * withdrawals, each class counts the distinct students of its registrations, and each day counts
 * the students and guardians whose earliest registration of the school year falls on it, so their
 * sums equal the distinct counts at every cut-off; and the figures derived from them are those
 * counts. Own school id (9901017801).
 */
class RegistrationCountsIT extends StudentRecordsItSupport {

  static final String SCHOOL = "9901017801";
  static final String BASE = "/api/school/schools/" + SCHOOL;

  void putClass(String classId, String year) {
    putClass(SCHOOL, classId, year, 1000);
  }

  @Test
  void theCountsHoldWhatTheRegistrationsCarryAfterEveryBatchCorrectionAndWithdrawal() {
    registerSchool(SCHOOL);
    putClass("C1", "2026-2027");
    putClass("C2", "2026-2027");
    putClass("P1", "2025-2026");
    Random random = new Random(20261205);
    Instant yearStart = Instant.parse("2026-09-01T00:00:00Z");
    Instant lastSpring = Instant.parse("2026-03-01T00:00:00Z");
    Map<String, Map<String, Object>> recorded = new LinkedHashMap<>();
    int batches = 0;
    int corrections = 0;
    int withdrawals = 0;
    for (int step = 0; step < 40; step++) {
      int kind = random.nextInt(10);
      if (kind < 5 || recorded.size() < 5) {
        // a batch of this semester: 30 students, 12 guardians, two classes, some items re-sent as recorded
        Map<String, Map<String, Object>> items = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
          if (random.nextInt(4) == 0 && !recorded.isEmpty()) {
            String again = new ArrayList<>(recorded.keySet()).get(random.nextInt(recorded.size()));
            if (!"P1".equals(recorded.get(again).get("classId"))) { // a batch is of one semester
              items.put(again, recorded.get(again));
            }
          } else {
            String id = "R-" + step + "-" + i;
            items.put(id, Map.of("externalId", id, "classId", random.nextBoolean() ? "C1" : "C2",
                "studentRef", "STU-" + random.nextInt(30), "guardianRef", "GRD-" + random.nextInt(12),
                "registeredAt", yearStart.plus(random.nextInt(80 * 24), ChronoUnit.HOURS).toString()));
          }
        }
        List<Map<String, Object>> sent = List.copyOf(items.values());
        Response r = send("POST", BASE + "/platform-registrations", Map.of("period", "2026-2027-1", "registrations", sent));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        sent.forEach(m -> recorded.put((String) m.get("externalId"), m));
        batches++;
      } else if (kind < 8) {
        // a correction: another student, guardian or time, or a class of last school year
        String id = new ArrayList<>(recorded.keySet()).get(random.nextInt(recorded.size()));
        boolean lastYear = random.nextInt(3) == 0;
        Map<String, Object> item = new LinkedHashMap<>(Map.of("classId", lastYear ? "P1" : (random.nextBoolean() ? "C1" : "C2"),
            "studentRef", "STU-" + random.nextInt(30), "guardianRef", "GRD-" + random.nextInt(12),
            "registeredAt", (lastYear ? lastSpring.plus(random.nextInt(60 * 24), ChronoUnit.HOURS)
                : yearStart.plus(random.nextInt(80 * 24), ChronoUnit.HOURS)).toString()));
        Response r = send("PUT", BASE + "/platform-registrations/" + id, withReason(item));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        item.put("externalId", id);
        recorded.put(id, item);
        corrections++;
      } else {
        String id = new ArrayList<>(recorded.keySet()).get(random.nextInt(recorded.size()));
        Response r = send("POST", BASE + "/platform-registrations/" + id + "/withdrawal", Map.of("reason", "重复注册"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        recorded.remove(id);
        withdrawals++;
      }
      assertCountsMatchTheRegistrations("after step " + step);
    }
    assertThat(List.of(batches, corrections, withdrawals)).as("the sequence has each kind of step").allMatch(n -> n >= 3);
    assertThat(distinct("student_key", "2025-2026", "2027-09-01")).as("corrections moved students into last year's class").isPositive();
    assertThat(distinct("guardian_key", "2026-2027", "2027-09-01"))
        .as("guardians are shared: fewer guardians than registrations").isLessThan(recorded.size());

    // the figures the refresher derives are the day counts' sums
    CoalescedFigures.awaitCounted(jdbc, SCHOOL);
    assertThat(latest(SCHOOL, "PLATFORM_REGISTRATION", "2026-2027-1")[0])
        .isEqualTo(distinct("student_key", "2026-2027", "2027-02-01")).isPositive();
    assertThat(latest(SCHOOL, "PARENT_LEARNING_PER_CAPITA", "2026-2027")[1])
        .isEqualTo(distinct("guardian_key", "2026-2027", "2027-09-01")).isPositive();
  }

  static Map<String, Object> withReason(Map<String, Object> item) {
    Map<String, Object> body = new LinkedHashMap<>(item);
    body.put("reason", "平台数据更正");
    return body;
  }

  @Test
  void theClassCountRefusesANewStudentBeyondTheEnrolmentButNotAnotherGuardianOfAStudentItCounts() {
    String school = "9901017802";
    String base = "/api/school/schools/" + school + "/platform-registrations";
    registerSchool(school);
    putClass(school, "FULL", "2026-2027", 2);
    putClass(school, "WIDE", "2026-2027", 50);
    Response first = send("POST", base, Map.of("period", "2026-2027-1", "registrations", List.of(
        registration("f-1", "FULL", "STU-1", "GRD-1a"), registration("f-2", "FULL", "STU-2", "GRD-2a"),
        registration("f-3", "FULL", "STU-1", "GRD-1b"), registration("w-1", "WIDE", "STU-9", "GRD-9"))));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(classCount(school, "FULL")).as("two students, one of them with two guardians").isEqualTo(2);

    // another guardian of a counted student, in a later batch: the class stays at 2 and takes it
    Response again = send("POST", base, Map.of("period", "2026-2027-1", "registrations", List.of(
        registration("f-4", "FULL", "STU-2", "GRD-2b"), registration("w-2", "WIDE", "STU-10", "GRD-10"))));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(classCount(school, "FULL")).isEqualTo(2);
    assertThat(classCount(school, "WIDE")).isEqualTo(2);

    // a third student is refused, with the whole batch: neither class's count moves
    Response over = send("POST", base, Map.of("period", "2026-2027-1", "registrations", List.of(
        registration("w-3", "WIDE", "STU-11", "GRD-11"), registration("f-5", "FULL", "STU-3", "GRD-3"))));
    assertThat(over.status()).as(over.body()).isEqualTo(422);
    assertThat(over.body()).contains("class FULL: 3 students with a registered guardian but only 2 enrolled")
        .doesNotContain("class WIDE");
    assertThat(List.of(classCount(school, "FULL"), classCount(school, "WIDE"))).containsExactly(2L, 2L);
    assertThat(putClassResponse(school, "FULL", "2026-2027", 1).status()).as("the enrolment guard reads the same count")
        .isEqualTo(422);

    // both registrations of STU-1 withdrawn: the class counts one student and takes STU-3
    for (String id : List.of("f-1", "f-3")) {
      assertThat(send("POST", base + "/" + id + "/withdrawal", Map.of("reason", "重复注册")).status()).isEqualTo(200);
    }
    assertThat(classCount(school, "FULL")).isEqualTo(1);
    Response fits = send("POST", base, Map.of("period", "2026-2027-1", "registrations",
        List.of(registration("f-5", "FULL", "STU-3", "GRD-3"))));
    assertThat(fits.status()).as(fits.body()).isEqualTo(200);
    // a correction moves STU-3 into WIDE (FULL 1, WIDE 3); another moves STU-9 into FULL (2, 2); moving STU-10 too is refused
    assertThat(send("PUT", base + "/f-5", withReason(item("WIDE", "STU-3", "GRD-3"))).status()).isEqualTo(200);
    assertThat(List.of(classCount(school, "FULL"), classCount(school, "WIDE"))).containsExactly(1L, 3L);
    assertThat(send("PUT", base + "/w-1", withReason(item("FULL", "STU-9", "GRD-9"))).status()).isEqualTo(200);
    Response third = send("PUT", base + "/w-2", withReason(item("FULL", "STU-10", "GRD-10")));
    assertThat(third.status()).as(third.body()).isEqualTo(422);
    assertThat(third.body()).contains("class FULL: 3 students with a registered guardian but only 2 enrolled");
    assertThat(List.of(classCount(school, "FULL"), classCount(school, "WIDE"))).containsExactly(2L, 2L);
  }

  /**
   * The counts each batch updates (V35, V36) change no indexed column, so each update is heap-only
   * (HOT): it leaves no index entry and no dead row for a vacuum (autovacuum is off on these machines). Counted
   * with the transaction's own statistics, on a row of each table inserted and updated five times in
   * one transaction that is then rolled back.
   */
  @Test
  void theDayAndClassCountsAreUpdatedInPlace() throws Exception {
    Map<String, String[]> tables = new LinkedHashMap<>();
    tables.put("registration_daily", new String[] {
        "insert into registration_daily (school_id, school_year, day, students, guardians) values ('HOT', '2026-2027', date '2026-10-01', 0, 0)",
        "update registration_daily set students = students + 1, guardians = guardians + 1 where school_id = 'HOT'"});
    tables.put("learning_daily", new String[] {
        "insert into learning_daily (school_id, day, activities) values ('HOT', date '2026-10-01', 0)",
        "update learning_daily set activities = activities + 50 where school_id = 'HOT'"});
    tables.put("registered_class", new String[] {
        "insert into registered_class (school_id, class_id, students) values ('HOT', 'C1', 0)",
        "update registered_class set students = students + 3 where school_id = 'HOT'"});
    try (java.sql.Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (java.sql.Statement st = c.createStatement()) {
        for (var t : tables.entrySet()) {
          st.execute(t.getValue()[0]);
          for (int i = 0; i < 5; i++) {
            st.execute(t.getValue()[1]);
          }
          try (java.sql.ResultSet rs = st.executeQuery("select pg_stat_get_xact_tuples_updated(cast('%1$s' as regclass)),"
              .formatted(t.getKey()) + " pg_stat_get_xact_tuples_hot_updated(cast('%1$s' as regclass))".formatted(t.getKey()))) {
            rs.next();
            assertThat(List.of(rs.getLong(1), rs.getLong(2))).as(t.getKey() + ": updates, of them heap-only").containsExactly(5L, 5L);
          }
        }
      } finally {
        c.rollback();
      }
    }
  }

  @Autowired javax.sql.DataSource dataSource;

  static Map<String, Object> registration(String id, String classId, String student, String guardian) {
    Map<String, Object> r = new LinkedHashMap<>(item(classId, student, guardian));
    r.put("externalId", id);
    return r;
  }

  /** A registration as one item's PUT carries it (its id is in the path). */
  static Map<String, Object> item(String classId, String student, String guardian) {
    return Map.of("classId", classId, "studentRef", student, "guardianRef", guardian, "registeredAt", "2026-09-10T08:00:00Z");
  }

  long classCount(String school, String classId) {
    return count("select coalesce(max(students), 0) from registered_class where school_id = ? and class_id = ?", school, classId);
  }

  /**
   * Each class's count against the distinct students of its registrations, and each day's counts
   * against the keys' earliest registrations grouped by their local day, and their sums at each
   * day's start against the distinct counts.
   */
  void assertCountsMatchTheRegistrations(String when) {
    // the class counts (V35) against the distinct students of each class's registrations
    String perClass = "select class_id, count(distinct student_key) from platform_registration where school_id = '%s' group by 1"
        .formatted(SCHOOL);
    String kept = "select class_id, students::bigint from registered_class where school_id = '%s' and students <> 0".formatted(SCHOOL);
    assertThat(count("select count(*) from ((" + perClass + ") except (" + kept + ")) missing"))
        .as(when + ": classes whose registered students registered_class lacks or counts otherwise").isZero();
    assertThat(count("select count(*) from ((" + kept + ") except (" + perClass + ")) extra"))
        .as(when + ": classes registered_class counts that no registration is of").isZero();
    assertThat(count("select count(*) from registration_daily where school_id = ? and (students < 0 or guardians < 0)", SCHOOL))
        .as(when + ": no count below zero").isZero();
    for (Map.Entry<String, String> k : DAILY.entrySet()) {
      // each key's earliest registration of each school year, grouped by its local day, against the day counts (V34)
      String byDay = """
          select school_year, (first at time zone 'Asia/Shanghai')::date, count(*) from (
            select c.school_year, r.%1$s, min(r.registered_at) as first from platform_registration r
            join school_class c on c.school_id = r.school_id and c.class_id = r.class_id where r.school_id = '%2$s'
            group by 1, 2) k
          group by 1, 2""".formatted(k.getKey(), SCHOOL);
      String daily = "select school_year, day, %1$s::bigint from registration_daily where school_id = '%2$s' and %1$s <> 0"
          .formatted(k.getValue(), SCHOOL);
      assertThat(count("select count(*) from ((" + byDay + ") except (" + daily + ")) missing"))
          .as(when + ": days of the " + k.getValue() + "' earliest registrations that registration_daily lacks or counts otherwise")
          .isZero();
      assertThat(count("select count(*) from ((" + daily + ") except (" + byDay + ")) extra"))
          .as(when + ": days registration_daily counts " + k.getValue() + " on that no earliest registration falls on").isZero();
      for (String day : List.of("2026-04-01", "2026-09-15", "2026-10-15", "2027-02-01")) {
        Instant end = LocalDate.parse(day).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        for (String year : List.of("2025-2026", "2026-2027")) {
          assertThat(counts.countBefore(SCHOOL, year, end, k.getValue().equals("guardians")))
              .as(when + ": " + k.getValue() + " of " + year + " summed by day before " + day)
              .isEqualTo(distinct(k.getKey(), year, end.toString()));
        }
      }
    }
  }

  /** The pseudonym column of each count of registration_daily. */
  static final Map<String, String> DAILY = Map.of("student_key", "students", "guardian_key", "guardians");

  @Autowired RegistrationCounts counts;

  /**
   * A batch looks its students and guardians up through the key indexes (V39), whose expression
   * the look-up must spell as the index does: a look-up the planner cannot match with the index
   * reads every registration of the school, and only gets slower, so no figure would show it.
   */
  @Test
  void theLookUpOfABatchsKeysScansTheKeyIndexes() {
    String plan = String.join("\n", jdbc.sql("explain " + RegistrationCounts.LOOK_UP)
        .param("school", SCHOOL)
        .param("students", new String[] {RegistrationCounts.key("0123456789abcdef".repeat(4))})
        .param("guardians", new String[] {RegistrationCounts.key("fedcba9876543210".repeat(4))})
        .query(String.class).list());
    assertThat(plan).contains("platform_registration_student").contains("platform_registration_guardian");
  }

  long distinct(String column, String year, String cutOff) {
    return count("""
        select count(distinct r.%s) from platform_registration r
        join school_class c on c.school_id = r.school_id and c.class_id = r.class_id
        where r.school_id = ? and c.school_year = ? and r.registered_at < cast(? as timestamptz)""".formatted(column),
        SCHOOL, year, cutOff);
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
