package org.gongyu.school.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.gongyu.school.CoalescedFigures;
import org.gongyu.school.HttpItSupport;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 item 1 against a real PostgreSQL and Kafka, for every record family that is corrected
 * and withdrawn one record at a time: a correction needs a reason and is a new version whose figure
 * follows; a withdrawal drops the record from every figure and leaves it listed as WITHDRAWN to the
 * school; the trail keeps every version; a second withdrawal and a PUT on a withdrawn record are 409;
 * other schools' users get 404 and county users see neither withdrawn records nor trails.
 */
class RecordCorrectionsIT extends HttpItSupport {

  /** 2026-11-23 noon in Beijing: semester 2026-2027-1 has started. */
  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_trail");
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-it-trail");
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

  /**
   * One family: how to set a school up for it, where its record lives and is listed, the record as
   * created and as corrected, and the figures ({@code INDICATOR/period -> num/den}) after creation,
   * correction and withdrawal. {@code countyReads}: county users may read its list.
   */
  record Family(String name, Consumer<RecordCorrectionsIT> setUp, Function<String, String> record, Function<String, String> list,
      Map<String, Object> created, Map<String, Object> corrected, Map<String, String> afterCreate,
      Map<String, String> afterCorrect, Map<String, String> afterWithdraw, boolean countyReads, boolean recordableAgain) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Map<String, Object> with(Map<String, Object> m, Object... kv) {
    Map<String, Object> copy = new HashMap<>(m);
    for (int i = 0; i < kv.length; i += 2) {
      copy.put((String) kv[i], kv[i + 1]);
    }
    return copy;
  }

  static final Map<String, Object> SESSION = Map.of("type", "COLLECTIVE", "date", "2026-10-10", "topic", "如何陪伴孩子写作业",
      "lecturer", "陈老师", "mode", "OFFLINE", "attendance", 35);
  static final Map<String, Object> TRAINING = Map.of("personName", "王芳", "course", "家校共育骨干培训", "completedOn", "2026-03-15");
  static final Map<String, Object> INSTRUCTOR = Map.of("name", "陈静", "certificateNo", "JT-2025-0042", "certifiedOn", "2025-10-01");
  static final Map<String, Object> PARENT_SCHOOL = Map.of("headName", "王芳", "establishedOn", "2025-10-01",
      "structure", "校长任校长，德育处负责日常", "rules", "每学期两次集中授课");

  static final Map<String, Object> COMMITTEE = Map.of("level", "SCHOOL", "foundedOn", "2025-10-01", "venue", "家长委员会活动室",
      "plaque", true, "rulesAdopted", true);
  static final Map<String, Object> SUGGESTION = Map.of("receivedOn", "2026-10-01", "category", "CATERING", "channel", "PARENT_STATION",
      "status", "RESOLVED", "resolvedOn", "2026-10-05");

  static final Map<String, Object> SPECIAL = Map.of("classId", "C1", "studentRef", "STU-T1", "category", "LEFT_BEHIND",
      "registeredOn", "2026-09-10", "careFileOn", "2026-09-10", "notes", "由祖母照看");
  static final Map<String, Object> CASE = Map.of("classId", "C1", "studentRef", "STU-T2", "category", "FAMILY_RELATIONS",
      "openedOn", "2026-10-10", "consultant", "李老师", "status", "OPEN", "notes", "secret-note");

  static final Map<String, Object> CLASS = Map.of("schoolYear", "2026-2027", "grade", 3, "name", "三年级2班", "enrolment", 40);

  static final Map<String, Object> SIX_ONES = Map.of("classId", "C1", "studentRef", "STU-T3", "activity", "BOOK",
      "date", "2026-10-10");

  static final Map<String, Object> CONTACT = Map.of("classId", "C1", "studentRef", "STU-T4", "date", "2026-10-10",
      "mode", "PHONE");

