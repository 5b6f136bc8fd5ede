package org.gongyu.school.demonstration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.district.v1.DemonstrationStatusChanged;
import org.gongyu.contracts.district.v1.SchoolPeriodReviewed;
import org.gongyu.school.SchoolRecordsItSupport;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the school's admins are told (ADR 0019, issue 15 item 5), in the inbox at {@code
 * /api/school/me/notifications}: the county's review of their sign-off and the county's steps on
 * their demonstration application, each once however often its event arrives (redelivered, sent
 * again with a new event id); the daily reminders (self-evaluation due, rectification deadline
 * approaching and overdue) with the clock moved and the scan run twice; nothing for another school's
 * admins nor for the school's staff. County 996005, schools 9960050001 and 9960050002.
 */
class NoticesIT extends SchoolRecordsItSupport {

  static final String COUNTY = "996005";
  static final String S1 = "9960050001";
  static final String S2 = "9960050002";
  static final String P = "996005-DEMO-2027";
  static final String INBOX = "/api/school/me/notifications";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired DemonstrationNotices notices;

  @BeforeAll
  void schoolsAndProgramme() {
    registerSchool(S1, COUNTY);
    registerSchool(S2, COUNTY);
    consume(Topics.DISTRICT_DEMONSTRATION, "school.demonstration", DemonstrationIT.programme(P, COUNTY, "2027—2030 示范学校创建（通知）",
        LocalDate.parse("2027-10-01"), LocalDate.parse("2027-10-31"), 1));
  }

  @Test
  void aReturnedReportIsToldOnceToTheSchoolsAdminsOnly() {
    Response signedOff = send("POST", "/api/school/schools/" + S1 + "/sign-offs/2026-2027", null);
    assertThat(signedOff.status()).as(signedOff.body()).isEqualTo(201);
    SchoolPeriodReviewed r = new SchoolPeriodReviewed(COUNTY, S1, "2026-2027", 1, SchoolPeriodReviewed.Action.RETURNED,
        "家访记录缺少九月", NOW.plusSeconds(60), 1);
    var review = EventEnvelope.wrap("district-service", r.at(), r);
    consume(Topics.DISTRICT_PERIOD_APPROVALS, "school.sign-off-reviews", review);
    consume(Topics.DISTRICT_PERIOD_APPROVALS, "school.sign-off-reviews", review); // redelivered
    consume(Topics.DISTRICT_PERIOD_APPROVALS, "school.sign-off-reviews", EventEnvelope.wrap("district-service", r.at(), r));

    String admin = Keycloak.tokenAs("school-admin", S1);
    JsonNode notice = only(admin, "report-returned", "zh-CN");
    assertThat(notice.get("text").asString()).isEqualTo("区县退回了本校 2026-2027 的上报：家访记录缺少九月");
    assertThat(notice.get("link").asString()).isEqualTo("/schools/" + S1 + "/sign-offs/2026-2027");
    assertThat(only(admin, "report-returned", "en").get("text").asString())
        .isEqualTo("The county returned your report of period 2026-2027: 家访记录缺少九月");
    assertThat(inbox(Keycloak.tokenAs("school-admin", S2), null).toString()).as("another school's admin")
        .doesNotContain("report-returned");
    assertThat(inbox(Keycloak.tokenAs("school-staff", S1), null).toString()).as("the school's staff")
        .doesNotContain("report-returned");
  }

