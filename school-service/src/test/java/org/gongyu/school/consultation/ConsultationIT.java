package org.gongyu.school.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.school.SchoolRecordsItSupport;
import org.gongyu.school.privacy.FieldCipher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Consultation outreach and cases against a real PostgreSQL and Kafka. */
class ConsultationIT extends SchoolRecordsItSupport {

  static final String OUTREACH = IndicatorCodes.CONSULTATION_OUTREACH;
  static final String RESOLUTION = IndicatorCodes.CONSULTATION_RESOLUTION;
  static final String DISCOVERY = IndicatorCodes.PROBLEM_DISCOVERY;
  static final String SECRET_NOTE = "孩子与父亲冲突 secret-note-7781";

  @Autowired FieldCipher cipher;

  static Map<String, Object> delivery(String externalId, String classId, String student, String channel, String on) {
    return Map.of("externalId", externalId, "classId", classId, "studentRef", student, "channel", channel, "deliveredOn", on);
  }

  Response postOutreach(String school, List<Map<String, Object>> records) {
    return send("POST", "/api/school/schools/" + school + "/consultation-outreach", Map.of("records", records));
  }

  static Map<String, Object> caseBody(String classId, String student, String openedOn, String status, String resolvedOn) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("classId", classId);
    m.put("studentRef", student);
    m.put("category", "FAMILY_RELATIONS");
    m.put("openedOn", openedOn);
    m.put("appointmentAt", openedOn + "T08:30:00Z");
    m.put("consultant", "李老师");
    m.put("status", status);
    if (resolvedOn != null) {
      m.put("resolvedOn", resolvedOn);
    }
    m.put("notes", SECRET_NOTE);
    m.put("reason", "更正"); // required for a correction (issue 13)
    return m;
  }

  Response putCase(String school, String caseId, Map<String, Object> body) {
    return send("PUT", "/api/school/schools/" + school + "/consultations/" + caseId, body);
  }

  long outreachRows(String school) {
    return jdbc.sql("select count(*) from consultation_outreach where school_id = ?").param(school).query(Long.class).single();
  }

  /** No event of the school names a student, carries a stored student key or a note. */
  void assertEventsCarryNoPersonalData(String school, String table) {
    List<String> keys = jdbc.sql("select distinct student_key from " + table + " where school_id = ?").param(school)
        .query(String.class).list();
    assertThat(keys).isNotEmpty();
    List<String> published = new ArrayList<>(outbox(school));
    published.addAll(rawEvents(school));
    assertThat(published).isNotEmpty().allSatisfy(json -> {
      assertThat(json).doesNotContain("STU-").doesNotContain("secret-note").doesNotContain("studentRef").doesNotContain("notes");
      keys.forEach(k -> assertThat(json).doesNotContain(k.trim()));
    });
  }

  // ---------------------------------------------------------------- outreach

  @Test
  void outreachCountsDistinctStudentsOfEachYearsClassesOverItsEnrolmentAndAResentBatchPublishesNothing() {
    String school = "9901019501";
    registerSchool(school);
    putClass(school, "P1", PAST_YEAR, 10);
    putClass(school, "P2", PAST_YEAR, 5);
    putClass(school, "N1", YEAR, 8);

    List<Map<String, Object>> batch = new ArrayList<>();
    batch.add(delivery("o-1", "P1", "STU-1", "NOTICE", "2026-09-01")); // first day of the year
    batch.add(delivery("o-1b", "P1", "STU-1", "WECHAT", "2027-03-01")); // the same family again
    batch.add(delivery("o-2", "P1", "STU-2", "MEETING", "2027-08-31")); // last day of the year
    for (int i = 3; i <= 6; i++) {
      batch.add(delivery("o-" + i, "P1", "STU-" + i, "PLATFORM", "2026-10-0" + i));
    }
    batch.add(delivery("o-7", "P2", "STU-7", "NOTICE", "2026-12-01"));
    batch.add(delivery("n-1", "N1", "STU-N1", "NOTICE", "2027-09-01"));
    batch.add(delivery("n-2", "N1", "STU-N2", "WECHAT", "2027-10-15")); // today
    Response first = postOutreach(school, batch);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"received\":10").contains("\"accepted\":10").contains("\"alreadyRecorded\":0")
        .contains("\"periodId\":\"2026-2027\",\"numerator\":7,\"denominator\":15")
        .contains("\"periodId\":\"2027-2028\",\"numerator\":2,\"denominator\":8");
    assertThat(latestFigure(school, OUTREACH, PAST_YEAR)).isEqualTo("7/15");
    assertThat(latestFigure(school, OUTREACH, YEAR)).isEqualTo("2/8");

    var events = awaitEvents(school, OUTREACH, es -> es.stream().anyMatch(e -> e.periodId().equals(PAST_YEAR) && e.numerator() == 7)
        && es.stream().anyMatch(e -> e.periodId().equals(YEAR) && e.numerator() == 2));
    IndicatorSnapshotPublished past = events.stream().filter(e -> e.periodId().equals(PAST_YEAR)).reduce((a, b) -> b).orElseThrow();
    assertThat(past.denominator()).isEqualTo(15);
    assertThat(past.version()).isEqualTo(latestVersion(school, OUTREACH, PAST_YEAR));

    int outboxBefore = outbox(school).size();
    long versionBefore = latestVersion(school, OUTREACH, PAST_YEAR);
    Response again = postOutreach(school, batch);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("\"accepted\":0").contains("\"alreadyRecorded\":10");
    assertThat(outbox(school)).as("a re-sent batch publishes nothing").hasSize(outboxBefore);
    assertThat(latestVersion(school, OUTREACH, PAST_YEAR)).isEqualTo(versionBefore);

    // a later batch adding a family is a new version of that year only
    long currentBefore = latestVersion(school, OUTREACH, YEAR);
    assertThat(postOutreach(school, List.of(delivery("o-8", "P2", "STU-8", "NOTICE", "2027-01-05"))).status()).isEqualTo(200);
    assertThat(latestFigure(school, OUTREACH, PAST_YEAR)).isEqualTo("8/15");
    assertThat(latestVersion(school, OUTREACH, PAST_YEAR)).isEqualTo(versionBefore + 1);
    assertThat(latestVersion(school, OUTREACH, YEAR)).isEqualTo(currentBefore);

    String keys = jdbc.sql("select string_agg(student_key, '') from consultation_outreach where school_id = ?").param(school)
        .query(String.class).single();
    assertThat(keys).doesNotContain("STU").matches("[0-9a-f]+");
    assertEventsCarryNoPersonalData(school, "consultation_outreach");
  }

  @Test
  void aBatchWithOneBadItemIsRefusedWholeAndStoresNothing() {
    String school = "9901019502";
    registerSchool(school);
    putClass(school, "P1", PAST_YEAR, 3);
    putClass(school, "N1", YEAR, 30);
    assertThat(postOutreach(school, List.of(delivery("ok-1", "P1", "STU-a", "NOTICE", "2026-11-01"))).status()).isEqualTo(200);
    long rowsBefore = outreachRows(school);
    int outboxBefore = outbox(school).size();
    String path = "/api/school/schools/" + school + "/consultation-outreach";
    List<Map<String, Object>> good = List.of(delivery("g-1", "N1", "STU-g1", "NOTICE", "2027-09-10"),
        delivery("g-2", "N1", "STU-g2", "NOTICE", "2027-09-11"));

    Map<String, Response> cases = new LinkedHashMap<>();
    cases.put("422 records[2].deliveredOn: 2027-10-16 is in the future", postOutreach(school,
        concat(good, delivery("g-3", "N1", "STU-g3", "NOTICE", "2027-10-16"))));
    cases.put("422 records[2].classId: class NOPE is not recorded", postOutreach(school,
        concat(good, delivery("g-3", "NOPE", "STU-g3", "NOTICE", "2027-09-12"))));
    cases.put("422 records[2].classId: class P1 belongs to school year 2026-2027, but deliveredOn 2027-09-01 falls in school year 2027-2028",
        postOutreach(school, concat(good, delivery("g-3", "P1", "STU-g3", "NOTICE", "2027-09-01"))));
    cases.put("409 recorded earlier with different content", postOutreach(school,
        concat(good, delivery("ok-1", "P1", "STU-a", "WECHAT", "2026-11-01"))));
    cases.put("422 appears twice in the batch with different content", postOutreach(school,
        concat(good, delivery("g-1", "N1", "STU-other", "NOTICE", "2027-09-10"))));
    cases.put("422 class P1 would have 4 students", postOutreach(school, List.of(
        delivery("p-2", "P1", "STU-b", "NOTICE", "2026-11-01"), delivery("p-3", "P1", "STU-c", "NOTICE", "2026-11-01"),
        delivery("p-4", "P1", "STU-d", "NOTICE", "2026-11-01"))));
    cases.put("400 (at 'records[0].channel')", sendRaw("POST", path,
        "{\"records\":[{\"externalId\":\"x\",\"classId\":\"N1\",\"studentRef\":\"s\",\"channel\":\"FAX\",\"deliveredOn\":\"2027-09-10\"}]}"));
    cases.put("400 records[0].studentRef", sendRaw("POST", path,
        "{\"records\":[{\"externalId\":\"x\",\"classId\":\"N1\",\"channel\":\"NOTICE\",\"deliveredOn\":\"2027-09-10\"}]}"));
    cases.put("400 (at 'records[0].deliveredOn')", sendRaw("POST", path,
        "{\"records\":[{\"externalId\":\"x\",\"classId\":\"N1\",\"studentRef\":\"s\",\"channel\":\"NOTICE\",\"deliveredOn\":\"10/09/2027\"}]}"));
    cases.put("400 records: must not be empty", postOutreach(school, List.of()));
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 5001; i++) {
      tooMany.add(delivery("big-" + i, "N1", "STU-big-" + i, "NOTICE", "2027-09-10"));
    }
    cases.put("400 records: at most 5000 records per batch", postOutreach(school, tooMany));
    cases.put("400 'schoolKey'", sendRaw("POST", path,
        "{\"records\":[{\"externalId\":\"x\",\"classId\":\"N1\",\"studentRef\":\"s\",\"channel\":\"NOTICE\",\"deliveredOn\":\"2027-09-10\",\"schoolKey\":\"k\"}]}"));

    cases.forEach((expected, r) -> assertProblem(r, Integer.parseInt(expected.substring(0, 3)), expected.substring(4)));
    assertThat(outreachRows(school)).isEqualTo(rowsBefore);
    assertThat(outbox(school)).hasSize(outboxBefore);
    assertThat(putClass(school, "P1", PAST_YEAR, 0).status()).as("enrolment below the families reached").isEqualTo(422);
  }

  static List<Map<String, Object>> concat(List<Map<String, Object>> good, Map<String, Object> bad) {
    List<Map<String, Object>> all = new ArrayList<>(good);
    all.add(bad);
    return all;
  }

  // ---------------------------------------------------------------- cases

  @Test
  void casesOpenedInAYearResolvedByItsLastDayMakeTheFigureAndCorrectionsMakeNewVersions() {
    String school = "9901019503";
    registerSchool(school);
    putClass(school, "P1", PAST_YEAR, 30);
    putClass(school, "N1", YEAR, 30);

    assertThat(putCase(school, "c1", caseBody("P1", "STU-c1", "2026-10-01", "OPEN", null)).status()).isEqualTo(201);
    assertThat(latestFigure(school, RESOLUTION, PAST_YEAR)).isEqualTo("0/1");
    Response c2 = putCase(school, "c2", caseBody("P1", "STU-c2", "2027-03-01", "RESOLVED", "2027-08-31"));
    assertThat(c2.status()).isEqualTo(201);
    assertThat(c2.body()).contains("\"caseId\":\"c2\"").contains("\"status\":\"RESOLVED\"").contains("\"resolvedOn\":\"2027-08-31\"")
        .doesNotContain("STU-").doesNotContain("secret-note");
    // resolved after the year ended: not resolved for the year it was opened in, and no other year's figure
    assertThat(putCase(school, "c3", caseBody("P1", "STU-c3", "2027-06-01", "RESOLVED", "2027-09-02")).status()).isEqualTo(201);
    assertThat(latestFigure(school, RESOLUTION, PAST_YEAR)).isEqualTo("1/3");
    assertThat(latestFigure(school, RESOLUTION, YEAR)).isEqualTo("0/0");

    int outboxBefore = outbox(school).size();
    long versionBefore = latestVersion(school, RESOLUTION, PAST_YEAR);
    String rowsBefore = caseRows(school);
    assertThat(putCase(school, "c1", caseBody("P1", "STU-c1", "2026-10-01", "OPEN", null)).status()).as("identical").isEqualTo(200);
    assertThat(outbox(school)).hasSize(outboxBefore);
    assertThat(caseRows(school)).as("not even re-encrypted").isEqualTo(rowsBefore);

    assertThat(putCase(school, "c1", caseBody("P1", "STU-c1", "2026-10-01", "REFERRED", null)).status()).isEqualTo(200);
    assertThat(latestVersion(school, RESOLUTION, PAST_YEAR)).as("same figure, no new version").isEqualTo(versionBefore);
    assertThat(putCase(school, "c1", caseBody("P1", "STU-c1", "2026-10-01", "RESOLVED", "2027-01-10")).status()).isEqualTo(200);
    assertThat(latestFigure(school, RESOLUTION, PAST_YEAR)).isEqualTo("2/3");
    assertThat(latestVersion(school, RESOLUTION, PAST_YEAR)).isEqualTo(versionBefore + 1);

    var events = awaitEvents(school, RESOLUTION, es -> es.stream().anyMatch(e -> e.periodId().equals(PAST_YEAR) && e.numerator() == 2));
    assertThat(events.stream().filter(e -> e.periodId().equals(PAST_YEAR)).map(e -> e.numerator() + "/" + e.denominator()).toList())
        .containsExactly("0/0", "0/1", "1/2", "1/3", "2/3");
    assertThat(events.stream().filter(e -> e.periodId().equals(PAST_YEAR)).map(IndicatorSnapshotPublished::version).toList())
        .containsExactly(1L, 2L, 3L, 4L, 5L);

    Response list = get("/api/school/schools/" + school + "/consultations?schoolYear=" + PAST_YEAR);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("\"caseId\":\"c1\"").contains("\"caseId\":\"c3\"").contains("\"consultant\":\"李老师\"")
        .doesNotContain("STU-").doesNotContain("secret-note").doesNotContain("studentRef").doesNotContain("notes")
        .doesNotContain("studentKey");
    assertThat(get("/api/school/schools/" + school + "/consultations?schoolYear=2027").status()).isEqualTo(400);
    assertEventsCarryNoPersonalData(school, "consultation_case");
  }

  @Test
  void problemDiscoveryCountsEachStudentOfTheYearsClassesWithACaseOpenedInTheYearOnceOverItsEnrolment() {
    String school = "9901019507";
    registerSchool(school);
    putClass(school, "P1", PAST_YEAR, 30);
    putClass(school, "P2", PAST_YEAR, 10);
    putClass(school, "N1", YEAR, 25);

    assertThat(putCase(school, "d1", caseBody("P1", "STU-d1", "2026-10-01", "OPEN", null)).status()).isEqualTo(201);
    assertThat(latestFigure(school, DISCOVERY, PAST_YEAR)).isEqualTo("1/40");
    // a second case of the same student: one family, counted once; resolving it changes nothing here
    assertThat(putCase(school, "d2", caseBody("P1", "STU-d1", "2027-03-01", "RESOLVED", "2027-04-01")).status()).isEqualTo(201);
    assertThat(putCase(school, "d3", caseBody("P2", "STU-d3", "2027-05-01", "OPEN", null)).status()).isEqualTo(201);
    assertThat(latestFigure(school, DISCOVERY, PAST_YEAR)).isEqualTo("2/40");
    assertThat(latestFigure(school, DISCOVERY, YEAR)).isEqualTo("0/25");
    long version = latestVersion(school, DISCOVERY, PAST_YEAR);
    assertThat(putCase(school, "d3", caseBody("P2", "STU-d3", "2027-05-01", "RESOLVED", "2027-05-20")).status()).isEqualTo(200);
    assertThat(latestVersion(school, DISCOVERY, PAST_YEAR)).as("resolution is not discovery: no new version").isEqualTo(version);

    // a withdrawn case was recorded in error: its student is no longer found
    assertThat(send("POST", "/api/school/schools/" + school + "/consultations/d3/withdrawal", Map.of("reason", "重复录入")).status())
        .isEqualTo(200);
    assertThat(latestFigure(school, DISCOVERY, PAST_YEAR)).isEqualTo("1/40");
    var events = awaitEvents(school, DISCOVERY, es -> es.stream().anyMatch(e -> e.periodId().equals(PAST_YEAR) && e.version() == version + 1));
    assertThat(events.stream().filter(e -> e.periodId().equals(PAST_YEAR)).map(e -> e.numerator() + "/" + e.denominator()).toList())
        .endsWith("1/40", "2/40", "1/40");
    assertEventsCarryNoPersonalData(school, "consultation_case");
  }

  @Test
  void illegalTransitionsAndChangesOfStudentOrOpeningDayAreConflictsThatChangeNothing() {
    String school = "9901019504";
    registerSchool(school);
    putClass(school, "P1", PAST_YEAR, 30);
    assertThat(putCase(school, "r1", caseBody("P1", "STU-r1", "2026-10-01", "RESOLVED", "2026-10-20")).status()).isEqualTo(201);
    assertThat(putCase(school, "f1", caseBody("P1", "STU-f1", "2026-10-01", "REFERRED", null)).status()).isEqualTo(201);
    String rowsBefore = caseRows(school);
    int outboxBefore = outbox(school).size();

    Map<String, Response> cases = new LinkedHashMap<>();
    cases.put("409 case r1 is RESOLVED and cannot become OPEN", putCase(school, "r1", caseBody("P1", "STU-r1", "2026-10-01", "OPEN", null)));
    cases.put("409 case r1 is RESOLVED and cannot become REFERRED", putCase(school, "r1", caseBody("P1", "STU-r1", "2026-10-01", "REFERRED", null)));
    cases.put("409 case f1 is REFERRED and cannot become OPEN", putCase(school, "f1", caseBody("P1", "STU-f1", "2026-10-01", "OPEN", null)));
    cases.put("409 case r1 is about another student", putCase(school, "r1", caseBody("P1", "STU-other", "2026-10-01", "RESOLVED", "2026-10-20")));
    cases.put("409 case r1 was opened on 2026-10-01", putCase(school, "r1", caseBody("P1", "STU-r1", "2026-10-02", "RESOLVED", "2026-10-20")));
    cases.forEach((expected, r) -> assertProblem(r, 409, expected.substring(4)));
    assertThat(caseRows(school)).isEqualTo(rowsBefore);
    assertThat(outbox(school)).hasSize(outboxBefore);
  }

  @Test
  void badCaseFieldsAreRefusedNamingTheFieldAndStoreNothing() {
    String school = "9901019505";
    registerSchool(school);
    putClass(school, "P1", PAST_YEAR, 30);
    putClass(school, "N1", YEAR, 30);
    String path = "/api/school/schools/" + school + "/consultations/";
    Map<String, Response> cases = new LinkedHashMap<>();
    cases.put("400 resolvedOn: is required when status is RESOLVED", putCase(school, "b1", caseBody("P1", "STU-b", "2026-10-01", "RESOLVED", null)));
    cases.put("422 resolvedOn: 2026-09-30 is before openedOn 2026-10-01", putCase(school, "b1", caseBody("P1", "STU-b", "2026-10-01", "RESOLVED", "2026-09-30")));
    cases.put("422 resolvedOn: only a RESOLVED case has a resolvedOn", putCase(school, "b1", caseBody("P1", "STU-b", "2026-10-01", "OPEN", "2026-10-02")));
    cases.put("422 resolvedOn: 2027-10-16 is in the future", putCase(school, "b1", caseBody("N1", "STU-b", "2027-10-01", "RESOLVED", "2027-10-16")));
    cases.put("422 openedOn: 2027-10-16 is in the future", putCase(school, "b1", caseBody("N1", "STU-b", "2027-10-16", "OPEN", null)));
    cases.put("422 classId: class P1 belongs to school year 2026-2027, but openedOn 2027-09-01 falls in school year 2027-2028",
        putCase(school, "b1", caseBody("P1", "STU-b", "2027-09-01", "OPEN", null)));
    cases.put("422 classId: class NOPE is not recorded", putCase(school, "b1", caseBody("NOPE", "STU-b", "2027-09-01", "OPEN", null)));
    Map<String, Object> badCategory = new HashMap<>(caseBody("P1", "STU-b", "2026-10-01", "OPEN", null));
    badCategory.put("category", "GOSSIP");
    cases.put("400 (at 'category')", send("PUT", path + "b1", badCategory));
    Map<String, Object> badStatus = new HashMap<>(caseBody("P1", "STU-b", "2026-10-01", "OPEN", null));
    badStatus.put("status", "CLOSED");
    cases.put("400 (at 'status')", send("PUT", path + "b1", badStatus));
    Map<String, Object> noConsultant = new HashMap<>(caseBody("P1", "STU-b", "2026-10-01", "OPEN", null));
    noConsultant.remove("consultant");
    cases.put("400 consultant: must not be blank", send("PUT", path + "b1", noConsultant));
    Map<String, Object> noOpened = new HashMap<>(caseBody("P1", "STU-b", "2026-10-01", "OPEN", null));
    noOpened.remove("openedOn");
    cases.put("400 openedOn: must not be null", send("PUT", path + "b1", noOpened));
    cases.forEach((expected, r) -> assertProblem(r, Integer.parseInt(expected.substring(0, 3)), expected.substring(4)));
    assertThat(caseRows(school)).isEmpty();
  }

  @Test
  void notesAreStoredOnlyEncryptedAndTheStudentOnlyAsAKeyedHash() {
    String school = "9901019506";
    registerSchool(school);
    putClass(school, "P1", PAST_YEAR, 30);
    assertThat(putCase(school, "n1", caseBody("P1", "STU-secret-9", "2026-10-01", "OPEN", null)).status()).isEqualTo(201);
    byte[] notes = jdbc.sql("select notes from consultation_case where school_id = ?").param(school).query(byte[].class).single();
    assertThat(new String(notes, StandardCharsets.UTF_8)).doesNotContain("secret-note").doesNotContain("冲突");
    assertThat(new String(notes, StandardCharsets.ISO_8859_1)).doesNotContain("secret-note");
    assertThat(cipher.decrypt(school, notes)).as("the school can still read its notes").isEqualTo(SECRET_NOTE);
    String row = jdbc.sql("select concat_ws('|', case_id, class_id, student_key, category, consultant, status) from consultation_case where school_id = ?")
        .param(school).query(String.class).single();
    assertThat(row).doesNotContain("secret").doesNotContain("STU");
    assertThat(jdbc.sql("select student_key from consultation_case where school_id = ?").param(school).query(String.class).single())
        .matches("[0-9a-f]{64}");
  }

  String caseRows(String school) {
    return String.join("\n", jdbc.sql("""
            select concat_ws('|', case_id, class_id, student_key, category, opened_on, status, resolved_on, consultant, encode(notes, 'hex'), updated_at)
            from consultation_case where school_id = ? order by case_id
            """).param(school).query(String.class).list());
  }
}
