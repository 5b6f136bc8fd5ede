package org.gongyu.school.demonstration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.contracts.district.v1.DemonstrationProgrammePublished;
import org.gongyu.contracts.district.v1.DemonstrationStatusChanged;
import org.gongyu.contracts.school.v1.DemonstrationApplied;
import org.gongyu.contracts.school.v1.SelfEvaluationSubmitted;
import org.gongyu.school.SchoolRecordsItSupport;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.TopicRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The school's side of the demonstration-school programme against the real PostgreSQL, Kafka and
 * Keycloak: programmes and statuses consumed from the county's topic, applications and
 * self-evaluations published through the outbox, deadlines on both sides with the movable clock,
 * personal data refused. County 990151 and its schools are this test's own.
 */
class DemonstrationIT extends SchoolRecordsItSupport {

  static final String COUNTY = "990151";
  static final String S1 = "9901510001";
  static final String S2 = "9901510002";
  static final String S3 = "9901510003";
  static final String OTHER_COUNTY = "990152";
  static final String OTHER_SCHOOL = "9901520001";
  static final String P = "990151-DEMO-2027";
  static final String P_CLOSED = "990151-DEMO-2026";
  static final String P_OTHER = "990152-DEMO-2027";
  static final String NAME = "2027—2030 协同育人示范学校创建";
  static final LocalDate OPENS = LocalDate.parse("2027-10-01");
  static final LocalDate DEADLINE = LocalDate.parse("2027-10-31");
  static final LocalDate CREATION_ENDS = LocalDate.parse("2027-10-20");
  static final String STUDENT_REF = "STU-990151-0042";
  static final String PLAN = "一校一案：补齐家长学校课程体系，2028 年前建成校级、年级、班级三级家委会。";
  static final JsonMapper JSON = JsonMapper.builder().build();

  static final Rubric RUBRIC = new Rubric("示范学校建设标准", "Demonstration-school standard", new BigDecimal("30"), List.of(
      new Rubric.Area("A1", "家庭教育指导", "Family-education guidance", List.of(
          new Rubric.Criterion("A1.1", "家长学校", "Parent school", new BigDecimal("10"), "章程、授课记录",
              List.of("PARENT_SCHOOL_ESTABLISHED")),
          new Rubric.Criterion("A1.2", "数字家长学校", "Digital parent school", new BigDecimal("20"), "平台统计", List.of()))),
      new Rubric.Area("A2", "家长委员会", "Parent committees", List.of(
          new Rubric.Criterion("A2.1", "组建", "Formation", new BigDecimal("10"), "名单、章程", List.of())))));

  final List<UUID> staleProgrammeEvents = new ArrayList<>();