  @Test
  void theCountysStepsAndTheDailyRemindersAreToldOnceEach() {
    Response applied = send("POST", "/api/school/schools/" + S1 + "/demonstration/applications",
        DemonstrationIT.application(P, "一校一案：建成三级家委会，完善家长学校课程。", "A1", 2, null, "A2", 3, null));
    assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    UUID app = UUID.fromString(JSON.readTree(applied.body()).get("applicationId").asString());
    String admin = Keycloak.tokenAs("school-admin", S1);
    String link = "/schools/" + S1 + "/demonstration/applications/" + app;

    var accepted = step(app, 2, DemonstrationStatus.CREATING, DemonstrationStatus.APPLIED, null, "同意创建");
    consumeDemo(step(app, 1, DemonstrationStatus.APPLIED, null, null, null));
    consumeDemo(accepted);
    consumeDemo(accepted); // redelivered
    consumeDemo(step(app, 2, DemonstrationStatus.CREATING, DemonstrationStatus.APPLIED, null, "同意创建")); // a new event id
    JsonNode notice = only(admin, "application-accepted", "zh-CN");
    assertThat(notice.get("text").asString()).isEqualTo("本校对示范校创建项目 " + P + " 的申报已获同意，创建期至 2028-10-15");
    assertThat(notice.get("link").asString()).isEqualTo(link);
    assertThat(only(admin, "application-accepted", "en").get("text").asString())
        .isEqualTo("Your application to demonstration programme " + P + " was accepted: the creation period runs until 2028-10-15");

    // the creation period ends on 2028-10-15: the reminder the day after, once
    clock.set(Instant.parse("2028-10-14T04:00:00Z"));
    notices.scan();
    assertThat(kinds(admin)).doesNotContain("self-evaluation-due");
    clock.set(Instant.parse("2028-10-16T04:00:00Z"));
    notices.scan();
    assertThat(notices.scan()).as("the second run adds nothing").isZero();
    JsonNode due = only(admin, "self-evaluation-due", "zh-CN");
    assertThat(due.get("text").asString()).isEqualTo("示范校创建项目 " + P + " 的创建期已于 2028-10-15 结束，请提交自评");
    assertThat(due.get("link").asString()).isEqualTo(link);
    assertThat(only(admin, "self-evaluation-due", "en").get("text").asString())
        .isEqualTo("The creation period of programme " + P + " ended on 2028-10-15: submit your self-evaluation");

    // titled, then a re-inspection orders rectification by 2029-12-31
    var titled = step(app, 3, DemonstrationStatus.TITLED, DemonstrationStatus.ASSESSING, null, "评审通过");
    consumeDemo(titled);
    consumeDemo(EventEnvelope.wrap("district-service", NOW, titled.payload()));
    assertThat(only(admin, "demonstration-decided", "zh-CN").get("text").asString())
        .isEqualTo("本校获评示范校创建项目 " + P + " 的示范学校称号，有效期至 2031-10-14");
    var rectifying = step(app, 4, DemonstrationStatus.RECTIFYING, DemonstrationStatus.REINSPECTING, LocalDate.parse("2029-12-31"),
        "家委会改选记录不全");
    consumeDemo(rectifying);
    consumeDemo(rectifying);
    assertThat(only(admin, "rectification-deadline-set", "en").get("text").asString())
        .isEqualTo("The re-inspection of programme " + P + " ordered rectification by 2029-12-31");

    clock.set(Instant.parse("2029-12-20T04:00:00Z")); // 11 days before: nothing yet
    notices.scan();
    assertThat(kinds(admin)).doesNotContain("rectification-approaching");
    clock.set(Instant.parse("2029-12-25T04:00:00Z")); // 6 days before
    notices.scan();
    assertThat(notices.scan()).isZero();
    JsonNode approaching = only(admin, "rectification-approaching", "zh-CN");
    assertThat(approaching.get("text").asString()).isEqualTo("示范校创建项目 " + P + " 的整改截止日为 2029-12-31，请完成整改并报告");
    assertThat(approaching.get("link").asString()).isEqualTo(link);
    assertThat(only(admin, "rectification-approaching", "en").get("text").asString())
        .isEqualTo("The rectification deadline of programme " + P + " is 2029-12-31: finish and report your rectification");
    clock.set(Instant.parse("2030-01-01T04:00:00Z")); // the day after the deadline
    notices.scan();
    assertThat(notices.scan()).isZero();
    assertThat(only(admin, "rectification-overdue", "zh-CN").get("text").asString())
        .isEqualTo("示范校创建项目 " + P + " 的整改截止日（2029-12-31）已过");
    assertThat(only(admin, "rectification-overdue", "en").get("text").asString())
        .isEqualTo("The rectification deadline of programme " + P + " (2029-12-31) has passed");
    only(admin, "rectification-approaching", null);

    // rectified: the title is kept (a decision, told as such)
    var kept = step(app, 5, DemonstrationStatus.TITLED, DemonstrationStatus.RECTIFYING, null, "整改完成");
    consumeDemo(kept);
    consumeDemo(EventEnvelope.wrap("district-service", NOW, kept.payload()));
    JsonNode newest = inbox(admin, "zh-CN").get("items").get(0);
    assertThat(newest.get("kind").asString()).isEqualTo("demonstration-decided");
    assertThat(newest.get("text").asString()).isEqualTo("本校通过复查，保留示范校创建项目 " + P + " 的示范学校称号，有效期至 2031-10-14");
    assertThat(kinds(admin).stream().filter("demonstration-decided"::equals).count()).isEqualTo(2);

    assertThat(inbox(Keycloak.tokenAs("school-admin", S2), null).toString()).as("another school's admin")
        .doesNotContain(app.toString());
  }

  // ---- helpers

  static EventEnvelope<DemonstrationStatusChanged> step(UUID app, long version, DemonstrationStatus status,
      DemonstrationStatus previous, LocalDate rectificationDeadline, String reason) {
    LocalDate ends = status == DemonstrationStatus.APPLIED ? null : LocalDate.parse("2028-10-15");
    LocalDate validUntil = status.holdsTitle() ? LocalDate.parse("2031-10-14") : null;
    return EventEnvelope.wrap("district-service", NOW, new DemonstrationStatusChanged(app, P, COUNTY, S1, status, previous,
        NOW.plus(Duration.ofHours(version)), version, ends, null, validUntil, rectificationDeadline, reason));
  }

  void consumeDemo(EventEnvelope<?> event) {
    consume(Topics.DISTRICT_DEMONSTRATION, "school.demonstration", event);
  }

  void consume(String topic, String consumer, EventEnvelope<?> event) {
    kafka.send(topic, COUNTY, EventCodec.encode(event));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
            "select count(*) from inbox_event where consumer = ? and event_id = ?")
        .params(consumer, event.eventId()).query(Long.class).single() == 1);
  }

  JsonNode only(String token, String kind, String language) {
    List<JsonNode> of = new ArrayList<>();
    inbox(token, language).get("items").forEach(n -> {
      if (n.get("kind").asString().equals(kind)) {
        of.add(n);
      }
    });
    assertThat(of).as("notices of kind %s", kind).hasSize(1);
    return of.get(0);
  }

  List<String> kinds(String token) {
    List<String> out = new ArrayList<>();
    inbox(token, null).get("items").forEach(n -> out.add(n.get("kind").asString()));
    return out;
  }

  JsonNode inbox(String token, String language) {
    var request = http.get().uri(INBOX + "?size=100").header("Authorization", "Bearer " + token);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return request.exchange((req, res) -> JSON.readTree(res.getBody().readAllBytes()), true);
  }
}
