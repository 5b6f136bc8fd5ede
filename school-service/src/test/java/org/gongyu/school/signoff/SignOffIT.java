package org.gongyu.school.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.CountyPeriodSubmission;
import org.gongyu.contracts.district.v1.ReportingDeadlineSet;
import org.gongyu.contracts.district.v1.SchoolPeriodReviewed;
import org.gongyu.contracts.school.v1.PeriodSignedOff;
import org.gongyu.school.HttpItSupport;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.MutableClock;
import org.gongyu.testing.RealInfrastructure;
import org.gongyu.testing.TopicRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15 items 1, 4 and 6 at the school tier (ADR 0019) against the real PostgreSQL and Kafka:
 * a sign-off publishes its figures; the lock refuses a write dated in the period for every record
 * family and stores nothing of it, while a write dated in another period is accepted; the freeze
 * keeps a signed-off figure when current state changes, until a return arrives on the topic;
 * replayed, duplicated and out-of-order reviews change nothing; two concurrent sign-offs: one wins.
 * The clock stands at 2026-11-23 noon in Beijing: school year 2025-2026 has ended, 2026-2027 runs.
 */
@Import(SignOffIT.FixedClock.class)
class SignOffIT extends HttpItSupport {

  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
  static final String COUNTY = "996101";
  static final String YEAR = "2025-2026";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_signoff");
    Keycloak.register(registry);
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-signoff-it");
    registry.add("gongyu.school.deadline-notice-cron", () -> "-");
  }

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    MutableClock clock() {
      return new MutableClock(NOW);
    }
  }

  @Autowired MutableClock clock;
  @Autowired DeadlineNotices deadlineNotices;

  @AfterEach
  void standTheClockBack() {
    clock.reset();
  }

  @Override
  protected Instant now() {
    return NOW;
  }

  static String base(String school) {
    return "/api/school/schools/" + school;
  }

  static Map<String, Object> with(Map<String, Object> m, Object... kv) {
    Map<String, Object> copy = new HashMap<>(m);
    for (int i = 0; i < kv.length; i += 2) {
      copy.put((String) kv[i], kv[i + 1]);
    }
    return copy;
  }

  void classes(String school) {
    assertThat(send("PUT", base(school) + "/classes/C1", Map.of("schoolYear", "2026-2027", "grade", 3, "name", "三年级1班",
        "enrolment", 40)).status()).isEqualTo(201);
    assertThat(send("PUT", base(school) + "/classes/C0", Map.of("schoolYear", YEAR, "grade", 2, "name", "二年级1班",
        "enrolment", 30)).status()).isEqualTo(201);
  }

  Response signOff(String school, String period) {
    return send("POST", base(school) + "/sign-offs/" + period, null);
  }

  static void assertProblem(String label, Response r, int status, String mentions) {
    assertThat(r.status()).as(label + " -> " + r.body()).isEqualTo(status);
    assertThat(r.contentType()).as(label).startsWith("application/problem+json");
    assertThat(r.body()).as(label).contains(mentions).doesNotContain("Exception").doesNotContain("org.gongyu");
  }

  String latestFigure(String school, String code, String period) {
    return jdbc.sql("""
            select numerator || '/' || denominator || ' v' || version from indicator_snapshot
            where school_id = ? and indicator_code = ? and period_id = ? order by version desc limit 1""")
        .params(school, code, period).query(String.class).optional().orElse(null);
  }

  List<PeriodSignedOff> signOffEvents(String school) {
    return TopicRecords.readAll(Topics.SCHOOL_SIGN_OFFS).stream().filter(r -> school.equals(r.key()))
        .map(r -> EventCodec.decode(r.value(), PeriodSignedOff.class).payload()).toList();
  }

  String review(String school, String period, long signOffVersion, SchoolPeriodReviewed.Action action, String comment, long version) {
    return EventCodec.encode(EventEnvelope.wrap("district-service", NOW,
        new SchoolPeriodReviewed(COUNTY, school, period, signOffVersion, action, comment, NOW, version)));
  }

  void deliver(String json) {
    kafka.send(Topics.DISTRICT_PERIOD_APPROVALS, COUNTY, json);
  }

  String state(String school, String period) {
    return jdbc.sql("select state || ' s' || sign_off_version || ' r' || review_version from sign_off_state where school_id = ? and period_id = ?")
        .params(school, period).query(String.class).optional().orElse("NONE");
  }

  void awaitState(String school, String period, String expected) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> state(school, period), expected::equals);
  }

  @Test
  void aSignOffStoresAndPublishesThePeriodsFiguresOnceAndOnlyASchoolAdminMakesIt() {
    String school = "9961000001";
    registerSchool(school, COUNTY);
    classes(school);
    assertThat(send("PUT", base(school) + "/home-contacts/H-1", Map.of("classId", "C0", "studentRef", "STU-S1", "date", "2026-03-10",
        "mode", "PHONE")).status()).isEqualTo(201);
    String path = base(school) + "/sign-offs/2025-2026-2";

    assertThat(matrix.call("POST", path, null, Keycloak.tokenAs("school-staff", school))).as("school staff").isEqualTo(403);
    assertThat(matrix.call("POST", path, null, Keycloak.tokenAs("county-admin", COUNTY))).as("county admin").isEqualTo(403);
    assertThat(matrix.call("POST", path, null, Keycloak.tokenAs("school-admin", "9961000099"))).as("another school's admin").isEqualTo(404);
    assertThat(matrix.call("POST", path, null, null)).as("anonymous").isEqualTo(401);
    assertThat(state(school, "2025-2026-2")).as("a refused caller signs nothing off").isEqualTo("NONE");

    Response first = signOff(school, "2025-2026-2");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.body()).contains("\"state\":\"SIGNED_OFF\"").contains("\"locked\":true").contains("\"signOffVersion\":1")
        .contains("\"indicatorCode\":\"PARENT_CONTACT\",\"numerator\":1,\"denominator\":30");

    List<PeriodSignedOff> events = await().atMost(Duration.ofSeconds(30)).until(() -> signOffEvents(school), e -> !e.isEmpty());
    assertThat(events).hasSize(1);
    PeriodSignedOff e = events.getFirst();
    assertThat(e.periodId()).isEqualTo("2025-2026-2");
    assertThat(e.version()).isEqualTo(1);
    // every figure is the latest snapshot of its indicator for the period, with its version
    List<String> latest = jdbc.sql("""
            select distinct on (indicator_code) indicator_code || ' ' || numerator || '/' || denominator || ' v' || version
            from indicator_snapshot where school_id = ? and period_id = '2025-2026-2' order by indicator_code, version desc""")
        .param(school).query(String.class).list();
    assertThat(e.figures().stream().map(f -> f.indicatorCode() + " " + f.numerator() + "/" + f.denominator() + " v" + f.snapshotVersion()))
        .containsExactlyInAnyOrderElementsOf(latest)
        .contains("PARENT_CONTACT 1/30 v" + latestFigure(school, "PARENT_CONTACT", "2025-2026-2").split(" v")[1])
        .hasSizeGreaterThan(5);
    assertThat(jdbc.sql("select count(*) from sign_off_figure where school_id = ?").param(school).query(Long.class).single())
        .isEqualTo(e.figures().size());

    assertProblem("signed off twice", signOff(school, "2025-2026-2"), 409, "2025-2026-2");
    assertProblem("not a period", signOff(school, "2025-2027"), 422, "2025-2027");
    assertProblem("not started", signOff(school, "2026-2027-2"), 409, "2026-2027-2");
    assertThat(jdbc.sql("select count(*) from sign_off where school_id = ?").param(school).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from outbox_event where topic = ? and record_key = ?")
        .params(Topics.SCHOOL_SIGN_OFFS, school).query(Long.class).single()).isEqualTo(1);

    Response list = get(base(school) + "/sign-offs");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("{\"periodId\":\"2025-2026-2\",\"periodType\":\"SEMESTER\",\"state\":\"SIGNED_OFF\",\"locked\":true")
        .contains("{\"periodId\":\"2026-2027-1\",\"periodType\":\"SEMESTER\",\"state\":\"NOT_SIGNED_OFF\",\"locked\":false");
    assertThat(matrix.call("GET", base(school) + "/sign-offs", null, Keycloak.tokenAs("school-staff", school))).isEqualTo(200);
    assertThat(matrix.call("GET", base(school) + "/sign-offs/2025-2026-2", null, Keycloak.tokenAs("county-admin", COUNTY))).isEqualTo(403);
    Response one = get(base(school) + "/sign-offs/2025-2026-2");
    assertThat(one.body()).contains("\"trail\":[{").contains("\"action\":\"SIGNED_OFF\"").doesNotContain("STU-S1");
  }

  /**
   * One record family: a write dated in the signed-off school year 2025-2026 (refused) and one dated
   * in 2026-2027 (accepted), as method, path and body.
   */
  record Family(String name, String method, String lockedPath, Object lockedBody, String openPath, Object openBody) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Map<String, Object> SESSION = Map.of("type", "COLLECTIVE", "date", "2026-10-10", "topic", "如何陪伴孩子写作业",
      "lecturer", "陈老师", "mode", "OFFLINE", "attendance", 35);
  static final Map<String, Object> TRAINING = Map.of("personName", "王芳", "course", "家校共育骨干培训", "completedOn", "2026-10-15");
  static final Map<String, Object> INSTRUCTOR = Map.of("name", "陈静", "certificateNo", "JT-2025-0042", "certifiedOn", "2026-10-01");
  static final Map<String, Object> PARENT_SCHOOL = Map.of("headName", "王芳", "establishedOn", "2026-10-01",
      "structure", "校长任校长，德育处负责日常", "rules", "每学期两次集中授课");
  static final Map<String, Object> COMMITTEE = Map.of("level", "SCHOOL", "foundedOn", "2026-10-01", "venue", "家长委员会活动室",
      "plaque", true, "rulesAdopted", true);
  static final Map<String, Object> SUGGESTION = Map.of("receivedOn", "2026-10-01", "category", "CATERING", "channel", "PARENT_STATION",
      "status", "RESOLVED", "resolvedOn", "2026-10-05");
  static final Map<String, Object> SPECIAL = Map.of("classId", "C1", "studentRef", "STU-T1", "category", "LEFT_BEHIND",
      "registeredOn", "2026-09-10", "careFileOn", "2026-09-10");
  static final Map<String, Object> CASE = Map.of("classId", "C1", "studentRef", "STU-T2", "category", "FAMILY_RELATIONS",
      "openedOn", "2026-10-10", "consultant", "李老师", "status", "OPEN");
  static final Map<String, Object> CLASS = Map.of("schoolYear", "2026-2027", "grade", 3, "name", "三年级2班", "enrolment", 40);
  static final Map<String, Object> SIX_ONES = Map.of("classId", "C1", "studentRef", "STU-T3", "activity", "BOOK", "date", "2026-10-10");
  static final Map<String, Object> CONTACT = Map.of("classId", "C1", "studentRef", "STU-T4", "date", "2026-10-10", "mode", "PHONE");
  static final Map<String, Object> REGISTRATION = Map.of("classId", "C1", "studentRef", "STU-T5", "guardianRef", "STU-T5-GUARDIAN",
      "registeredAt", "2026-10-10T02:00:00Z");
  static final Map<String, Object> LEARNING = Map.of("guardianRef", "STU-T6-GUARDIAN", "resourceId", "RES-1",
      "occurredAt", "2026-10-10T02:00:00Z", "minutes", 30);
  static final Map<String, Object> RECOMMENDATION = Map.of("resourceId", "RES-2", "title", "如何陪伴孩子阅读",
      "resourceType", "VIDEO", "authoringTier", "CITY", "recommendedAt", "2026-10-10T02:00:00Z");
  static final Map<String, Object> OUTREACH = Map.of("classId", "C1", "studentRef", "STU-T7", "channel", "WECHAT", "deliveredOn", "2026-10-10");

  static final Map<String, Object> OPEN_SCHOOL_EVENT = Map.of("type", "PARENTS_LECTURE_HALL", "date", "2026-10-10",
      "mode", "OFFLINE", "theme", "青春期亲子沟通", "attendance", 120);
  static final Map<String, Object> READING_CAMPAIGN = Map.of("classId", "C1", "name", "21天亲子共读", "startDate", "2026-10-08");

  static List<Family> families(String s) {
    String b = base(s);
    return List.of(
        new Family("class", "PUT", b + "/classes/C-L", with(CLASS, "schoolYear", YEAR), b + "/classes/C-2", CLASS),
        new Family("platform registration", "PUT", b + "/platform-registrations/R-L",
            with(REGISTRATION, "classId", "C0", "registeredAt", "2026-03-10T02:00:00Z"), b + "/platform-registrations/R-1", REGISTRATION),
        new Family("platform registration batch", "POST", b + "/platform-registrations",
            Map.of("period", "2025-2026-2", "registrations", List.of(with(REGISTRATION, "externalId", "R-LB", "classId", "C0",
                "studentRef", "STU-T8", "registeredAt", "2026-03-10T02:00:00Z"))),
            b + "/platform-registrations", Map.of("period", "2026-2027-1", "registrations",
                List.of(with(REGISTRATION, "externalId", "R-B", "studentRef", "STU-T9")))),
        new Family("home contact", "PUT", b + "/home-contacts/H-L", with(CONTACT, "classId", "C0", "date", "2026-03-10"),
            b + "/home-contacts/H-1", CONTACT),
        new Family("home-visit file batch", "POST", b + "/home-visit-files",
            Map.of("files", List.of(Map.of("studentRef", "STU-V1", "classId", "C0", "openedOn", "2026-03-10"))),
            b + "/home-visit-files", Map.of("files", List.of(Map.of("studentRef", "STU-V2", "classId", "C1", "openedOn", "2026-10-10")))),
        new Family("special student", "PUT", b + "/special-students/E-L",
            with(SPECIAL, "classId", "C0", "registeredOn", "2026-03-10", "careFileOn", "2026-03-10"), b + "/special-students/E-1", SPECIAL),
        new Family("consultation", "PUT", b + "/consultations/Q-L", with(CASE, "classId", "C0", "openedOn", "2026-03-10"),
            b + "/consultations/Q-1", CASE),
        new Family("consultation outreach", "PUT", b + "/consultation-outreach/O-L",
            with(OUTREACH, "classId", "C0", "deliveredOn", "2026-03-10"), b + "/consultation-outreach/O-1", OUTREACH),
        new Family("six-ones", "PUT", b + "/six-ones/P-L", with(SIX_ONES, "classId", "C0", "date", "2026-03-10"),
            b + "/six-ones/P-1", SIX_ONES),
        new Family("platform learning", "PUT", b + "/platform-learning/L-L", with(LEARNING, "occurredAt", "2026-03-10T02:00:00Z"),
            b + "/platform-learning/L-1", LEARNING),
        new Family("platform recommendation", "PUT", b + "/platform-recommendations/M-L",
            with(RECOMMENDATION, "recommendedAt", "2026-03-10T02:00:00Z"), b + "/platform-recommendations/M-1", RECOMMENDATION),
        new Family("parent school", "PUT", b + "/parent-school", with(PARENT_SCHOOL, "establishedOn", "2026-03-01"),
            b + "/parent-school", PARENT_SCHOOL),
        new Family("parent-school session", "PUT", b + "/parent-school/sessions/S-L", with(SESSION, "date", "2026-03-10"),
            b + "/parent-school/sessions/S-1", SESSION),
        new Family("head training", "PUT", b + "/head-trainings/T-L", with(TRAINING, "completedOn", "2026-03-15"),
            b + "/head-trainings/T-1", TRAINING),
        new Family("instructor", "PUT", b + "/instructors/I-L", with(INSTRUCTOR, "certifiedOn", "2026-03-01"),
            b + "/instructors/I-1", INSTRUCTOR),
        new Family("committee", "PUT", b + "/committees/K-L", with(COMMITTEE, "foundedOn", "2026-03-01"), b + "/committees/K-1", COMMITTEE),
        new Family("suggestion", "PUT", b + "/suggestions/G-L", with(SUGGESTION, "receivedOn", "2026-03-01", "resolvedOn", "2026-03-05"),
            b + "/suggestions/G-1", SUGGESTION),
        new Family("open-school event", "PUT", b + "/open-school-events/V-L", with(OPEN_SCHOOL_EVENT, "date", "2026-03-10"),
            b + "/open-school-events/V-1", OPEN_SCHOOL_EVENT),
        new Family("reading campaign", "PUT", b + "/reading-campaigns/RC-L",
            with(READING_CAMPAIGN, "classId", "C0", "startDate", "2026-03-02"), b + "/reading-campaigns/RC-1", READING_CAMPAIGN));
  }

  long rows(String school) {
    long n = 0;
    for (String table : List.of("record_version", "indicator_snapshot", "school_class", "platform_registration", "home_contact",
        "home_visit_file", "special_student", "consultation_case", "consultation_outreach", "six_ones_participation",
        "platform_learning", "platform_recommendation", "parent_school", "parent_school_session", "head_training", "instructor",
        "parent_committee", "parent_suggestion", "open_school_event", "reading_campaign", "reading_check_in")) {
      n += jdbc.sql("select count(*) from " + table + " where school_id = ?").param(school).query(Long.class).single();
    }
    return n + jdbc.sql("select count(*) from outbox_event where record_key = ?").param(school).query(Long.class).single();
  }

  @Test
  void whileSignedOffEveryFamilyRefusesAWriteDatedInThePeriodAndStoresNothingButAcceptsOneDatedInAnother() {
    String school = "9961000002";
    registerSchool(school, COUNTY);
    classes(school);
    assertThat(send("PUT", base(school) + "/parent-school/sessions/S-0", with(SESSION, "date", "2026-03-12")).status()).isEqualTo(201);
    assertThat(signOff(school, YEAR).status()).isEqualTo(201);

    long before = rows(school);
    List<String> wrong = new ArrayList<>();
    List<Family> families = families(school);
    for (Family f : families) {
      Response r = send(f.method(), f.lockedPath(), f.lockedBody());
      if (r.status() != 409 || !r.body().contains(YEAR) || !r.contentType().startsWith("application/problem+json")) {
        wrong.add(f + ": " + r.status() + " " + r.body());
      }
    }
    Response withdrawal = send("POST", base(school) + "/parent-school/sessions/S-0/withdrawal", Map.of("reason", "录入错误"));
    if (withdrawal.status() != 409) {
      wrong.add("withdrawal of a session dated in the period: " + withdrawal.status() + " " + withdrawal.body());
    }
    Response correction = send("PUT", base(school) + "/parent-school/sessions/S-0", with(SESSION, "date", "2026-10-12", "reason", "改期"));
    if (correction.status() != 409) {
      wrong.add("moving a session out of the period: " + correction.status() + " " + correction.body());
    }
    assertThat(wrong).as("refused with 409 naming the period").isEmpty();
    assertThat(rows(school)).as("nothing of a refused write is stored, no figure and no event").isEqualTo(before);
    Response locked = send("PUT", base(school) + "/head-trainings/T-L", with(TRAINING, "completedOn", "2026-03-15"));
    assertThat(locked.body()).contains("until the county returns or reopens the period");
    String zh = http.put().uri(base(school) + "/head-trainings/T-L").header("Accept-Language", "zh-CN")
        .contentType(MediaType.APPLICATION_JSON).body(with(TRAINING, "completedOn", "2026-03-15"))
        .exchange((req, res) -> new String(res.getBody().readAllBytes()), true);
    assertThat(zh).contains("期间 2025-2026 已完成上报").contains("区县退回或重新开放");

    for (Family f : families) {
      Response r = send(f.method(), f.openPath(), f.openBody());
      if (r.status() != 200 && r.status() != 201) {
        wrong.add(f + " (other period): " + r.status() + " " + r.body());
      }
    }
    assertThat(wrong).as("accepted in another period").isEmpty();
    assertThat(families).hasSize(19);

    // late data: every refused write was kept aside, sealed, listed without content
    Response kept = get(base(school) + "/late-submissions");
    assertThat(kept.status()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    JSON.readTree(kept.body()).forEach(list::add);
    assertThat(list).as(kept.body()).hasSize(families.size() + 4).allMatch(k -> k.path("status").asString().equals("KEPT")
        && k.path("periodId").asString().equals(YEAR));
    assertThat(kept.body()).doesNotContain("STU-").doesNotContain("王芳").doesNotContain("2026-03-1")
        .contains("\"family\":\"home-visit-files\",\"method\":\"POST\"").contains("\"family\":\"parent-school/sessions\"");
    assertThat(jdbc.sql("select count(*) from late_submission where school_id = ? and position(convert_to('STU-', 'UTF8') in request) > 0")
        .param(school).query(Long.class).single()).as("sealed").isZero();
    long training = list.stream().filter(k -> k.path("family").asString().equals("head-trainings")).findFirst().orElseThrow()
        .path("id").asLong();
    long session = list.stream().filter(k -> k.path("family").asString().equals("parent-school/sessions")).findFirst().orElseThrow()
        .path("id").asLong();
    assertProblem("re-applied while locked", send("POST", base(school) + "/late-submissions/" + training + "/application", null),
        409, YEAR);
    assertThat(matrix.call("GET", base(school) + "/late-submissions", null, Keycloak.tokenAs("county-admin", COUNTY))).isEqualTo(403);

    deliver(review(school, YEAR, 1, SchoolPeriodReviewed.Action.RETURNED, "请补录", 1));
    awaitState(school, YEAR, "RETURNED s1 r1");
    Response applied = send("POST", base(school) + "/late-submissions/" + training + "/application", null);
    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    assertThat(applied.body()).contains("\"status\":\"APPLIED\"").contains("\"answerStatus\":201");
    assertThat(get(base(school) + "/head-trainings").body()).as("the kept write is stored now")
        .contains("\"trainingId\":\"T-L\",\"personName\":\"王芳\",\"course\":\"家校共育骨干培训\",\"completedOn\":\"2026-03-15\"");
    assertThat(send("POST", base(school) + "/late-submissions/" + training + "/application", null).status()).isEqualTo(409);
    assertThat(send("DELETE", base(school) + "/late-submissions/" + session, null).status()).isEqualTo(204);
    assertThat(send("DELETE", base(school) + "/late-submissions/" + session, null).status()).isEqualTo(409);
    assertThat(send("DELETE", base(school) + "/late-submissions/999999999", null).status()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from late_submission where school_id = ? and status <> 'KEPT' and request is null")
        .param(school).query(Long.class).single()).as("a settled request is erased").isEqualTo(2);
    assertThat(get(base(school) + "/parent-school/sessions/S-0").body()).as("discarded: not applied").contains("\"recordStatus\":\"ACTIVE\"");
  }

  static void row(Sheet s, int index, Object... values) {
    Row r = s.getRow(index) != null ? s.getRow(index) : s.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Cell c = r.getCell(i, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
      switch (values[i]) {
        case null -> c.setBlank();
        case LocalDate d -> c.setCellValue(d);
        default -> c.setCellValue(String.valueOf(values[i]));
      }
    }
  }

  byte[] filled(String imports, String family, Consumer<Sheet> fill) throws IOException {
    byte[] template = http.get().uri(imports + "/templates/" + family + ".xlsx?lang=en")
        .exchange((req, res) -> res.getBody().readAllBytes(), true);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill.accept(wb.getSheetAt(0));
      wb.write(out);
      return out.toByteArray();
    }
  }

  /** Uploads, waits for the job, and answers {job, error workbook's messages of data rows}. */
  JsonNode imported(String imports, String family, byte[] bytes) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return family + ".xlsx";
      }
    });
    String location = http.post().uri(imports + "/" + family).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
        .exchange((req, res) -> {
          assertThat(res.getStatusCode().value()).isEqualTo(202);
          return res.getHeaders().getFirst(HttpHeaders.LOCATION);
        }, true);
    JsonNode[] last = {null};
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
      last[0] = JSON.readTree(get(location).body());
      return List.of("DONE", "FAILED", "CANCELLED").contains(last[0].get("status").asString());
    });
    return last[0];
  }

  String errorOfFirstRow(String imports, JsonNode job) throws IOException {
    byte[] errors = http.get().uri(imports + "/jobs/" + job.get("jobId").asString() + "/errors.xlsx")
        .exchange((req, res) -> res.getBody().readAllBytes(), true);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(errors))) {
      Row r = wb.getSheetAt(0).getRow(1);
      return r.getCell(r.getLastCellNum() - 1).getStringCellValue();
    }
  }

  @Test
  void excelImportsRefuseTheRowsDatedInASignedOffPeriodAndApplyTheOthers() throws Exception {
    String school = "9961000007";
    registerSchool(school, COUNTY);
    classes(school);
    assertThat(signOff(school, YEAR).status()).isEqualTo(201);
    String imports = base(school) + "/imports";

    JsonNode contacts = imported(imports, "home-contacts", filled(imports, "home-contacts", s -> {
      row(s, 1, "HC-L", "C0", "STU-I1", LocalDate.of(2026, 3, 10), "PHONE", null);
      row(s, 2, "HC-1", "C1", "STU-I2", LocalDate.of(2026, 10, 10), "PHONE", null);
    }));
    assertThat(contacts.get("status").asString()).as(contacts.toString()).isEqualTo("DONE");
    assertThat(contacts.get("applied").asInt()).isEqualTo(1);
    assertThat(contacts.get("refused").asInt()).isEqualTo(1);
    assertThat(jdbc.sql("select external_id from home_contact where school_id = ?").param(school).query(String.class).list())
        .containsExactly("HC-1");
    assertThat(errorOfFirstRow(imports, contacts)).contains("2025-2026").contains("returns or reopens");

    JsonNode trainings = imported(imports, "head-trainings", filled(imports, "head-trainings", s -> {
      row(s, 1, "T-L", "王芳", "家校共育骨干培训", LocalDate.of(2026, 3, 15), null);
      row(s, 2, "T-1", "王芳", "家校共育骨干培训", LocalDate.of(2026, 10, 15), null);
    }));
    assertThat(trainings.get("applied").asInt()).as(trainings.toString()).isEqualTo(1);
    assertThat(trainings.get("refused").asInt()).isEqualTo(1);
    assertThat(jdbc.sql("select training_id from head_training where school_id = ?").param(school).query(String.class).list())
        .containsExactly("T-1");
    assertThat(errorOfFirstRow(imports, trainings)).contains("2025-2026");
    assertThat(jdbc.sql("select count(*) from late_submission where school_id = ?").param(school).query(Long.class).single())
        .as("an import's refused rows stay in its error workbook").isZero();
  }

  @Test
  void aSignedOffFigureStaysFrozenWhenCurrentStateChangesUntilTheCountyReturnsThePeriod() {
    String school = "9961000003";
    registerSchool(school, COUNTY);
    assertThat(send("PUT", base(school) + "/parent-school", with(PARENT_SCHOOL, "establishedOn", "2025-10-01")).status()).isEqualTo(201);
    assertThat(send("PUT", base(school) + "/head-trainings/T-1", with(TRAINING, "completedOn", "2026-03-15")).status()).isEqualTo(201);
    String signedOff = latestFigure(school, "HEAD_TRAINING", YEAR);
    assertThat(signedOff).startsWith("1/1");
    Response first = signOff(school, YEAR);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.body()).contains("\"indicatorCode\":\"HEAD_TRAINING\",\"numerator\":1,\"denominator\":1");

    // a new head, recorded today as a correction of the head recorded today: without the freeze this rewrites 2025-2026
    Response newHead = send("PUT", base(school) + "/parent-school", with(PARENT_SCHOOL, "establishedOn", "2025-10-01",
        "headName", "李明", "reason", "校长更换"));
    assertThat(newHead.status()).as(newHead.body()).isEqualTo(200);
    assertThat(latestFigure(school, "HEAD_TRAINING", YEAR)).as("frozen").isEqualTo(signedOff);
    // a write dated in another period that touches every later period leaves it frozen too
    assertThat(send("PUT", base(school) + "/head-trainings/T-2", with(TRAINING, "personName", "赵强", "completedOn", "2026-10-15"))
        .status()).isEqualTo(201);
    assertThat(latestFigure(school, "HEAD_TRAINING", YEAR)).as("frozen").isEqualTo(signedOff);

    deliver(review(school, YEAR, 1, SchoolPeriodReviewed.Action.APPROVED, null, 1));
    awaitState(school, YEAR, "APPROVED s1 r1");
    assertThat(latestFigure(school, "HEAD_TRAINING", YEAR)).as("approval keeps the lock").isEqualTo(signedOff);
    assertProblem("approved: still locked", send("PUT", base(school) + "/head-trainings/T-3",
        with(TRAINING, "completedOn", "2026-03-16")), 409, YEAR);

    deliver(review(school, YEAR, 1, SchoolPeriodReviewed.Action.REOPENED, "校长信息有误，请更正后重新上报", 2));
    awaitState(school, YEAR, "REOPENED s1 r2");
    assertThat(latestFigure(school, "HEAD_TRAINING", YEAR)).as("recomputed once the lock is lifted").startsWith("0/1")
        .isNotEqualTo(signedOff);
    Response read = get(base(school) + "/sign-offs/" + YEAR);
    assertThat(read.body()).contains("\"state\":\"REOPENED\"").contains("\"locked\":false").contains("校长信息有误")
        .contains("\"action\":\"APPROVED\"").contains("\"action\":\"REOPENED\"");
    assertThat(send("PUT", base(school) + "/head-trainings/T-3", with(TRAINING, "completedOn", "2026-03-16")).status())
        .as("open again").isEqualTo(201);
    Response again = signOff(school, YEAR);
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.body()).contains("\"signOffVersion\":2").contains("\"comment\":null");
  }

  @Test
  void returnedLiftsTheLockAndShowsTheComment() {
    String school = "9961000006";
    registerSchool(school, COUNTY);
    assertThat(signOff(school, "2025-2026-1").status()).isEqualTo(201);
    assertThat(send("PUT", base(school) + "/instructors/I-1", with(INSTRUCTOR, "certifiedOn", "2025-10-01")).status()).isEqualTo(409);
    deliver(review(school, "2025-2026-1", 1, SchoolPeriodReviewed.Action.RETURNED, "请补录家长学校授课记录", 1));
    awaitState(school, "2025-2026-1", "RETURNED s1 r1");
    assertThat(get(base(school) + "/sign-offs").body())
        .contains("{\"periodId\":\"2025-2026-1\",\"periodType\":\"SEMESTER\",\"state\":\"RETURNED\",\"locked\":false,\"signOffVersion\":1,"
            + "\"comment\":\"请补录家长学校授课记录\"");
    assertThat(send("PUT", base(school) + "/instructors/I-1", with(INSTRUCTOR, "certifiedOn", "2025-10-01")).status()).isEqualTo(201);
    assertThat(latestFigure(school, "INSTRUCTOR_COVERAGE", "2025-2026-1")).startsWith("1/1");
  }

  @Test
  void replayedDuplicatedAndOutOfOrderReviewsChangeNothing() {
    String school = "9961000004";
    String period = "2025-2026-1";
    registerSchool(school, COUNTY);
    assertThat(signOff(school, period).status()).isEqualTo(201);

    String returned = review(school, period, 1, SchoolPeriodReviewed.Action.RETURNED, "请核对", 2);
    deliver(returned);
    awaitState(school, period, "RETURNED s1 r2");
    deliver(review(school, period, 1, SchoolPeriodReviewed.Action.APPROVED, null, 1)); // older review, arriving late
    deliver(returned);                                                                // the same event again
    deliver(review(school, period, 1, SchoolPeriodReviewed.Action.RETURNED, "请核对", 2)); // the same review, another event id
    deliver(EventCodec.encode(EventEnvelope.wrap("district-service", NOW, new CountyPeriodSubmission(COUNTY, period,
        CountyPeriodSubmission.Status.SUBMITTED, List.of(new CountyPeriodSubmission.ApprovedSchool(school, 1)), null, NOW, 1))));
    deliver(review(school, period, 7, SchoolPeriodReviewed.Action.APPROVED, null, 3)); // of a sign-off this school never made
    assertThat(signOff(school, period).status()).as("the return lifted the lock").isEqualTo(201);
    deliver(review(school, period, 1, SchoolPeriodReviewed.Action.REOPENED, "迟到的", 4)); // of the older sign-off version
    deliver(review(school, period, 2, SchoolPeriodReviewed.Action.APPROVED, null, 5)); // the sentinel: same partition, after the others
    awaitState(school, period, "APPROVED s2 r5");
    assertThat(jdbc.sql("select count(*) from sign_off_review where school_id = ? and applied").param(school).query(Long.class).single())
        .as("applied: the return and the approval of version 2").isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from sign_off_review where school_id = ?").param(school).query(Long.class).single())
        .as("every distinct review is in the trail, a duplicate once").isEqualTo(5);
    assertProblem("approved: locked", send("PUT", base(school) + "/instructors/I-1", with(INSTRUCTOR, "certifiedOn", "2025-10-01")),
        409, period);
    assertThat(get(base(school) + "/sign-offs/" + period).body()).contains("\"applied\":false");
  }

  @Test
  void twoConcurrentSignOffsOfOnePeriodOneWins() throws Exception {
    String school = "9961000005";
    registerSchool(school, COUNTY);
    classes(school);
    get(base(school) + "/sign-offs"); // a token in the cache before the race
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> calls = Stream.of(1, 2).map(i -> CompletableFuture.supplyAsync(() -> {
      try {
        start.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return signOff(school, YEAR).status();
    })).toList();
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (var c : calls) {
      statuses.add(c.get());
    }
    assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    assertThat(jdbc.sql("select count(*) from sign_off where school_id = ?").param(school).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from outbox_event where topic = ? and record_key = ?")
        .params(Topics.SCHOOL_SIGN_OFFS, school).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void theCountysDeadlineIsRemindedBeforeAndAfterToSchoolsNotSignedOffOnceEachAndAgainWhenMoved() {
    String county = "996102";
    String s1 = "9961020001";
    String s2 = "9961020002";
    registerSchool(s1, county);
    registerSchool(s2, county);
    String period = "2026-2027-1";
    Instant deadline = Instant.parse("2027-01-15T16:00:00Z");
    deliverDeadline(new ReportingDeadlineSet(county, period, deadline, 1, NOW));
    String admin1 = Keycloak.tokenAs("school-admin", s1);
    String admin2 = Keycloak.tokenAs("school-admin", s2);

    clock.set(Instant.parse("2027-01-10T04:00:00Z")); // 5 days before: nothing yet
    assertThat(deadlineNotices.scan()).isZero();
    clock.set(Instant.parse("2027-01-13T04:00:00Z")); // 2.5 days before
    assertThat(deadlineNotices.scan()).as("both schools, neither has signed off").isEqualTo(2);
    assertThat(deadlineNotices.scan()).as("the second run adds nothing").isZero();
    JsonNode approaching = notice(admin1, "deadline-approaching", "zh-CN");
    assertThat(approaching.get("text").asString()).isEqualTo("区县要求于 2027-01-16 00:00 前完成 2026-2027-1 的上报，请核对本校数据后完成上报");
    assertThat(approaching.get("link").asString()).isEqualTo("/schools/" + s1 + "/sign-offs/" + period);
    assertThat(notice(admin1, "deadline-approaching", "en").get("text").asString())
        .isEqualTo("The deadline of your county to sign off period 2026-2027-1 is 2027-01-16 00:00: review your figures and sign off");

    // s1 signs off (the page shows the deadline); the deadline passes: only s2 is told
    Response signed = signOff(s1, period);
    assertThat(signed.status()).isEqualTo(201);
    assertThat(JSON.readTree(signed.body()).get("deadline").asString()).isEqualTo("2027-01-15T16:00:00Z");
    clock.set(Instant.parse("2027-01-16T04:00:00Z"));
    assertThat(deadlineNotices.scan()).isEqualTo(1);
    assertThat(notices(admin1, null)).noneMatch(n -> n.get("kind").asString().equals("deadline-passed"));
    assertThat(notice(admin2, "deadline-passed", "zh-CN").get("text").asString())
        .isEqualTo("区县规定的 2026-2027-1 上报截止时间（2027-01-16 00:00）已过，本校尚未完成上报");

    // the county moves the deadline: told again; a stale version changes nothing
    deliverDeadline(new ReportingDeadlineSet(county, period, Instant.parse("2027-01-20T16:00:00Z"), 2, NOW.plusSeconds(60)));
    deliverDeadline(new ReportingDeadlineSet(county, period, deadline, 1, NOW));
    clock.set(Instant.parse("2027-01-18T04:00:00Z")); // 2.5 days before the new deadline
    assertThat(deadlineNotices.scan()).isEqualTo(1);
    assertThat(notices(admin2, null)).filteredOn(n -> n.get("kind").asString().equals("deadline-approaching")).hasSize(2);
    assertThat(deadlineNotices.scan()).isZero();
    assertThat(notices(Keycloak.tokenAs("school-staff", s2), null)).as("the school's staff")
        .noneMatch(n -> n.get("kind").asString().startsWith("deadline-"));
  }

  void deliverDeadline(ReportingDeadlineSet d) {
    var env = EventEnvelope.wrap("district-service", d.at(), d);
    kafka.send(Topics.DISTRICT_PERIOD_APPROVALS, d.countyId(), EventCodec.encode(env));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
        "select count(*) from inbox_event where event_id = ?").param(env.eventId()).query(Long.class).single() == 1);
  }

  List<JsonNode> notices(String token, String language) {
    var request = http.get().uri("/api/school/me/notifications?size=100").header("Authorization", "Bearer " + token);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    JsonNode page = request.exchange((req, res) -> JSON.readTree(res.getBody().readAllBytes()), true);
    List<JsonNode> out = new java.util.ArrayList<>();
    page.get("items").forEach(out::add);
    return out;
  }

  JsonNode notice(String token, String kind, String language) {
    List<JsonNode> of = notices(token, language).stream().filter(n -> n.get("kind").asString().equals(kind)).toList();
    assertThat(of).as("notices of kind %s", kind).hasSize(1);
    return of.getFirst();
  }
}