  @BeforeAll
  void countyWithSchoolsAndProgrammes() {
    for (String s : List.of(S1, S2, S3)) {
      registerSchool(s, COUNTY);
    }
    registerSchool(OTHER_SCHOOL, OTHER_COUNTY);
    var v1 = programme(P, COUNTY, "旧名称", OPENS, DEADLINE, 1);
    publish(COUNTY, v1);
    var v2 = programme(P, COUNTY, NAME, OPENS, DEADLINE, 2);
    publish(COUNTY, v2);
    var lateV1 = programme(P, COUNTY, "迟到的旧版本", LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-31"), 1);
    publish(COUNTY, v1); // redelivered
    publish(COUNTY, lateV1); // an older version arriving late
    staleProgrammeEvents.add(lateV1.eventId());
    var closed = programme(P_CLOSED, COUNTY, "2026 创建", LocalDate.parse("2027-09-01"), LocalDate.parse("2027-09-30"), 1);
    publish(COUNTY, closed);
    var other = programme(P_OTHER, OTHER_COUNTY, "另一县", OPENS, DEADLINE, 1);
    publish(OTHER_COUNTY, other);
    for (var e : List.of(v1, v2, lateV1, closed, other)) {
      awaitConsumed(e.eventId());
    }
  }

  // ---- fixtures -------------------------------------------------------------------------------

  static EventEnvelope<DemonstrationProgrammePublished> programme(String id, String county, String name, LocalDate opens,
      LocalDate deadline, long version) {
    return programme(id, county, name, opens, deadline, RUBRIC, version);
  }

  static EventEnvelope<DemonstrationProgrammePublished> programme(String id, String county, String name, LocalDate opens,
      LocalDate deadline, Rubric rubric, long version) {
    return EventEnvelope.wrap("district-service", NOW, new DemonstrationProgrammePublished(id, county, name, 100,
        LocalDate.parse("2027-09-01"), LocalDate.parse("2030-08-31"), opens, deadline, 12, 3, "DEMO-SCHOOL", 2, rubric,
        List.of(new DemonstrationProgrammePublished.Quota(null, 100)), version));
  }

  static EventEnvelope<DemonstrationStatusChanged> status(UUID application, String programme, String county, String school,
      DemonstrationStatus status, long version, LocalDate creationEndsOn, BigDecimal finalScore, LocalDate validUntil,
      LocalDate rectificationDeadline, String reason) {
    return EventEnvelope.wrap("district-service", NOW, new DemonstrationStatusChanged(application, programme, county, school,
        status, null, NOW, version, creationEndsOn, finalScore, validUntil, rectificationDeadline, reason));
  }

  static EventEnvelope<DemonstrationStatusChanged> status(UUID application, String school, DemonstrationStatus status, long version) {
    LocalDate ends = status == DemonstrationStatus.APPLIED ? null : CREATION_ENDS;
    return status(application, P, COUNTY, school, status, version, ends, null, null, null, null);
  }

  void publish(String county, EventEnvelope<?> event) {
    kafka.send(Topics.DISTRICT_DEMONSTRATION, county, EventCodec.encode(event));
  }

  /** Publishes and waits until the listener committed it (applied or ignored). */
  void consume(String county, EventEnvelope<?> event) {
    publish(county, event);
    awaitConsumed(event.eventId());
  }

  void awaitConsumed(UUID eventId) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
            "select count(*) from inbox_event where consumer = 'school.demonstration' and event_id = ?")
        .param(eventId).query(Long.class).single() == 1);
  }

  static Map<String, Object> application(String programmeId, String plan, Object... baseline) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("programmeId", programmeId);
    List<Map<String, Object>> b = new ArrayList<>();
    for (int i = 0; i < baseline.length; i += 3) {
      Map<String, Object> area = new LinkedHashMap<>();
      area.put("areaCode", baseline[i]);
      area.put("level", baseline[i + 1]);
      if (baseline[i + 2] != null) {
        area.put("note", baseline[i + 2]);
      }
      b.add(area);
    }
    m.put("baseline", b);
    m.put("plan", plan);
    return m;
  }

  static Map<String, Object> validApplication() {
    return application(P, PLAN, "A1", 2, "家长学校已挂牌", "A2", 3, null);
  }

  static Map<String, Object> item(String score, String narrative, String... titleAndReference) {
    List<Map<String, Object>> evidence = new ArrayList<>();
    for (int i = 0; i < titleAndReference.length; i += 2) {
      evidence.add(Map.of("title", titleAndReference[i], "reference", titleAndReference[i + 1]));
    }
    return Map.of("selfScore", new BigDecimal(score), "narrative", narrative, "evidence", evidence);
  }

  String base(String school) {
    return "/api/school/schools/" + school + "/demonstration";
  }

  Response apply(String school, Object body) {
    return send("POST", base(school) + "/applications", body);
  }

  Response putItem(String school, UUID app, String code, Object body) {
    return send("PUT", base(school) + "/applications/" + app + "/self-evaluation/items/" + code, body);
  }

  Response submit(String school, UUID app) {
    return send("POST", base(school) + "/applications/" + app + "/self-evaluation/submit", null);
  }

  /** A request with exactly this token. */
  Response as(String token, String method, String path, Object body) {
    var request = http.method(HttpMethod.valueOf(method)).uri(path).header("Authorization", "Bearer " + token);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.exchange((req, res) -> new Response(res.getStatusCode().value(),
        String.valueOf(res.getHeaders().getContentType()), new String(res.getBody().readAllBytes())), true);
  }

  static JsonNode json(Response r) {
    return JSON.readTree(r.body());
  }

  UUID applied(String school, Map<String, Object> body) {
    Response r = apply(school, body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return UUID.fromString(json(r).get("applicationId").asString());
  }

  JsonNode applicationOf(String school, UUID app) {
    Response r = get(base(school) + "/applications/" + app);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  long rows(String table, String school) {
    return jdbc.sql("select count(*) from " + table + " where school_id = ?").param(school).query(Long.class).single();
  }

  long demonstrationOutbox(String school) {
    return jdbc.sql("select count(*) from outbox_event where topic = ? and record_key = ?")
        .params(Topics.SCHOOL_DEMONSTRATION, school).query(Long.class).single();
  }

  /** The school's records on the school demonstration topic, once every outboxed one is there. */
  List<ConsumerRecord<String, String>> published(String school) {
    long expected = demonstrationOutbox(school);
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
        .until(() -> TopicRecords.readAll(Topics.SCHOOL_DEMONSTRATION).stream().filter(r -> r.key().equals(school)).toList(),
            records -> records.size() == expected);
  }

  List<SelfEvaluationSubmitted> submissions(String school) {
    return published(school).stream().filter(r -> EventCodec.typeOf(r.value()).equals("SelfEvaluationSubmitted"))
        .map(r -> EventCodec.decode(r.value(), SelfEvaluationSubmitted.class).payload()).toList();
  }

  // ---- programmes ------------------------------------------------------------------------------

  @Test
  void theCountysProgrammesAreListedAtTheirLatestVersionWithTheWindowOpenOrClosed() {
    Response r = get(base(S1) + "/programmes");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, JsonNode> byId = new HashMap<>();
    json(r).values().forEach(p -> byId.put(p.get("programmeId").asString(), p));
    assertThat(byId.keySet()).as("only the school's county").containsExactlyInAnyOrder(P, P_CLOSED);
    JsonNode p = byId.get(P);
    assertThat(p.get("version").asInt()).as("a redelivered and a late older version change nothing").isEqualTo(2);
    assertThat(p.get("name").asString()).isEqualTo(NAME);
    assertThat(p.get("applicationOpensOn").asString()).isEqualTo("2027-10-01");
    assertThat(p.get("applicationDeadline").asString()).isEqualTo("2027-10-31");
    assertThat(p.get("open").asBoolean()).isTrue();
    assertThat(p.get("creationMonths").asInt()).isEqualTo(12);
    assertThat(p.get("standardId").asString()).isEqualTo("DEMO-SCHOOL");
    assertThat(p.get("standardVersion").asInt()).isEqualTo(2);
    assertThat(p.get("rubric").get("fullMark").decimalValue()).isEqualByComparingTo("40");
    assertThat(p.get("rubric").get("areas").get(0).get("criteria").get(1).get("code").asString()).isEqualTo("A1.2");
    assertThat(byId.get(P_CLOSED).get("open").asBoolean()).isFalse();

    clock.set(Instant.parse("2027-10-31T16:00:00Z")); // 2027-11-01 00:00 in Beijing
    assertThat(json(get(base(S1) + "/programmes")).values().stream()
        .filter(x -> x.get("programmeId").asString().equals(P)).findFirst().orElseThrow().get("open").asBoolean())
        .as("the deadline has passed in city time").isFalse();
    assertThat(get(base(OTHER_SCHOOL) + "/programmes").body()).contains(P_OTHER).doesNotContain(P_CLOSED);
    assertThat(get(base("9901519999") + "/programmes").status()).as("an unregistered school").isEqualTo(404);
  }

  // ---- applying --------------------------------------------------------------------------------

  @Test
  void applyingBeforeTheWindowOpensOrAfterItClosesIsAConflictTheLastDayIsNot() {
    clock.set(Instant.parse("2027-09-30T15:59:59Z")); // 23:59:59 on 30 September in Beijing
    assertProblem(apply(S3, validApplication()), 409, "the application window of programme " + P + " opens on 2027-10-01");
    clock.set(Instant.parse("2027-10-31T16:00:00Z")); // midnight after the deadline in Beijing
    assertProblem(apply(S3, validApplication()), 409, "the application window of programme " + P + " closed on 2027-10-31");
    assertThat(rows("demonstration_application", S3)).isZero();
    assertThat(demonstrationOutbox(S3)).as("nothing published").isZero();

    clock.set(Instant.parse("2027-10-31T15:59:59Z")); // the deadline's last second in Beijing
    UUID app = applied(S3, validApplication());
    DemonstrationApplied event = EventCodec.decode(published(S3).getFirst().value(), DemonstrationApplied.class).payload();
    assertThat(event.applicationId()).isEqualTo(app);
    assertThat(event.appliedAt()).isEqualTo(Instant.parse("2027-10-31T15:59:59Z"));
  }

  @Test
  void anApplicationInsideTheWindowIsStoredAndPublishedOnceWithoutPersonalData() {
    // a student the school has records of
    assertThat(putClass(S1, "DM1", YEAR, 30).status()).isIn(200, 201);
    Response outreach = send("POST", "/api/school/schools/" + S1 + "/consultation-outreach", Map.of("records", List.of(
        Map.of("externalId", "dm-1", "classId", "DM1", "studentRef", STUDENT_REF, "channel", "NOTICE", "deliveredOn", "2027-09-10"))));
    assertThat(outreach.status()).as(outreach.body()).isEqualTo(200);

    Map<String, Response> refused = new LinkedHashMap<>();
    refused.put("422 programmeId: no demonstration programme NOPE is known", apply(S1, application("NOPE", PLAN, "A1", 2, null)));
    refused.put("422 programmeId: programme " + P_OTHER + " is a programme of county 990152",
        apply(S1, application(P_OTHER, PLAN, "A1", 2, null)));
    refused.put("422 baseline[0].areaCode: A9 is not an area", apply(S1, application(P, PLAN, "A9", 2, null)));
    refused.put("422 baseline[1].level: must be between 1 and 5, not 6", apply(S1, application(P, PLAN, "A1", 2, null, "A2", 6, null)));
    refused.put("422 baseline[1].areaCode: area A1 is given more than once",
        apply(S1, application(P, PLAN, "A1", 2, null, "A1", 3, null)));
    refused.put("422 plan: is required", apply(S1, application(P, "  ", "A1", 2, null)));
    refused.put("422 plan: at most 4000 characters, not 4001", apply(S1, application(P, "划".repeat(4001), "A1", 2, null)));
    refused.put("422 plan: contains a mobile phone number",
        apply(S1, application(P, PLAN + " 联系人手机 139-1234-5678", "A1", 2, null)));
    refused.put("422 plan: contains a student or guardian reference used in this school's records",
        apply(S1, application(P, PLAN + " 个案见档案 " + STUDENT_REF, "A1", 2, null)));
    refused.put("422 baseline[0].note: contains a resident identity card number",
        apply(S1, application(P, PLAN, "A1", 2, "家长代表身份证 11010519491231002X")));
    refused.put("422 baseline[0].note: contains a student's or parent's name", apply(S1, application(P, PLAN, "A1", 2, "家长：李四")));
    refused.put("409 the application window of programme " + P_CLOSED + " closed on 2027-09-30",
        apply(S1, application(P_CLOSED, PLAN, "A1", 2, null)));
    Map<String, Object> withSchool = validApplication();
    withSchool.put("schoolId", S2);
    refused.put("400 'schoolId'", apply(S1, withSchool));
    refused.forEach((expected, r) -> assertProblem(r, Integer.parseInt(expected.substring(0, 3)), expected.substring(4)));
    refused.values().forEach(r -> assertThat(r.body()).doesNotContain("1234-5678").doesNotContain(STUDENT_REF)
        .doesNotContain("11010519491231002X").doesNotContain("李四"));
    assertThat(rows("demonstration_application", S1)).isZero();
    assertThat(demonstrationOutbox(S1)).isZero();

    Response created = apply(S1, validApplication());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode a = json(created);
    UUID app = UUID.fromString(a.get("applicationId").asString());
    assertThat(a.get("status").asString()).isEqualTo("APPLIED");
    assertThat(a.get("version").asInt()).isZero();
    assertThat(a.get("submittedRound").asInt()).isZero();
    assertThat(a.get("plan").asString()).isEqualTo(PLAN);
    assertThat(applicationOf(S1, app).get("baseline").get(0).get("note").asString()).isEqualTo("家长学校已挂牌");
    assertThat(get(base(S1) + "/applications").body()).contains(app.toString());
    assertThat(get(base(S1) + "/programmes").body()).contains("\"applicationId\":\"" + app + "\"");

    assertProblem(apply(S1, validApplication()), 409, "school " + S1 + " already applied to programme " + P);
    assertThat(rows("demonstration_application", S1)).isEqualTo(1);

    List<ConsumerRecord<String, String>> records = published(S1);
    assertThat(records).hasSize(1);
    String raw = records.getFirst().value();
    DemonstrationApplied event = EventCodec.decode(raw, DemonstrationApplied.class).payload();
    assertThat(event.applicationId()).isEqualTo(app);
    assertThat(event.schoolId()).isEqualTo(S1);
    assertThat(event.countyId()).isEqualTo(COUNTY);
    assertThat(event.programmeId()).isEqualTo(P);
    assertThat(event.appliedAt()).isEqualTo(NOW);
    assertThat(event.plan()).isEqualTo(PLAN);
    assertThat(event.baseline()).containsExactly(new DemonstrationApplied.AreaBaseline("A1", 2, "家长学校已挂牌"),
        new DemonstrationApplied.AreaBaseline("A2", 3, null));
    String studentKey = jdbc.sql("select student_key from consultation_outreach where school_id = ?").param(S1).query(String.class).single();
    assertThat(raw).doesNotContain(STUDENT_REF).doesNotContain(studentKey.trim());

    String countyAdmin = Keycloak.tokenAs("county-admin", COUNTY);
    assertThat(as(countyAdmin, "GET", base(S1) + "/applications/" + app, null).status()).as("the county reads its schools' applications")
        .isEqualTo(200);
    assertThat(as(countyAdmin, "POST", base(S1) + "/applications", validApplication()).status()).as("but does not apply for them")
        .isEqualTo(403);
  }

  // ---- statuses and the self-evaluation ----------------------------------------------------------

  @Test
  void theCountysStatusesAreMirroredHighestVersionWinsAndTheSelfEvaluationIsSubmittedRoundByRound() {
    UUID app = applied(S2, validApplication());
    String staff = Keycloak.tokenAs("school-staff", S2);

    var applied = status(app, S2, DemonstrationStatus.APPLIED, 1);
    consume(COUNTY, applied);
    consume(COUNTY, status(app, S2, DemonstrationStatus.CREATING, 2));
    consume(COUNTY, applied); // redelivered
    consume(COUNTY, status(app, S2, DemonstrationStatus.APPLIED, 1)); // an older version arriving late
    consume(COUNTY, status(UUID.randomUUID(), S2, DemonstrationStatus.CREATING, 3)); // not an application of this service
    consume(COUNTY, status(app, "9901510099", DemonstrationStatus.REJECTED, 9)); // names another school: ignored
    JsonNode a = applicationOf(S2, app);
    assertThat(a.get("status").asString()).isEqualTo("CREATING");
    assertThat(a.get("version").asInt()).isEqualTo(2);
    assertThat(a.get("creationEndsOn").asString()).isEqualTo("2027-10-20");

    // the topic carries types this tier does not consume, and may carry garbage: neither stops it
    kafka.send(Topics.DISTRICT_DEMONSTRATION, COUNTY, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"DemonstrationQuotaChanged\","
        + "\"occurredAt\":\"2027-10-15T04:00:00Z\",\"producer\":\"district-service\",\"schemaVersion\":1,\"payload\":{}}");
    kafka.send(Topics.DISTRICT_DEMONSTRATION, COUNTY, "not an event " + app);
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> TopicRecords.readAll(Topics.DISTRICT_DEMONSTRATION + "-dlt")
        .stream().anyMatch(r -> r.value().equals("not an event " + app)));

    // drafting while creating
    Response first = as(staff, "PUT", base(S2) + "/applications/" + app + "/self-evaluation/items/A1.1",
        item("8.50", "建立家长学校章程，每学期集中授课 4 次。", "家长学校章程", "档案室 2025-03-12 第 3 卷"));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(json(first).get("round").asInt()).isEqualTo(1);
    assertThat(json(first).get("selfScore").decimalValue()).isEqualByComparingTo("8.5");
    assertProblem(putItem(S2, app, "Z9", item("1", "x", "t", "r")), 404, "criterion Z9 is not in the rubric of programme " + P);
    Response phone = putItem(S2, app, "A1.2", item("15", "平台注册率 92%。", "注册统计", "联系 138 0013 8000"));
    assertProblem(phone, 422, "items.A1.2.evidence[0].reference: contains a mobile phone number");
    assertThat(phone.body()).doesNotContain("0013");
    assertProblem(putItem(S2, app, "A1.2", item("20.001", "平台注册率 92%。", "注册统计", "https://platform.example.cn/stat/2027")),
        422, "items.A1.2.selfScore: at most 2 decimals");
    assertProblem(putItem(S2, app, "A1.2", item("21", "", "注册统计", "x")), 422,
        "items.A1.2.selfScore: must be between 0 and the criterion's 20 points");
    assertThat(rows("demonstration_self_evaluation_item i join demonstration_application a on a.id = i.application_id", S2))
        .as("refused items store nothing").isEqualTo(1);

    JsonNode draft = json(get(base(S2) + "/applications/" + app + "/self-evaluation"));
    assertThat(draft.get("missingCriteria").values().stream().map(JsonNode::asString)).containsExactly("A1.2", "A2.1");
    assertThat(draft.get("editable").asBoolean()).isTrue();
    assertThat(draft.get("selfTotal").decimalValue()).isEqualByComparingTo("8.5");

    Response early = submit(S2, app);
    assertProblem(early, 409, "is CREATING: the creation period runs until 2027-10-20");
    assertThat(json(early).get("currentStatus").asString()).isEqualTo("CREATING");

    clock.set(Instant.parse("2027-10-20T00:00:00Z")); // 08:00 on 20 October in Beijing
    Response incomplete = submit(S2, app);
    assertProblem(incomplete, 422, "no item for criteria A1.2, A2.1");
    assertThat(json(incomplete).get("missingCriteria").values().stream().map(JsonNode::asString)).containsExactly("A1.2", "A2.1");
    assertThat(demonstrationOutbox(S2)).as("only the application").isEqualTo(1);

    assertThat(putItem(S2, app, "A1.2", item("15", "平台注册率 92%。", "注册统计", "https://platform.example.cn/stat/2027")).status())
        .isEqualTo(200);
    assertThat(putItem(S2, app, "A2.1", item("9", "三级家委会均已组建。", "家委会名单", "校办 2027-09-01 文件")).status()).isEqualTo(200);
    assertThat(as(staff, "POST", base(S2) + "/applications/" + app + "/self-evaluation/submit", null).status())
        .as("only the school's admin submits").isEqualTo(403);
    Response submitted = submit(S2, app);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    assertThat(json(submitted).get("round").asInt()).isEqualTo(1);
    assertThat(json(submitted).get("selfTotal").decimalValue()).isEqualByComparingTo("32.5");

    SelfEvaluationSubmitted round1 = submissions(S2).getFirst();
    assertThat(round1.applicationId()).isEqualTo(app);
    assertThat(round1.round()).isEqualTo(1);
    assertThat(round1.programmeId()).isEqualTo(P);
    assertThat(round1.standardId()).isEqualTo("DEMO-SCHOOL");
    assertThat(round1.standardVersion()).isEqualTo(2);
    assertThat(round1.submittedAt()).isEqualTo(Instant.parse("2027-10-20T00:00:00Z"));
    assertThat(round1.items()).extracting(SelfEvaluationSubmitted.Item::criterionCode).containsExactly("A1.1", "A1.2", "A2.1");
    assertThat(round1.items().getFirst().evidence()).containsExactly(
        new SelfEvaluationSubmitted.Evidence("家长学校章程", "档案室 2025-03-12 第 3 卷"));
    assertThat(round1.selfTotal()).isEqualByComparingTo("32.5");

    Response frozen = putItem(S2, app, "A1.1", item("10", "补充。", "章程", "档案室"));
    assertProblem(frozen, 409, "round 1 of its self-evaluation was submitted and is frozen");
    assertThat(json(frozen).get("currentStatus").asString()).isEqualTo("CREATING");
    assertProblem(submit(S2, app), 409, "round 1 of its self-evaluation was already submitted");
    assertThat(applicationOf(S2, app).get("submittedRound").asInt()).isEqualTo(1);

    // the county assesses and defers: round 2 opens from the items of round 1
    consume(COUNTY, status(app, S2, DemonstrationStatus.SELF_EVALUATED, 3));
    consume(COUNTY, status(app, S2, DemonstrationStatus.ASSESSING, 4));
    assertProblem(putItem(S2, app, "A1.1", item("10", "补充。", "章程", "档案室")), 409, "is ASSESSING");
    assertProblem(submit(S2, app), 409, "is ASSESSING");
    consume(COUNTY, status(app, P, COUNTY, S2, DemonstrationStatus.DEFERRED, 5, CREATION_ENDS, null, null, null, "证据不足，补充授课记录"));
    JsonNode deferred = applicationOf(S2, app);
    assertThat(deferred.get("status").asString()).isEqualTo("DEFERRED");
    assertThat(deferred.get("reason").asString()).isEqualTo("证据不足，补充授课记录");
    assertThat(deferred.get("selfEvaluationRound").asInt()).isEqualTo(2);
    JsonNode round2Draft = json(get(base(S2) + "/applications/" + app + "/self-evaluation"));
    assertThat(round2Draft.get("round").asInt()).isEqualTo(2);
    assertThat(round2Draft.get("editable").asBoolean()).isTrue();
    assertThat(round2Draft.get("missingCriteria").values()).as("round 2 starts from round 1's items").isEmpty();
    assertThat(round2Draft.get("items").get(0).get("narrative").asString()).isEqualTo("建立家长学校章程，每学期集中授课 4 次。");

    Response revised = putItem(S2, app, "A1.1", item("9.5", "补充 2027 学年授课记录 8 次。", "授课记录", "档案室 2027-11-02 第 4 卷"));
    assertThat(json(revised).get("round").asInt()).isEqualTo(2);
    Response second = submit(S2, app);
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(json(second).get("round").asInt()).isEqualTo(2);
    assertProblem(submit(S2, app), 409, "round 2 of its self-evaluation was already submitted");
    List<SelfEvaluationSubmitted> both = submissions(S2);
    assertThat(both).extracting(SelfEvaluationSubmitted::round).containsExactly(1, 2);
    assertThat(both.get(1).items().getFirst().selfScore()).isEqualByComparingTo("9.5");
    assertThat(both.get(1).items()).hasSize(3);
    assertThat(both.get(0).items().getFirst().selfScore()).as("round 1 stays as submitted").isEqualByComparingTo("8.5");

    // titled, then a rectification that overtakes the re-inspection it followed
    consume(COUNTY, status(app, S2, DemonstrationStatus.SELF_EVALUATED, 6));
    consume(COUNTY, status(app, S2, DemonstrationStatus.ASSESSING, 7));
    consume(COUNTY, status(app, P, COUNTY, S2, DemonstrationStatus.TITLED, 8, CREATION_ENDS, new BigDecimal("36.50"),
        LocalDate.parse("2030-11-19"), null, "评估通过"));
    consume(COUNTY, status(app, P, COUNTY, S2, DemonstrationStatus.RECTIFYING, 10, CREATION_ENDS, new BigDecimal("36.50"),
        LocalDate.parse("2030-11-19"), LocalDate.parse("2028-12-31"), "家访档案不全，限期整改"));
    consume(COUNTY, status(app, P, COUNTY, S2, DemonstrationStatus.REINSPECTING, 9, CREATION_ENDS, new BigDecimal("36.50"),
        LocalDate.parse("2030-11-19"), null, "复查"));
    JsonNode titled = applicationOf(S2, app);
    assertThat(titled.get("status").asString()).isEqualTo("RECTIFYING");
    assertThat(titled.get("version").asInt()).isEqualTo(10);
    assertThat(titled.get("finalScore").decimalValue()).isEqualByComparingTo("36.5");
    assertThat(titled.get("titleValidUntil").asString()).isEqualTo("2030-11-19");
    assertThat(titled.get("rectificationDeadline").asString()).isEqualTo("2028-12-31");
    assertThat(titled.get("reason").asString()).isEqualTo("家访档案不全，限期整改");
    assertThat(titled.get("submissions").values()).hasSize(2);
    assertThat(json(get(base(S2) + "/applications/" + app + "/self-evaluation")).get("editable").asBoolean()).isFalse();
  }

  // ---- access ----------------------------------------------------------------------------------

  @Test
  void accessMatrixEveryDemonstrationEndpointEveryRoleOwnSiblingAndOtherCountySchool() {
    String own = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OWN);
    String sibling = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.SIBLING);
    String other = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OTHER_COUNTY);
    registerSchool(own, "990101");
    registerSchool(sibling, "990101");
    registerSchool(other, "990102");
    Rubric oneCriterion = new Rubric("标准", "Standard", BigDecimal.ONE, List.of(new Rubric.Area("M1", "领域", "Area", List.of(
        new Rubric.Criterion("M1.1", "指标", "Criterion", BigDecimal.TEN, "材料", List.of())))));
    var events = List.of(
        programme("MX-990101-A", "990101", "矩阵 A", OPENS, DEADLINE, oneCriterion, 1),
        programme("MX-990101-B", "990101", "矩阵 B", OPENS, DEADLINE, oneCriterion, 1),
        programme("MX-990102-A", "990102", "矩阵 A", OPENS, DEADLINE, oneCriterion, 1));
    events.forEach(e -> consume(e.payload().countyId(), e));
    Map<String, UUID> apps = new HashMap<>();
    for (String school : List.of(own, sibling, other)) {
      String county = school.equals(other) ? "990102" : "990101";
      Response r = as(Keycloak.token("admin-" + school), "POST", base(school) + "/applications",
          application("MX-" + county + "-A", "矩阵测试计划", "M1", 1, null));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      UUID app = UUID.fromString(json(r).get("applicationId").asString());
      apps.put(school, app);
      consume(county, status(app, "MX-" + county + "-A", county, school, DemonstrationStatus.CREATING, 1,
          LocalDate.parse("2027-10-01"), null, null, null, null));
    }
    long deniedBefore = jdbc.sql("select count(*) from audit_log where outcome = 'DENIED'").query(Long.class).single();
    String applyBody = "{\"programmeId\":\"MX-990101-B\",\"baseline\":[{\"areaCode\":\"M1\",\"level\":2}],\"plan\":\"矩阵测试计划\"}";
    String itemBody = "{\"selfScore\":5,\"narrative\":\"做法\",\"evidence\":[{\"title\":\"章程\",\"reference\":\"档案室\"}]}";
    Set<String> all = AccessMatrix.CALLERS.keySet();
    Set<String> schoolUsers = Set.of("school-staff", "school-admin");
    Set<String> schoolAdmin = Set.of("school-admin");
    var endpoints = List.of(
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> base(s) + "/programmes", all),
        AccessMatrix.Endpoint.send("POST", AccessMatrix.Level.SCHOOL, s -> base(s) + "/applications", applyBody, schoolAdmin),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> base(s) + "/applications", all),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> base(s) + "/applications/" + apps.get(s), all),
        AccessMatrix.Endpoint.send("PUT", AccessMatrix.Level.SCHOOL,
            s -> base(s) + "/applications/" + apps.get(s) + "/self-evaluation/items/M1.1", itemBody, schoolUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> base(s) + "/applications/" + apps.get(s) + "/self-evaluation",
            schoolUsers),
        AccessMatrix.Endpoint.send("POST", AccessMatrix.Level.SCHOOL,
            s -> base(s) + "/applications/" + apps.get(s) + "/self-evaluation/submit", null, schoolAdmin));

    AccessMatrix.Result result = AccessMatrix.run(endpoints, matrix);
    System.out.println(result.summary("school-service demonstration"));
    assertThat(result.failures()).as(result.summary("school-service demonstration")).isEmpty();
    assertThat(result.cells()).hasSize(7 * (3 * 6 + 1));
    long expectedDenials = result.cells().stream().filter(c -> !c.expected().equals("2xx")).count();
    assertThat(jdbc.sql("select count(*) from audit_log where outcome = 'DENIED'").query(Long.class).single() - deniedBefore)
        .as("every refused cell is audited").isEqualTo(expectedDenials);

    for (String school : List.of(sibling, other)) {
      assertThat(rows("demonstration_application", school)).as("only the own school's admin applied").isEqualTo(1);
      assertThat(jdbc.sql("select count(*) from demonstration_self_evaluation_item where application_id = ?")
          .param(apps.get(school)).query(Long.class).single()).isZero();
      assertThat(applicationOf(school, apps.get(school)).get("submittedRound").asInt()).isZero();
    }
    assertThat(rows("demonstration_application", own)).isEqualTo(2);
    assertThat(applicationOf(own, apps.get(own)).get("submittedRound").asInt()).isEqualTo(1);
  }
}
