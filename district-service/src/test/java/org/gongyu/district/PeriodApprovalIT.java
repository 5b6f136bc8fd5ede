package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongyu.testing.TopicRecords.readAll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CountyPeriodDecided;
import org.gongyu.contracts.district.v1.CountyPeriodSubmission;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.district.v1.ReportingDeadlineSet;
import org.gongyu.contracts.district.v1.SchoolPeriodReviewed;
import org.gongyu.contracts.school.v1.PeriodSignedOff;
import org.gongyu.testing.ConsumerGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * The county's part of the approval chain (ADR 0019) against the real PostgreSQL and Kafka:
 * sign-offs fed to {@code gongyu.school.sign-offs.v1} as school-service sends them, kept once and
 * newest first; the county admin's approvals, returns, reopenings and submissions with their events
 * on {@code gongyu.district.period-approvals.v1}; every illegal step refused with its status and
 * message and nothing written; concurrent approve and return on one sign-off; the city's decisions
 * fed to {@code gongyu.city.period-decisions.v1}; the county rollups' counts of sign-offs
 * (completeness, timeliness, approvals). Counties 996201 to 996205, schools 9962xxxxxx.
 */
class PeriodApprovalIT extends DistrictITSupport {

  @Autowired ConfigurableApplicationContext context;

  private static final String PERIOD = TestEvents.PERIOD;

  @Test
  void signOffsAreKeptOnceNewestVersionFirstDespiteDuplicatesOlderVersionsAndAReplay() {
    String county = "996201";
    String a = "9962010001";
    String b = "9962010002";
    putSchool(county, a, "审核一小", "PRIMARY", null);
    putSchool(county, b, "审核二小", "PRIMARY", null);

    SignOff a1 = SignOff.of(a, 1, 10, 20);
    SignOff a2 = SignOff.of(a, 2, 12, 20);
    send(a1);
    send(a1); // redelivered: the same event id
    send(a2);
    SignOff lateA1 = a1.republished(); // the older version again, after the newer one, as a new event
    send(lateA1);
    send(SignOff.of("9962019999", 1, 1, 1)); // a school of no county: ignored
    send(SignOff.of(b, 1, 5, 5));
    awaitConsumed(lateA1);
    awaitConsumed(SignOff.of(b, 1, 5, 5));
    await().atMost(PATIENCE).until(() -> count("select count(*) from period_sign_off where school_id = '" + b + "'") == 1);

    JsonNode detail = ok(get(base(county) + "/schools/" + a));
    assertThat(detail.get("state").asString()).isEqualTo("SIGNED_OFF");
    assertThat(detail.get("signOffVersion").asLong()).isEqualTo(2);
    assertThat(detail.get("figures").get(0).get("numerator").asLong()).isEqualTo(12);
    assertThat(detail.get("figures").get(0).get("snapshotVersion").asLong()).isEqualTo(2);
    assertThat(actions(detail)).containsExactly("SIGNED_OFF@1", "SIGNED_OFF@2");
    assertThat(count("select count(*) from period_sign_off where school_id = '9962019999'")).isZero();

    // reviewed, then the whole topic again: nothing changes
    assertThat(approve(county, a, 2).getStatusCode().value()).isEqualTo(200);
    String before = state(county);
    long events = approvalEvents(county).size();
    listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
    ConsumerGroups.rewindToZero(GROUP, List.of(Topics.SCHOOL_SIGN_OFFS), PATIENCE);
    listeners.getListenerContainers().forEach(MessageListenerContainer::start);
    ConsumerGroups.awaitCaughtUp(GROUP, List.of(Topics.SCHOOL_SIGN_OFFS), PATIENCE);
    assertThat(state(county)).isEqualTo(before);
    awaitOutboxDrained();
    assertThat(approvalEvents(county)).hasSize((int) events);
    JsonNode overview = ok(get(base(county)));
    assertThat(overview.get("schoolsExpected").asInt()).isEqualTo(2);
    assertThat(overview.get("approved").asInt()).isEqualTo(1);
    assertThat(overview.get("awaitingReview").asInt()).isEqualTo(1);
    assertThat(overview.get("maySubmit").asBoolean()).isFalse();
  }