  static final Map<String, Object> REGISTRATION = Map.of("classId", "C1", "studentRef", "STU-T5", "guardianRef", "STU-T5-GUARDIAN",
      "registeredAt", "2026-10-10T02:00:00Z");

  static final Map<String, Object> LEARNING = Map.of("guardianRef", "STU-T6-GUARDIAN", "resourceId", "RES-1",
      "occurredAt", "2026-10-10T02:00:00Z", "minutes", 30);
  static final Map<String, Object> RECOMMENDATION = Map.of("resourceId", "RES-2", "title", "如何陪伴孩子阅读",
      "resourceType", "VIDEO", "authoringTier", "CITY", "recommendedAt", "2026-10-10T02:00:00Z");

  static final Map<String, Object> OUTREACH = Map.of("classId", "C1", "studentRef", "STU-T7", "channel", "WECHAT",
      "deliveredOn", "2026-10-10");

  static Stream<Family> families() {
    return Stream.of(
        new Family("consultation-outreach item", it -> it.putClasses(), s -> base(s) + "/consultation-outreach/O-1",
            s -> base(s) + "/consultation-outreach?semester=2025-2026-2",
            OUTREACH, with(OUTREACH, "classId", "C0", "deliveredOn", "2026-03-10"),
            Map.of("CONSULTATION_OUTREACH/2026-2027", "1/40"),
            Map.of("CONSULTATION_OUTREACH/2026-2027", "0/40", "CONSULTATION_OUTREACH/2025-2026", "1/30"),
            Map.of("CONSULTATION_OUTREACH/2025-2026", "0/30"), false, false),
        new Family("platform-learning item", it -> {}, s -> base(s) + "/platform-learning/L-1",
            s -> base(s) + "/platform-learning?semester=2025-2026-2",
            LEARNING, with(LEARNING, "occurredAt", "2026-03-10T02:00:00Z"),
            Map.of("PARENT_LEARNING_PER_CAPITA/2026-2027", "1/0"),
            Map.of("PARENT_LEARNING_PER_CAPITA/2026-2027", "0/0", "PARENT_LEARNING_PER_CAPITA/2025-2026", "1/0"),
            Map.of("PARENT_LEARNING_PER_CAPITA/2025-2026", "0/0"), false, false),
        new Family("platform-recommendation item", it -> {}, s -> base(s) + "/platform-recommendations/M-1",
            s -> base(s) + "/platform-recommendations?semester=2025-2026-1",
            RECOMMENDATION, with(RECOMMENDATION, "recommendedAt", "2025-10-10T02:00:00Z"),
            Map.of("RESOURCES_RECOMMENDED/2026", "1/1"),
            Map.of("RESOURCES_RECOMMENDED/2026", "0/1", "RESOURCES_RECOMMENDED/2025", "1/1"),
            Map.of("RESOURCES_RECOMMENDED/2025", "0/1"), false, false),
        new Family("platform-registration item", it -> it.putClasses(), s -> base(s) + "/platform-registrations/R-1",
            s -> base(s) + "/platform-registrations?semester=2025-2026-2",
            REGISTRATION, with(REGISTRATION, "classId", "C0", "registeredAt", "2026-03-10T02:00:00Z"),
            Map.of("PLATFORM_REGISTRATION/2026-2027-1", "1/40"),
            Map.of("PLATFORM_REGISTRATION/2026-2027-1", "0/40", "PLATFORM_REGISTRATION/2025-2026-2", "1/30"),
            Map.of("PLATFORM_REGISTRATION/2025-2026-2", "0/30"), false, false),
        new Family("home-contact item", it -> it.putClasses(), s -> base(s) + "/home-contacts/H-1",
            s -> base(s) + "/home-contacts?semester=2025-2026-2",
            CONTACT, with(CONTACT, "classId", "C0", "date", "2026-03-10"),
            Map.of("PARENT_CONTACT/2026-2027-1", "1/40"),
            Map.of("PARENT_CONTACT/2026-2027-1", "0/40", "PARENT_CONTACT/2025-2026-2", "1/30"),
            Map.of("PARENT_CONTACT/2025-2026-2", "0/30"), false, false),
        new Family("six-ones item", it -> it.putClasses(), s -> base(s) + "/six-ones/P-1", s -> base(s) + "/six-ones?schoolYear=2025-2026",
            SIX_ONES, with(SIX_ONES, "classId", "C0", "date", "2026-03-10"),
            Map.of("SIX_ONES_PARTICIPATION/2026-2027", "1/40"),
            Map.of("SIX_ONES_PARTICIPATION/2026-2027", "0/40", "SIX_ONES_PARTICIPATION/2025-2026", "1/30"),
            Map.of("SIX_ONES_PARTICIPATION/2025-2026", "0/30"), false, false),
        new Family("class", it -> {}, s -> base(s) + "/classes/C-2", s -> base(s) + "/classes?schoolYear=2026-2027",
            CLASS, with(CLASS, "enrolment", 50),
            Map.of("PLATFORM_REGISTRATION/2026-2027-1", "0/40"),
            Map.of("PLATFORM_REGISTRATION/2026-2027-1", "0/50"),
            Map.of("PLATFORM_REGISTRATION/2026-2027-1", "0/0"), false, false),
        new Family("special-student", it -> it.putClass(), s -> base(s) + "/special-students/E-1",
            s -> base(s) + "/special-students?schoolYear=2026-2027",
            SPECIAL, with(SPECIAL, "assistancePlanOn", "2026-09-15"),
            Map.of("SPECIAL_CARE/2026-2027-1", "0/1"),
            Map.of("SPECIAL_CARE/2026-2027-1", "1/1"),
            Map.of("SPECIAL_CARE/2026-2027-1", "0/0"), false, false),
        new Family("consultation", it -> it.putClass(), s -> base(s) + "/consultations/Q-1",
            s -> base(s) + "/consultations?schoolYear=2026-2027",
            CASE, with(CASE, "status", "RESOLVED", "resolvedOn", "2026-10-20"),
            Map.of("CONSULTATION_RESOLUTION/2026-2027", "0/1"),
            Map.of("CONSULTATION_RESOLUTION/2026-2027", "1/1"),
            Map.of("CONSULTATION_RESOLUTION/2026-2027", "0/0"), false, false),
        new Family("committee", it -> {}, s -> base(s) + "/committees/K-1", s -> base(s) + "/committees",
            COMMITTEE, with(COMMITTEE, "foundedOn", "2026-03-01"),
            Map.of("COMMITTEE_COVERAGE/2025-2026-1", "1/1"),
            Map.of("COMMITTEE_COVERAGE/2025-2026-1", "0/1", "COMMITTEE_COVERAGE/2025-2026-2", "1/1"),
            Map.of("COMMITTEE_COVERAGE/2025-2026-2", "0/1", "COMMITTEE_COVERAGE/2026-2027-1", "0/1"), false, false),
        new Family("suggestion", it -> {}, s -> base(s) + "/suggestions/G-1", s -> base(s) + "/suggestions?schoolYear=2026-2027",
            SUGGESTION, Map.of("receivedOn", "2026-10-01", "category", "CATERING", "channel", "PARENT_STATION", "status", "OPEN"),
            Map.of("SUGGESTIONS_RESOLVED/2026-2027", "1/1"),
            Map.of("SUGGESTIONS_RESOLVED/2026-2027", "0/1"),
            Map.of("SUGGESTIONS_RESOLVED/2026-2027", "0/0"), false, false),
        new Family("session", it -> {}, s -> base(s) + "/parent-school/sessions/S-1",
            s -> base(s) + "/parent-school/sessions?semester=2025-2026-2", // where the corrected session lies
            SESSION, with(SESSION, "date", "2026-03-10"),
            Map.of("COLLECTIVE_SESSIONS/2026-2027-1", "1/1"),
            Map.of("COLLECTIVE_SESSIONS/2026-2027-1", "0/1", "COLLECTIVE_SESSIONS/2025-2026-2", "1/1"),
            Map.of("COLLECTIVE_SESSIONS/2025-2026-2", "0/1"), true, false),
        new Family("head-training", it -> it.putParentSchool(), s -> base(s) + "/head-trainings/T-1", s -> base(s) + "/head-trainings",
            TRAINING, with(TRAINING, "completedOn", "2026-10-15"),
            Map.of("HEAD_TRAINING/2025-2026", "1/1"),
            Map.of("HEAD_TRAINING/2025-2026", "0/1", "HEAD_TRAINING/2026-2027", "1/1"),
            Map.of("HEAD_TRAINING/2026-2027", "0/1"), true, false),
        new Family("instructor", it -> {}, s -> base(s) + "/instructors/I-1", s -> base(s) + "/instructors",
            INSTRUCTOR, with(INSTRUCTOR, "certifiedOn", "2026-03-01"),
            Map.of("INSTRUCTOR_COVERAGE/2025-2026-1", "1/1"),
            Map.of("INSTRUCTOR_COVERAGE/2025-2026-1", "0/1", "INSTRUCTOR_COVERAGE/2025-2026-2", "1/1"),
            Map.of("INSTRUCTOR_COVERAGE/2025-2026-2", "0/1", "INSTRUCTOR_COVERAGE/2026-2027-1", "0/1"), true, false),
        new Family("parent-school", it -> {}, s -> base(s) + "/parent-school", s -> base(s) + "/parent-school",
            PARENT_SCHOOL, with(PARENT_SCHOOL, "establishedOn", "2026-03-01"),
            Map.of("PARENT_SCHOOL_ESTABLISHED/2025-2026-1", "1/1"),
            Map.of("PARENT_SCHOOL_ESTABLISHED/2025-2026-1", "0/1", "PARENT_SCHOOL_ESTABLISHED/2025-2026-2", "1/1"),
            Map.of("PARENT_SCHOOL_ESTABLISHED/2025-2026-2", "0/1", "PARENT_SCHOOL_ESTABLISHED/2026-2027-1", "0/1"), true, true));
  }