  @Test
  void approveReturnSignOffAgainSubmitCityReturnSubmitAgainAcceptAndReopenWithEveryEventOnTheTopic() {
    String county = "996202";
    String s1 = "9962020001";
    String s2 = "9962020002";
    putSchool(county, s1, "流程一小", "PRIMARY", null);
    putSchool(county, s2, "流程二小", "PRIMARY", null);
    JsonNode empty = ok(get(base(county)));
    assertThat(empty.get("notSignedOff").asInt()).isEqualTo(2);
    assertThat(empty.get("schools").get(0).get("state").asString()).isEqualTo("NOT_SIGNED_OFF");
    assertThat(empty.get("submission").isNull()).isTrue();

    signOff(county, SignOff.of(s1, 1, 30, 40));
    signOff(county, SignOff.of(s2, 1, 10, 40));
    JsonNode approved = ok(approve(county, s1, 1));
    assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
    assertThat(approved.get("reviewedBy").asString()).isEqualTo("it-county-admin-" + county);
    JsonNode returned = ok(post(base(county) + "/schools/" + s2 + "/return", "{\"signOffVersion\":1,\"comment\":\"家访数据缺少九月\"}"));
    assertThat(returned.get("state").asString()).isEqualTo("RETURNED");
    assertThat(returned.get("comment").asString()).isEqualTo("家访数据缺少九月");

    // S2 is returned: no submission
    ResponseEntity<JsonNode> early = post(base(county) + "/submission", "");
    assertProblem(early, 409, "county 996202 cannot submit period 2025-2026-1: 1 of 2 school(s) not approved: 9962020002 (returned)");
    assertThat(early.getBody().get("notApproved").get(0).get("schoolId").asString()).isEqualTo(s2);

    // the school signs off again; the county approves the new version (the old one is outdated)
    signOff(county, SignOff.of(s2, 2, 25, 40));
    assertProblem(approve(county, s2, 1), 409, "sign-off version 1 of school 9962020002 for period 2025-2026-1 is outdated: the latest is version 2");
    ok(approve(county, s2, 2));
    assertThat(ok(get(base(county))).get("maySubmit").asBoolean()).isTrue();

    JsonNode submitted = ok(post(base(county) + "/submission", ""));
    assertThat(submitted.get("submission").get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(submitted.get("submission").get("version").asLong()).isEqualTo(1);
    assertThat(submitted.get("maySubmit").asBoolean()).isFalse();
    assertProblem(post(base(county) + "/submission", ""), 409, "has already submitted period 2025-2026-1 (version 1)");

    // the city returns it: the county sees the comment and may submit again
    sendDecision(county, 1, CountyPeriodDecided.Decision.RETURNED, "请核对家访数据", 1);
    JsonNode afterReturn = await().atMost(PATIENCE).until(() -> ok(get(base(county))), o -> !o.get("cityDecision").isNull());
    assertThat(afterReturn.get("cityDecision").get("decision").asString()).isEqualTo("RETURNED");
    assertThat(afterReturn.get("cityDecision").get("comment").asString()).isEqualTo("请核对家访数据");
    assertThat(afterReturn.get("submission").get("inForce").asBoolean()).isFalse();
    assertThat(afterReturn.get("maySubmit").asBoolean()).isTrue();
    assertThat(ok(post(base(county) + "/submission", "")).get("submission").get("version").asLong()).isEqualTo(2);

    // accepted: submitting again is refused; an older decision arriving late changes nothing
    sendDecision(county, 2, CountyPeriodDecided.Decision.ACCEPTED, null, 2);
    sendDecision(county, 1, CountyPeriodDecided.Decision.RETURNED, "迟到的旧决定", 1);
    await().atMost(PATIENCE).until(() -> ok(get(base(county))).get("cityDecision").get("decision").asString().equals("ACCEPTED"));
    assertProblem(post(base(county) + "/submission", ""), 409, "the city has accepted county 996202's submission of period 2025-2026-1 (version 2)");

    // a reopening withdraws the accepted submission in the same transaction
    JsonNode reopened = ok(post(base(county) + "/schools/" + s1 + "/reopening", "{\"signOffVersion\":1,\"reason\":\"发现学生人数登记错误\"}"));
    assertThat(reopened.get("state").asString()).isEqualTo("REOPENED");
    JsonNode overview = ok(get(base(county)));
    assertThat(overview.get("submission").get("status").asString()).isEqualTo("WITHDRAWN");
    assertThat(overview.get("submission").get("version").asLong()).isEqualTo(3);
    assertThat(overview.get("submission").get("reason").asString()).isEqualTo(s1 + ": 发现学生人数登记错误");
    assertThat(overview.get("reopened").asInt()).isEqualTo(1);
    assertThat(overview.get("maySubmit").asBoolean()).isFalse();
    assertThat(overview.get("cityDecision").get("onCurrentSubmission").asBoolean()).isFalse();
    assertThat(steps(overview.get("trail"))).containsExactly(
        "SUBMITTED@1", "CITY_RETURNED@1", "SUBMITTED@2", "CITY_ACCEPTED@2", "WITHDRAWN@3");
    assertThat(actions(ok(get(base(county) + "/schools/" + s2))))
        .containsExactly("SIGNED_OFF@1", "RETURNED@1", "SIGNED_OFF@2", "APPROVED@2");

    // on the topic, keyed by the county, in order
    awaitOutboxDrained();
    List<String> events = new ArrayList<>();
    for (EventEnvelope<?> e : approvalEvents(county)) {
      if (e.payload() instanceof SchoolPeriodReviewed r) {
        events.add(r.schoolId() + " " + r.action() + " sign-off " + r.signOffVersion() + " v" + r.version()
            + (r.comment() == null ? "" : " " + r.comment()));
      } else if (e.payload() instanceof CountyPeriodSubmission s) {
        events.add(s.status() + " v" + s.version() + " " + s.schools().stream().map(x -> x.schoolId() + "@" + x.signOffVersion()).toList()
            + (s.reason() == null ? "" : " " + s.reason()));
      }
    }
    assertThat(events).containsExactly(
        s1 + " APPROVED sign-off 1 v1",
        s2 + " RETURNED sign-off 1 v1 家访数据缺少九月",
        s2 + " APPROVED sign-off 2 v2",
        "SUBMITTED v1 [" + s1 + "@1, " + s2 + "@2]",
        "SUBMITTED v2 [" + s1 + "@1, " + s2 + "@2]",
        s1 + " REOPENED sign-off 1 v2 发现学生人数登记错误",
        "WITHDRAWN v3 [] " + s1 + ": 发现学生人数登记错误");
  }

  @Test
  void theCountyRollupCountsSignOffsInForceThoseByTheDeadlineAndApprovalsAndAReplayChangesNothing() {
    String county = "996205";
    String a = "9962050001";
    String b = "9962050002";
    String c = "9962050003";
    putSchool(county, a, "准时上报小学", "PRIMARY", null);
    putSchool(county, b, "迟报小学", "PRIMARY", null);
    putSchool(county, c, "未上报小学", "PRIMARY", null);
    sendSnapshots(List.of(TestEvents.Snapshot.of(a, PLATFORM, 30, 40, 1), TestEvents.Snapshot.of(b, PLATFORM, 10, 40, 1),
        TestEvents.Snapshot.of(c, PLATFORM, 20, 40, 1)));
    JsonNode none = awaitRollup(county, PLATFORM, r -> r.get("schoolsReporting").asInt() == 3);
    assertThat(none.get("schoolsSignedOff").asInt()).as("every school reports, none has signed off").isZero();
    assertThat(none.get("signOffCompleteness").decimalValue()).isEqualByComparingTo("0");
    assertThat(none.get("schoolsSignedOffOnTime").isNull()).as("no deadline").isTrue();
    // sign-off version 1 is made at T0 + 1 h, version 2 at T0 + 2 h: the deadline falls between
    Instant deadline = TestEvents.T0.plusSeconds(5400);
    assertThat(put("/api/district/counties/" + county + "/deadlines/" + PERIOD, "{\"deadline\":\"" + deadline + "\"}")
        .getStatusCode().value()).isEqualTo(201);
    assertThat(put("/api/district/counties/" + county + "/deadlines/" + PERIOD, "{\"deadline\":\"" + deadline + "\"}")
        .getStatusCode().value()).as("the same deadline again").isEqualTo(200);

    signOff(county, SignOff.of(a, 1, 30, 40));
    signOff(county, SignOff.of(b, 1, 10, 40));
    JsonNode both = awaitRollup(county, PLATFORM, r -> r.get("schoolsSignedOff").asInt() == 2);
    assertThat(both.get("schoolsSignedOffOnTime").asInt()).isEqualTo(2);
    assertThat(both.get("schoolsApproved").asInt()).isZero();
    assertThat(both.get("signOffCompleteness").decimalValue()).isEqualByComparingTo("0.6667");

    // returned, B no longer counts until it signs off again, after the deadline; A is approved
    ok(post(base(county) + "/schools/" + b + "/return", "{\"signOffVersion\":1,\"comment\":\"请补录家访\"}"));
    JsonNode returned = awaitRollup(county, PLATFORM, r -> r.get("schoolsSignedOff").asInt() == 1);
    assertThat(returned.get("schoolsSignedOffOnTime").asInt()).isEqualTo(1);
    ok(approve(county, a, 1));
    signOff(county, SignOff.of(b, 2, 12, 40));
    JsonNode late = awaitRollup(county, PLATFORM, r -> r.get("schoolsSignedOff").asInt() == 2 && r.get("schoolsApproved").asInt() == 1);
    assertThat(late.get("schoolsSignedOffOnTime").asInt()).as("B signed off again after the deadline").isEqualTo(1);
    assertThat(late.get("signOffTimeliness").decimalValue()).isEqualByComparingTo("0.3333");
    ok(approve(county, b, 2));
    JsonNode approved = awaitRollup(county, PLATFORM, r -> r.get("schoolsApproved").asInt() == 2);
    assertThat(approved.get("numerator").asLong()).as("live figures are the snapshots' own").isEqualTo(60);

    // on the topic: the last event says so; a replayed sign-off and a duplicate add no version
    awaitOutboxDrained();
    CountyRollupPublished last = rollupEvents(county, PLATFORM).getLast();
    assertThat(last.version()).isEqualTo(approved.get("version").asLong());
    assertThat(List.of(last.schoolsSignedOff(), last.schoolsSignedOffOnTime(), last.schoolsApproved())).containsExactly(2, 1, 2);
    SignOff replay = SignOff.of(a, 1, 30, 40).republished();
    send(replay);
    send(SignOff.of(b, 2, 12, 40));
    awaitConsumed(replay);
    awaitOutboxDrained();
    assertThat(rollupEvents(county, PLATFORM).getLast().version()).isEqualTo(last.version());

    // the deadline travelled to the school tier once, on the approvals topic, keyed by the county
    assertThat(approvalEvents(county).stream().map(EventEnvelope::payload).filter(ReportingDeadlineSet.class::isInstance)
        .map(ReportingDeadlineSet.class::cast).toList())
        .singleElement()
        .satisfies(d -> {
          assertThat(d.deadline()).isEqualTo(deadline);
          assertThat(d.version()).isEqualTo(1);
          assertThat(d.periodId()).isEqualTo(PERIOD);
        });
    // a deadline set before deadlines travelled (published_version null) goes out when the service is ready
    jdbc.sql("update county_deadline set published_version = null where county_id = ?").param(county).update();
    context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, java.time.Duration.ZERO));
    awaitOutboxDrained();
    assertThat(approvalEvents(county).stream().map(EventEnvelope::payload).filter(ReportingDeadlineSet.class::isInstance)
        .map(p -> ((ReportingDeadlineSet) p).version()).toList()).containsExactly(1L, 1L);
    assertThat(count("select published_version from county_deadline where county_id = '" + county + "'")).isEqualTo(1);
  }

  @Test
  void illegalStepsAreRefusedWithTheirStatusAndMessageAndWriteNothing() {
    String county = "996203";
    String signed = "9962030001";
    String silent = "9962030002";
    putSchool(county, signed, "规则一小", "PRIMARY", null);
    putSchool(county, silent, "规则二小", "PRIMARY", null);
    putSchool("996204", "9962049999", "别县学校", "PRIMARY", null);
    signOff(county, SignOff.of(signed, 1, 3, 4));
    String before = state(county);

    assertProblem(approve(county, silent, 1), 409, "school 9962030002 has not signed off period 2025-2026-1");
    assertProblem(approve(county, signed, 2), 409, "sign-off version 2 of school 9962030001 for period 2025-2026-1 is outdated: the latest is version 1");
    ResponseEntity<JsonNode> noComment = post(base(county) + "/schools/" + signed + "/return", "{\"signOffVersion\":1}");
    assertProblem(noComment, 422, "a return needs a comment for the school");
    assertThat(noComment.getBody().get("errors").get(0).asString()).isEqualTo("comment: required, and not blank");
    assertProblem(post(base(county) + "/schools/" + signed + "/return", "{\"signOffVersion\":1,\"comment\":\"  \"}"), 422,
        "a return needs a comment");
    assertProblem(post(base(county) + "/schools/" + signed + "/reopening", "{\"signOffVersion\":1}"), 422, "a reopening needs a reason");
    ResponseEntity<JsonNode> notApproved = post(base(county) + "/schools/" + signed + "/reopening", "{\"signOffVersion\":1,\"reason\":\"理由\"}");
    assertProblem(notApproved, 409, "reopening needs a sign-off that is approved: school 9962030001's sign-off version 1 of period 2025-2026-1 is awaiting review");
    assertThat(notApproved.getBody().get("currentState").asString()).isEqualTo("SIGNED_OFF");
    ResponseEntity<JsonNode> submit = post(base(county) + "/submission", "");
    assertProblem(submit, 409, "county 996203 cannot submit period 2025-2026-1: 2 of 2 school(s) not approved: 9962030001 (awaiting review), 9962030002 (not signed off)");
    assertThat(submit.getBody().get("notApproved").size()).isEqualTo(2);
    assertProblem(approve(county, "9962049999", 1), 404, "school 9962049999 does not report period 2025-2026-1 to county 996203");
    assertThat(post(base(county) + "/schools/" + signed + "/approval", "{}").getStatusCode().value()).isEqualTo(400);
    assertThat(post(base(county) + "/schools/" + signed + "/approval", "{\"signOffVersion\":0}").getStatusCode().value()).isEqualTo(400);
    assertThat(get("/api/district/counties/" + county + "/approvals/2025-2026-9").getStatusCode().value()).isEqualTo(400);
    assertThat(state(county)).as("nothing written").isEqualTo(before);

    // in Chinese
    ResponseEntity<JsonNode> zh = http.post().uri(base(county) + "/submission").header("Accept-Language", "zh-CN")
        .contentType(MediaType.APPLICATION_JSON).body("")
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
    assertProblem(zh, 409, "区县 996203 尚不能报送期间 2025-2026-1：2 所学校中有 2 所未审核通过：9962030001（已上报待审核）、9962030002（未上报）");

    // a returned sign-off cannot be approved or returned again
    ok(post(base(county) + "/schools/" + signed + "/return", "{\"signOffVersion\":1,\"comment\":\"请补充\"}"));
    assertProblem(approve(county, signed, 1), 409, "approving needs a sign-off that is awaiting review");

    // who may: the county admin of the county only; the city reads
    assertThat(statusOf("POST", base(county) + "/schools/" + signed + "/approval", "{\"signOffVersion\":1}",
        org.gongyu.testing.Keycloak.tokenAs("county-admin", "990102"))).isEqualTo(404);
    assertThat(statusOf("POST", base(county) + "/schools/" + signed + "/approval", "{\"signOffVersion\":1}",
        org.gongyu.testing.Keycloak.token("city-admin"))).isEqualTo(403);
    assertThat(statusOf("GET", base(county), null, org.gongyu.testing.Keycloak.token("city-staff"))).isEqualTo(200);
    assertThat(statusOf("GET", base(county), null, null)).isEqualTo(401);
  }

  @Test
  void concurrentApproveAndReturnOfOneSignOffOneWinsTheOtherIs409AndOneEvent() throws Exception {
    String county = "996204";
    List<String> schools = List.of("9962040001", "9962040002", "9962040003", "9962040004", "9962040005");
    for (String school : schools) {
      putSchool(county, school, "并发" + school, "PRIMARY", null);
      signOff(county, SignOff.of(school, 1, 1, 2));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (String school : schools) {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> approve = CompletableFuture.supplyAsync(() -> {
          waitFor(start);
          return approve(county, school, 1).getStatusCode().value();
        }, pool);
        CompletableFuture<Integer> giveBack = CompletableFuture.supplyAsync(() -> {
          waitFor(start);
          return post(base(county) + "/schools/" + school + "/return", "{\"signOffVersion\":1,\"comment\":\"并发退回\"}")
              .getStatusCode().value();
        }, pool);
        start.countDown();
        assertThat(List.of(approve.get(), giveBack.get())).as(school).containsExactlyInAnyOrder(200, 409);
        JsonNode detail = ok(get(base(county) + "/schools/" + school));
        String winner = approve.get() == 200 ? "APPROVED" : "RETURNED";
        assertThat(detail.get("state").asString()).isEqualTo(winner);
        assertThat(actions(detail)).containsExactly("SIGNED_OFF@1", winner + "@1");
      }
    } finally {
      pool.shutdownNow();
    }
    awaitOutboxDrained();
    for (String school : schools) {
      assertThat(approvalEvents(county).stream()
          .filter(e -> e.payload() instanceof SchoolPeriodReviewed r && r.schoolId().equals(school))).as(school).hasSize(1);
    }
  }

  // ---- helpers

  /** A sign-off as school-service sends it; {@link #json()} gives the same event id on every call. */
  record SignOff(UUID eventId, String schoolId, long version, long numerator, long denominator) {

    static SignOff of(String schoolId, long version, long numerator, long denominator) {
      return new SignOff(UUID.nameUUIDFromBytes((schoolId + "/" + version).getBytes()), schoolId, version, numerator, denominator);
    }

    SignOff republished() {
      return new SignOff(UUID.randomUUID(), schoolId, version, numerator, denominator);
    }

    String json() {
      Instant at = TestEvents.T0.plusSeconds(3600 * version);
      PeriodSignedOff payload = new PeriodSignedOff(schoolId, PERIOD, version, at,
          List.of(new PeriodSignedOff.SignedFigure(PLATFORM, numerator, denominator, version)));
      return EventCodec.encode(new EventEnvelope<>(eventId, "PeriodSignedOff", at, "school-service", 1, payload));
    }
  }

  private void send(SignOff s) {
    send(Topics.SCHOOL_SIGN_OFFS, s.schoolId(), s.json());
  }

  /** Sends a sign-off and waits until the county has it. */
  private void signOff(String county, SignOff s) {
    send(s);
    await().atMost(PATIENCE).until(() -> count("select count(*) from period_sign_off where school_id = '" + s.schoolId()
        + "' and period_id = '" + PERIOD + "' and sign_off_version = " + s.version()) == 1);
  }

  private void awaitConsumed(SignOff s) {
    await().atMost(PATIENCE).until(() -> count("select count(*) from inbox_event where event_id = '" + s.eventId() + "'") == 1);
  }

  private void sendDecision(String county, long submissionVersion, CountyPeriodDecided.Decision decision, String comment, long version) {
    CountyPeriodDecided d = new CountyPeriodDecided(TestEvents.CITY, county, PERIOD, submissionVersion, decision, comment,
        Instant.parse("2025-12-01T00:00:00Z").plusSeconds(version), version);
    send(Topics.CITY_PERIOD_DECISIONS, county, EventCodec.encode(EventEnvelope.wrap("city-service", d.at(), d)));
  }

  private static String base(String county) {
    return "/api/district/counties/" + county + "/approvals/" + PERIOD;
  }

  private ResponseEntity<JsonNode> approve(String county, String school, long version) {
    return post(base(county) + "/schools/" + school + "/approval", "{\"signOffVersion\":" + version + "}");
  }

  private ResponseEntity<JsonNode> post(String path, String json) {
    return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  private static JsonNode ok(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  private static List<String> actions(JsonNode detail) {
    return steps(detail.get("trail"));
  }

  private static List<String> steps(JsonNode trail) {
    List<String> out = new ArrayList<>();
    trail.forEach(t -> out.add(t.get("action").asString() + "@" + t.get("version").asLong()));
    return out;
  }

  /** Everything stored about the county's approvals of the period: sign-offs, submission, trail, outbox. */
  private String state(String county) {
    return jdbc.sql("""
            select coalesce((select string_agg(school_id || ':' || sign_off_version || ':' || state || ':' || version, ',' order by school_id)
              from period_sign_off where county_id = :county), '')
            || '|' || coalesce((select status || ':' || submission_version || ':' || version from county_period_submission
              where county_id = :county and period_id = :period), '')
            || '|' || (select count(*) from approval_trail where county_id = :county)
            || '|' || (select count(*) from outbox_event where topic = :topic and record_key = :county)""")
        .param("county", county).param("period", PERIOD).param("topic", Topics.DISTRICT_PERIOD_APPROVALS)
        .query(String.class).single();
  }

  /** The approval events of a county on the topic, in order (one partition per county). */
  private static List<EventEnvelope<?>> approvalEvents(String county) {
    List<EventEnvelope<?>> out = new ArrayList<>();
    for (ConsumerRecord<String, String> r : readAll(Topics.DISTRICT_PERIOD_APPROVALS)) {
      if (!r.key().equals(county)) {
        continue;
      }
      String type = EventCodec.typeOf(r.value());
      out.add(switch (type) {
        case "SchoolPeriodReviewed" -> EventCodec.decode(r.value(), SchoolPeriodReviewed.class);
        case "ReportingDeadlineSet" -> EventCodec.decode(r.value(), ReportingDeadlineSet.class);
        default -> EventCodec.decode(r.value(), CountyPeriodSubmission.class);
      });
    }
    return out;
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