  private String school;

  void putParentSchool() {
    assertThat(send("PUT", base(school) + "/parent-school", PARENT_SCHOOL).status()).isEqualTo(201);
  }

  void putClass() {
    assertThat(send("PUT", base(school) + "/classes/C1", Map.of("schoolYear", "2026-2027", "grade", 3, "name", "三年级1班",
        "enrolment", 40)).status()).isEqualTo(201);
  }

  void putClasses() {
    putClass();
    assertThat(send("PUT", base(school) + "/classes/C0", Map.of("schoolYear", "2025-2026", "grade", 2, "name", "二年级1班",
        "enrolment", 30)).status()).isEqualTo(201);
  }

  @Test
  void aWithdrawnBatchItemReSentInABatchIsNotRecordedAgain() {
    school = "9901019401";
    registerSchool(school, "990101");
    putClasses();
    Map<String, Object> batch = Map.of("participations", List.of(with(SIX_ONES, "externalId", "P-9")));
    assertThat(send("POST", base(school) + "/six-ones", batch).body()).contains("\"accepted\":1");
    assertThat(latest(school)).containsEntry("SIX_ONES_PARTICIPATION/2026-2027", "1/40");
    assertThat(send("POST", base(school) + "/six-ones/P-9/withdrawal", Map.of("reason", "重复上报")).status()).isEqualTo(200);
    assertThat(latest(school)).containsEntry("SIX_ONES_PARTICIPATION/2026-2027", "0/40");
    Response again = send("POST", base(school) + "/six-ones", batch);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.body()).contains("\"accepted\":0").contains("\"alreadyRecorded\":1");
    assertThat(latest(school)).containsEntry("SIX_ONES_PARTICIPATION/2026-2027", "0/40");
    assertThat(get(base(school) + "/six-ones/P-9").body()).contains("\"recordStatus\":\"WITHDRAWN\"").doesNotContain("STU-T3");
  }

  @Test
  void aWithdrawnRegistrationOrOutreachReSentInABatchIsNotRecordedAgain() {
    school = "9901019402";
    registerSchool(school, "990101");
    putClasses();
    Map<String, Object> registrations = Map.of("period", "2026-2027-1",
        "registrations", List.of(with(REGISTRATION, "externalId", "R-9")));
    Map<String, Object> outreach = Map.of("records", List.of(with(OUTREACH, "externalId", "O-9")));
    assertThat(send("POST", base(school) + "/platform-registrations", registrations).body()).contains("\"accepted\":1");
    assertThat(send("POST", base(school) + "/consultation-outreach", outreach).body()).contains("\"accepted\":1");
    CoalescedFigures.awaitCounted(jdbc, school); // a registration batch's figures follow it (ADR 0021)
    assertThat(latest(school)).containsEntry("PLATFORM_REGISTRATION/2026-2027-1", "1/40")
        .containsEntry("CONSULTATION_OUTREACH/2026-2027", "1/40");
    assertThat(send("POST", base(school) + "/platform-registrations/R-9/withdrawal", Map.of("reason", "重复上报")).status()).isEqualTo(200);
    assertThat(send("POST", base(school) + "/consultation-outreach/O-9/withdrawal", Map.of("reason", "重复上报")).status()).isEqualTo(200);
    for (var batch : List.of(Map.entry("/platform-registrations", registrations), Map.entry("/consultation-outreach", outreach))) {
      Response again = send("POST", base(school) + batch.getKey(), batch.getValue());
      assertThat(again.status()).as(again.body()).isEqualTo(200);
      assertThat(again.body()).contains("\"accepted\":0").contains("\"alreadyRecorded\":1");
    }
    assertThat(latest(school)).containsEntry("PLATFORM_REGISTRATION/2026-2027-1", "0/40")
        .containsEntry("CONSULTATION_OUTREACH/2026-2027", "0/40");
    assertThat(get(base(school) + "/platform-registrations/R-9").body()).contains("\"recordStatus\":\"WITHDRAWN\"")
        .doesNotContain("STU-T5");
    assertThat(get(base(school) + "/consultation-outreach/O-9").body()).contains("\"recordStatus\":\"WITHDRAWN\"")
        .doesNotContain("STU-T7");
  }

  @Test
  void aWithdrawnContactActivityOrRecommendationReSentInABatchIsNotRecordedAgain() {
    school = "9901019403";
    registerSchool(school, "990101");
    putClasses();
    List<Map.Entry<String, Map<String, Object>>> batches = List.of(
        Map.entry("/home-contacts", Map.of("contacts", List.of(with(CONTACT, "externalId", "H-9")))),
        Map.entry("/platform-learning", Map.of("activities", List.of(with(LEARNING, "externalId", "L-9")))),
        Map.entry("/platform-recommendations", Map.of("recommendations", List.of(with(RECOMMENDATION, "externalId", "M-9")))));
    for (var batch : batches) {
      String id = batch.getKey().equals("/home-contacts") ? "H-9" : batch.getKey().equals("/platform-learning") ? "L-9" : "M-9";
      assertThat(send("POST", base(school) + batch.getKey(), batch.getValue()).body()).as(batch.getKey()).contains("\"accepted\":1");
      assertThat(send("POST", base(school) + batch.getKey() + "/" + id + "/withdrawal", Map.of("reason", "重复上报")).status())
          .as(batch.getKey()).isEqualTo(200);
      Response again = send("POST", base(school) + batch.getKey(), batch.getValue());
      assertThat(again.status()).as(again.body()).isEqualTo(200);
      assertThat(again.body()).as(batch.getKey()).contains("\"accepted\":0").contains("\"alreadyRecorded\":1");
      assertThat(get(base(school) + batch.getKey() + "/" + id).body()).as(batch.getKey()).contains("\"recordStatus\":\"WITHDRAWN\"");
    }
  }

  static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
  }

  static String string(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  @Test
  void aClassThatRecordsStillNameIsNotWithdrawn() {
    school = "9901019301";
    registerSchool(school, "990101");
    putClass();
    assertThat(send("PUT", base(school) + "/parent-school/sessions/S-C", Map.of("type", "CLASS", "classId", "C1", "date", "2026-10-10",
        "topic", "亲子沟通", "lecturer", "陈老师", "mode", "OFFLINE", "attendance", 30)).status()).isEqualTo(201);
    Response refused = send("POST", base(school) + "/classes/C1/withdrawal", Map.of("reason", "误录"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body()).contains("C1");
    assertThat(get(base(school) + "/classes/C1").body()).contains("\"recordStatus\":\"ACTIVE\"");
    assertThat(send("POST", base(school) + "/parent-school/sessions/S-C/withdrawal", Map.of("reason", "误录")).status()).isEqualTo(200);
    // the withdrawn session names the class only in its trail
    assertThat(send("POST", base(school) + "/classes/C1/withdrawal", Map.of("reason", "误录")).status()).isEqualTo(200);
  }

  private static int counter = 0;

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void correctedWithAReasonWithdrawnWithAReasonTheFigureFollowsAndTheTrailKeepsEveryVersion(Family f) {
    school = "99010190" + String.format("%02d", ++counter);
    String sibling = "99010191" + String.format("%02d", counter);
    registerSchool(school, "990101");
    registerSchool(sibling, "990101");
    f.setUp().accept(this);
    String record = f.record().apply(school);

    // created: version 1, ACTIVE
    Response created = send("PUT", record, f.created());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(json(created).path("recordStatus").asString()).isEqualTo("ACTIVE");
    // the record's own fields are not shadowed: a case's or a suggestion's own status is its own
    assertThat(created.body().split("\"status\":", -1).length - 1).as("members named status in %s", created.body()).isLessThanOrEqualTo(1);
    if (f.created().containsKey("status")) {
      assertThat(json(created).path("status").asString()).isEqualTo(String.valueOf(f.created().get("status")));
    }
    assertThat(json(created).path("version").asInt()).isEqualTo(1);
    assertThat(latest(school)).containsAllEntriesOf(f.afterCreate());

    // other content without a reason: 400 naming reason, nothing changes
    long rows = snapshotRows(school);
    Response noReason = send("PUT", record, f.corrected());
    assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.contentType()).startsWith("application/problem+json");
    assertThat(json(noReason).path("errors").get(0).asString()).startsWith("reason: ");
    assertThat(snapshotRows(school)).isEqualTo(rows);
    assertThat(latest(school)).containsAllEntriesOf(f.afterCreate());
    Response zh = sendAs("PUT", record, f.corrected(), null, "zh-CN");
    assertThat(json(zh).path("errors").get(0).asString()).isEqualTo("reason: 更正或撤回已记录的记录时必须填写原因");

    // with a reason: version 2, the figure follows
    Response corrected = send("PUT", record, with(f.corrected(), "reason", "日期录错"));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(json(corrected).path("version").asInt()).isEqualTo(2);
    assertThat(latest(school)).containsAllEntriesOf(f.afterCorrect());
    // the same again: nothing new
    rows = snapshotRows(school);
    Response same = send("PUT", record, f.corrected());
    assertThat(same.status()).isEqualTo(200);
    assertThat(json(same).path("version").asInt()).isEqualTo(2);
    assertThat(snapshotRows(school)).isEqualTo(rows);

    // withdrawal: a reason is required; then WITHDRAWN, version 3, out of every figure
    Response blank = send("POST", record + "/withdrawal", Map.of("reason", " "));
    assertThat(blank.status()).as(blank.body()).isEqualTo(400);
    assertThat(blank.body()).contains("reason");
    assertThat(sendAs("POST", record + "/withdrawal", Map.of("reason", "x"), Keycloak.tokenAs("school-admin", sibling), null).status())
        .as("another school's admin").isEqualTo(404);
    assertThat(sendAs("POST", record + "/withdrawal", Map.of("reason", "x"), Keycloak.tokenAs("county-admin", "990101"), null).status())
        .as("county admin").isEqualTo(403);
    Response withdrawn = send("POST", record + "/withdrawal", Map.of("reason", "重复录入"));
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(json(withdrawn).path("recordStatus").asString()).isEqualTo("WITHDRAWN");
    assertThat(json(withdrawn).path("version").asInt()).isEqualTo(3);
    assertThat(json(withdrawn).path("withdrawnReason").asString()).isEqualTo("重复录入");
    assertThat(json(withdrawn).path("withdrawnAt").asString()).isEqualTo("2026-11-23T04:00:00Z");
    assertThat(latest(school)).containsAllEntriesOf(f.afterWithdraw());

    // the school still reads it, as withdrawn
    Response list = get(f.list().apply(school));
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains("\"recordStatus\":\"WITHDRAWN\"").contains("\"withdrawnReason\":\"重复录入\"");
    if (f.countyReads()) {
      Response county = sendAs("GET", f.list().apply(school), null, Keycloak.tokenAs("county-admin", "990101"), null);
      assertThat(county.status()).as("county users do not see withdrawn records").isIn(200, 404);
      assertThat(county.body()).doesNotContain("WITHDRAWN").doesNotContain("重复录入");
    }

    // the trail: three versions, oldest first
    Response history = get(record + "/history");
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    JsonNode versions = json(history);
    assertThat(versions.size()).isEqualTo(3);
    assertThat(List.of(versions.get(0).path("action").asString(), versions.get(1).path("action").asString(),
        versions.get(2).path("action").asString())).containsExactly("CREATED", "CORRECTED", "WITHDRAWN");
    assertThat(versions.get(1).path("reason").asString()).isEqualTo("日期录错");
    assertThat(versions.get(2).path("reason").asString()).isEqualTo("重复录入");
    assertThat(versions.get(1).path("actor").asString()).isNotBlank();
    for (int v = 0; v < 3; v++) {
      assertThat(versions.get(v).path("version").asInt()).isEqualTo(v + 1);
    }
    String changedField = f.corrected().entrySet().stream().filter(e -> !e.getValue().equals(f.created().get(e.getKey())))
        .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
    assertThat(text(versions.get(0).path("content").path(changedField))).isEqualTo(string(f.created().get(changedField)));
    assertThat(text(versions.get(1).path("content").path(changedField))).isEqualTo(string(f.corrected().get(changedField)));
    assertThat(history.body()).as("the trail holds no student reference and no notes")
        .doesNotContain("STU-T").doesNotContain("studentRef").doesNotContain("祖母").doesNotContain("secret-note").doesNotContain("studentKey");
    assertThat(sendAs("GET", record + "/history", null, Keycloak.tokenAs("county-admin", "990101"), null).status())
        .as("county users read no trail").isEqualTo(403);
    assertThat(sendAs("GET", record + "/history", null, Keycloak.tokenAs("school-admin", sibling), null).status())
        .as("another school's users read no trail").isEqualTo(404);

    // a second withdrawal, and a PUT on the withdrawn record: 409
    assertThat(send("POST", record + "/withdrawal", Map.of("reason", "再次撤回")).status()).isEqualTo(409);
    if (!f.recordableAgain()) {
      Response again = send("PUT", record, with(f.created(), "reason", "恢复"));
      assertThat(again.status()).as(again.body()).isEqualTo(409);
      assertThat(latest(school)).containsAllEntriesOf(f.afterWithdraw());
    }
    assertThat(jdbc.sql("select count(*) from record_version where school_id = ?").param(school).query(Long.class).single())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void aChangeOfHeadTakesEffectFromItsDayAndPastYearsKeepTheirHead() {
    school = "9901019201";
    registerSchool(school, "990101");
    assertThat(send("PUT", base(school) + "/parent-school", with(PARENT_SCHOOL, "establishedOn", "2024-10-01")).status()).isEqualTo(201);
    // 李强 trained in spring 2025, 王芳 never
    assertThat(send("PUT", base(school) + "/head-trainings/T-1",
        Map.of("personName", "李强", "course", "家庭教育指导", "completedOn", "2025-03-01")).status()).isEqualTo(201);
    assertThat(latest(school)).containsEntry("HEAD_TRAINING/2024-2025", "0/1").containsEntry("HEAD_TRAINING/2025-2026", "0/1");

    Response noReason = send("PUT", base(school) + "/parent-school",
        with(PARENT_SCHOOL, "establishedOn", "2024-10-01", "headName", "李强", "effectiveFrom", "2025-09-01"));
    assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
    Response future = send("PUT", base(school) + "/parent-school",
        with(PARENT_SCHOOL, "establishedOn", "2024-10-01", "headName", "李强", "effectiveFrom", "2026-12-01", "reason", "换届"));
    assertThat(future.status()).as(future.body()).isEqualTo(422);
    assertThat(future.body()).contains("effectiveFrom");

    // 李强 heads from 2025-09-01: school year 2025-2026 on is his, 2024-2025 stays 王芳's
    Response changed = send("PUT", base(school) + "/parent-school",
        with(PARENT_SCHOOL, "establishedOn", "2024-10-01", "headName", "李强", "effectiveFrom", "2025-09-01", "reason", "换届"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(json(changed).path("headFrom").asString()).isEqualTo("2025-09-01");
    assertThat(json(changed).path("version").asInt()).isEqualTo(2);
    assertThat(latest(school)).containsEntry("HEAD_TRAINING/2024-2025", "0/1")
        .containsEntry("HEAD_TRAINING/2025-2026", "1/1").containsEntry("HEAD_TRAINING/2026-2027", "1/1");
    Response heads = get(base(school) + "/parent-school/heads");
    assertThat(heads.body()).isEqualTo("[{\"headFrom\":\"2024-10-01\",\"headName\":\"王芳\"},{\"headFrom\":\"2025-09-01\",\"headName\":\"李强\"}]");

    // the date corrected: from 2024-12-01 on, so 2024-2025 is his too
    Response earlier = send("PUT", base(school) + "/parent-school",
        with(PARENT_SCHOOL, "establishedOn", "2024-10-01", "headName", "李强", "effectiveFrom", "2024-12-01", "reason", "任命日期更正"));
    assertThat(earlier.status()).as(earlier.body()).isEqualTo(200);
    assertThat(latest(school)).containsEntry("HEAD_TRAINING/2024-2025", "1/1");
    assertThat(get(base(school) + "/parent-school/heads").body())
        .isEqualTo("[{\"headFrom\":\"2024-10-01\",\"headName\":\"王芳\"},{\"headFrom\":\"2024-12-01\",\"headName\":\"李强\"}]");
    assertThat(json(get(base(school) + "/parent-school/history")).size()).isEqualTo(3);
  }

  // ---------------------------------------------------------------- helpers

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
    return request.exchange((req, res) -> new Response(res.getStatusCode().value(),
        String.valueOf(res.getHeaders().getContentType()), new String(res.getBody().readAllBytes())), true);
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
}
