package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.APPLIED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.ASSESSING;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.CREATING;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.DECLINED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.DEFERRED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.EXPIRED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.RECTIFYING;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.REINSPECTING;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.REVOKED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.SELF_EVALUATED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.TITLED;
import static org.gongyu.testing.TopicRecords.readAll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.district.v1.DemonstrationStatusChanged;
import org.gongyu.district.demonstration.Application;
import org.gongyu.district.demonstration.Applications;
import org.gongyu.district.demonstration.StatusMoved;
import org.gongyu.district.demonstration.TrailEntry;
import org.gongyu.district.demonstration.title.TitleSweep;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.AccessMatrix.Endpoint;
import org.gongyu.testing.AccessMatrix.Level;
import org.gongyu.testing.AccessMatrix.Target;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Titles after the award (W1 steps 8–9) against the running service: re-inspection and
 * rectification through the API with a clock the test moves, the nightly sweep called directly,
 * illegal moves and bad input, the county's DEMONSTRATION_SCHOOLS rollup following every title
 * gained or lost (and nothing more on a replay), the quota progress per 学区, and the access matrix.
 * Applications start from {@link DemonstrationFixtures}; an award is made through {@link
 * Applications#transition} as the decision makes it.
 */
class DemonstrationTitleIT extends DistrictITSupport {

  static final String LIFECYCLE = "990141";
  static final String REFUSALS = "990142";
  static final String ROLLUP = "990143";
  static final String PROGRESS = "990144";
  static final String CYCLE = "2024-2027";
  /** 10:00 on 2026-03-02 in the city (Asia/Shanghai). */
  static final Instant MARCH_2 = Instant.parse("2026-03-02T02:00:00Z");
  static final LocalDate TODAY = LocalDate.parse("2026-03-02");

  @Autowired TitleSweep sweep;
  @Autowired Applications applications;
  @Autowired TransactionTemplate tx;
  @Autowired ApplicationEventPublisher springEvents;
  @Autowired CityCalendar calendar;
  @Autowired org.gongyu.district.rollup.CountyRollups rollups;

  @Test
  void reinspectionKeepsRectifiesOrRevokesAndTheSweepEndsWhatNobodyEnded() {
    String county = LIFECYCLE;
    clock.set(MARCH_2);
    putSchool(county, "9901410001", "城东实验小学", "PRIMARY", null);
    String programme = DemonstrationFixtures.programme(jdbc, county, "DT-" + county);
    UUID id = title(county, programme, "9901410001", TITLED, "2025-09-01", "2028-08-31");

    // a re-inspection that keeps the title
    JsonNode scheduled = ok(post(county, id, "/reinspection", "{\"scheduledOn\":\"2026-03-10\",\"note\":\"例行复查\"}"));
    assertThat(scheduled.get("status").asString()).isEqualTo("REINSPECTING");
    assertThat(scheduled.get("reinspectionOn").asString()).isEqualTo("2026-03-10");
    assertThat(scheduled.get("schoolName").asString()).isEqualTo("城东实验小学");
    assertThat(scheduled.get("version").asLong()).isEqualTo(2);
    JsonNode kept = ok(post(county, id, "/reinspection/outcome", "{\"outcome\":\"KEEP\"}"));
    assertThat(kept.get("status").asString()).isEqualTo("TITLED");
    assertThat(kept.get("version").asLong()).isEqualTo(3);

    // a re-inspection today that orders rectification: the status event carries the deadline
    ok(post(county, id, "/reinspection", "{\"scheduledOn\":\"2026-03-02\"}"));
    JsonNode rectifying = ok(post(county, id, "/reinspection/outcome",
        "{\"outcome\":\"RECTIFY\",\"rectificationDeadline\":\"2026-05-31\",\"note\":\"家访档案不全\"}"));
    assertThat(rectifying.get("status").asString()).isEqualTo("RECTIFYING");
    assertThat(rectifying.get("rectificationDeadline").asString()).isEqualTo("2026-05-31");
    awaitOutboxDrained();
    DemonstrationStatusChanged rectify = statusEvent(id, 5);
    assertThat(rectify.status()).isEqualTo(RECTIFYING);
    assertThat(rectify.previousStatus()).isEqualTo(REINSPECTING);
    assertThat(rectify.rectificationDeadline()).isEqualTo(LocalDate.parse("2026-05-31"));
    assertThat(rectify.titleValidUntil()).isEqualTo(LocalDate.parse("2028-08-31"));
    assertThat(rectify.reason()).isEqualTo("家访档案不全");
    assertThat(rectify.finalScore()).isEqualByComparingTo("35.00");

    // rectified on the deadline day itself: kept, the deadline cleared
    clock.set(Instant.parse("2026-05-31T15:00:00Z")); // 23:00 in the city
    JsonNode rectified = ok(post(county, id, "/rectification/outcome", "{\"outcome\":\"KEEP\",\"note\":\"已整改\"}"));
    assertThat(rectified.get("status").asString()).isEqualTo("TITLED");
    assertThat(rectified.get("rectificationDeadline").isNull()).isTrue();
    awaitOutboxDrained();
    assertThat(statusEvent(id, 6).rectificationDeadline()).isNull();

    // rectification ordered again; the deadline passes: only the revocation is left
    clock.set(Instant.parse("2026-06-01T02:00:00Z"));
    ok(post(county, id, "/reinspection", "{\"scheduledOn\":\"2026-06-01\"}"));
    ok(post(county, id, "/reinspection/outcome",
        "{\"outcome\":\"RECTIFY\",\"rectificationDeadline\":\"2026-06-30\",\"note\":\"仍未整改到位\"}"));
    clock.set(Instant.parse("2026-06-30T16:00:00Z")); // 00:00 on 2026-07-01 in the city
    ResponseEntity<JsonNode> late = post(county, id, "/rectification/outcome", "{\"outcome\":\"KEEP\"}");
    assertConflict(late, "RECTIFYING");
    assertThat(late.getBody().get("detail").asString())
        .contains("the rectification deadline 2026-06-30 passed; the title can only be revoked");

    // a re-inspection that revokes, by hand
    UUID revokedByHand = title(county, programme, "9901410002", TITLED, "2025-09-01", "2028-08-31");
    ok(post(county, revokedByHand, "/reinspection", "{\"scheduledOn\":\"2026-07-01\"}"));
    JsonNode revoked = ok(post(county, revokedByHand, "/reinspection/outcome", "{\"outcome\":\"REVOKE\",\"note\":\"弄虚作假\"}"));
    assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
    assertThat(revoked.get("endedOn").asString()).isEqualTo("2026-07-01");

    // titles whose validity ended on 2026-06-30, one of them under re-inspection
    UUID lapsed = title(county, programme, "9901410003", TITLED, "2023-07-01", "2026-06-30");
    UUID lapsedInReinspection = title(county, programme, "9901410004", REINSPECTING, "2023-07-01", "2026-06-30");
    UUID stillValid = title(county, programme, "9901410005", TITLED, "2023-07-01", "2026-07-01");

    TitleSweep.Result first = sweep.sweep();
    assertThat(first.day()).isEqualTo(LocalDate.parse("2026-07-01"));
    assertThat(first.revoked()).isGreaterThanOrEqualTo(1);
    assertThat(first.expired()).isGreaterThanOrEqualTo(2);
    assertThat(first.failed()).isZero();

    assertThat(statusAndVersion(id)).isEqualTo("REVOKED:9");
    assertThat(endedOn(id)).isEqualTo("2026-07-01");
    TrailEntry last = applications.history(id).getLast();
    assertThat(last.actor()).isEqualTo(Applications.SYSTEM);
    assertThat(last.action()).isEqualTo("SWEEP_REVOKE");
    assertThat(last.fromStatus()).isEqualTo(RECTIFYING);
    assertThat(last.toStatus()).isEqualTo(REVOKED);
    assertThat(last.detailJson()).contains("rectification deadline 2026-06-30 passed");
    assertThat(statusAndVersion(lapsed)).isEqualTo("EXPIRED:2");
    assertThat(endedOn(lapsed)).isEqualTo("2026-07-01");
    assertThat(statusAndVersion(lapsedInReinspection)).isEqualTo("EXPIRED:2");
    assertThat(applications.history(lapsed).getLast().detailJson()).contains("title valid until 2026-06-30");
    assertThat(statusAndVersion(stillValid)).isEqualTo("TITLED:1");
    assertThat(statusAndVersion(revokedByHand)).isEqualTo("REVOKED:3");

    // the whole history, in order, by whom
    assertThat(applications.history(id)).extracting(e -> e.actor() + ":" + e.action() + ":" + e.toStatus()).containsExactly(
        "it-county-admin-990141:SCHEDULE_REINSPECTION:REINSPECTING", "it-county-admin-990141:REINSPECTION_KEEP:TITLED",
        "it-county-admin-990141:SCHEDULE_REINSPECTION:REINSPECTING", "it-county-admin-990141:REINSPECTION_RECTIFY:RECTIFYING",
        "it-county-admin-990141:RECTIFICATION_KEEP:TITLED",
        "it-county-admin-990141:SCHEDULE_REINSPECTION:REINSPECTING", "it-county-admin-990141:REINSPECTION_RECTIFY:RECTIFYING",
        "system:SWEEP_REVOKE:REVOKED");

    // a second sweep the same day finds nothing to do
    String before = countyState(county);
    TitleSweep.Result second = sweep.sweep();
    assertThat(second.revoked() + second.expired() + second.failed()).isZero();
    assertThat(countyState(county)).isEqualTo(before);

    // the next day the title valid through 2026-07-01 expires, and only it
    clock.set(Instant.parse("2026-07-02T02:00:00Z"));
    sweep.sweep();
    assertThat(statusAndVersion(stillValid)).isEqualTo("EXPIRED:2");
    assertThat(endedOn(stillValid)).isEqualTo("2026-07-02");
    awaitOutboxDrained();
    DemonstrationStatusChanged expiry = statusEvent(stillValid, 2);
    assertThat(expiry.status()).isEqualTo(EXPIRED);
    assertThat(expiry.titleValidUntil()).isEqualTo(LocalDate.parse("2026-07-01"));
  }

  @Test
  void illegalMovesAnswer409WithTheCurrentStatusAndBadInputNamesTheFieldWritingNothing() {
    String county = REFUSALS;
    clock.set(MARCH_2);
    String programme = DemonstrationFixtures.programme(jdbc, county, "DT-" + county);
    UUID titled = title(county, programme, "9901420001", TITLED, "2025-09-01", "2028-08-31");
    UUID reinspecting = title(county, programme, "9901420002", REINSPECTING, "2025-09-01", "2028-08-31");
    UUID rectifying = title(county, programme, "9901420003", RECTIFYING, "2025-09-01", "2028-08-31");
    jdbc.sql("update demonstration_title set rectification_deadline = date '2026-04-30' where application_id = ?")
        .param(rectifying).update();
    UUID revoked = title(county, programme, "9901420004", REVOKED, "2025-09-01", "2028-08-31");
    UUID creating = DemonstrationFixtures.application(jdbc, county, programme, "9901420005", CREATING);
    awaitOutboxDrained();
    String before = countyState(county);

    // moves the state machine does not allow
    assertConflict(post(county, rectifying, "/reinspection", "{\"scheduledOn\":\"2026-03-10\"}"), "RECTIFYING");
    assertConflict(post(county, reinspecting, "/reinspection", "{\"scheduledOn\":\"2026-03-10\"}"), "REINSPECTING");
    assertConflict(post(county, titled, "/rectification/outcome", "{\"outcome\":\"KEEP\"}"), "TITLED");
    assertConflict(post(county, titled, "/reinspection/outcome", "{\"outcome\":\"KEEP\"}"), "TITLED");
    assertConflict(post(county, revoked, "/reinspection/outcome", "{\"outcome\":\"REVOKE\",\"note\":\"再次撤销\"}"), "REVOKED");
    assertConflict(post(county, revoked, "/rectification/outcome", "{\"outcome\":\"REVOKE\",\"note\":\"再次撤销\"}"), "REVOKED");
    assertConflict(post(county, revoked, "/reinspection", "{\"scheduledOn\":\"2026-03-10\"}"), "REVOKED");
    assertConflict(post(county, creating, "/reinspection", "{\"scheduledOn\":\"2026-03-10\"}"), "CREATING");
    // 409 before 422: a bad deadline on a title that is not being re-inspected is still a conflict
    assertConflict(post(county, titled, "/reinspection/outcome", "{\"outcome\":\"RECTIFY\"}"), "TITLED");

    // not this county's, or no such application
    assertProblem(post(ROLLUP, titled, "/reinspection", "{\"scheduledOn\":\"2026-03-10\"}"), 404, titled.toString());
    assertProblem(post(county, UUID.randomUUID(), "/reinspection/outcome", "{\"outcome\":\"KEEP\"}"), 404, "no demonstration application");
    assertProblem(get(base(county) + "/programmes/DT-NONE/progress"), 404, "DT-NONE");

    // malformed: 400 naming the field
    assertProblem(post(county, titled, "/reinspection", "{}"), 400, "scheduledOn");
    assertProblem(post(county, titled, "/reinspection", "{\"scheduledOn\":\"next week\"}"), 400, "scheduledOn");
    assertProblem(post(county, titled, "/reinspection", "{\"scheduledOn\":\"2026-03-10\",\"validUntil\":\"2030-01-01\"}"), 400,
        "validUntil");
    assertProblem(post(county, titled, "/reinspection", "{\"scheduledOn\":\"2026-03-10\",\"note\":\"" + "长".repeat(2001) + "\"}"),
        400, "note");
    assertProblem(post(county, reinspecting, "/reinspection/outcome", "{\"note\":\"x\"}"), 400, "outcome");
    assertProblem(post(county, reinspecting, "/reinspection/outcome", "{\"outcome\":\"MAYBE\"}"), 400, "outcome");
    assertProblem(post(county, rectifying, "/rectification/outcome", "{\"outcome\":\"RECTIFY\"}"), 400, "outcome");
    assertProblem(post(base(county) + "/applications/not-a-uuid/reinspection", "{\"scheduledOn\":\"2026-03-10\"}"), 400,
        "applicationId");
    assertProblem(get(base(county) + "/titles?status=HELD"), 400, "status");

    // breaks a rule: 422 naming the field
    assertProblem(post(county, titled, "/reinspection", "{\"scheduledOn\":\"2026-03-01\"}"), 422, "scheduledOn: 2026-03-01 is before today");
    assertProblem(post(county, titled, "/reinspection", "{\"scheduledOn\":\"2028-09-01\"}"), 422,
        "scheduledOn: 2028-09-01 is after the title's last valid day 2028-08-31");
    assertProblem(post(county, reinspecting, "/reinspection/outcome", "{\"outcome\":\"RECTIFY\",\"note\":\"整改\"}"), 422,
        "rectificationDeadline: required");
    assertProblem(post(county, reinspecting, "/reinspection/outcome",
        "{\"outcome\":\"RECTIFY\",\"rectificationDeadline\":\"2026-03-02\",\"note\":\"整改\"}"), 422, "rectificationDeadline");
    assertProblem(post(county, reinspecting, "/reinspection/outcome",
        "{\"outcome\":\"RECTIFY\",\"rectificationDeadline\":\"2028-09-01\",\"note\":\"整改\"}"), 422, "rectificationDeadline");
    assertProblem(post(county, reinspecting, "/reinspection/outcome",
        "{\"outcome\":\"RECTIFY\",\"rectificationDeadline\":\"2026-04-30\"}"), 422, "note: required for RECTIFY");
    assertProblem(post(county, reinspecting, "/reinspection/outcome", "{\"outcome\":\"REVOKE\",\"note\":\"  \"}"), 422,
        "note: required for REVOKE");
    assertProblem(post(county, reinspecting, "/reinspection/outcome",
        "{\"outcome\":\"KEEP\",\"rectificationDeadline\":\"2026-04-30\"}"), 422, "rectificationDeadline: only a RECTIFY outcome");
    assertProblem(post(county, rectifying, "/rectification/outcome", "{\"outcome\":\"REVOKE\"}"), 422, "note: required for REVOKE");

    awaitOutboxDrained();
    assertThat(countyState(county)).as("nothing written by a refused request").isEqualTo(before);
  }

  @Test
  void theCountysDemonstrationSchoolsRollupCountsTitlesHeldAndFollowsEveryTitleGainedOrLostOnlyOnce() {
    String county = ROLLUP;
    clock.set(MARCH_2);
    for (int i = 1; i <= 4; i++) {
      putSchool(county, county + "000" + i, "学校" + i, "PRIMARY", null);
    }
    // no title yet is a figure, 0 against the target, from the county's first school on (one version
    // per school registered: the schools expected grow)
    JsonNode none = rollup(county, DEMONSTRATION, CYCLE).getBody();
    assertThat(figures(county, CYCLE)).isEqualTo("0/1 v4");
    assertThat(none.get("schoolsExpected").asInt()).isEqualTo(4);
    assertThat(none.get("met").asBoolean()).isFalse();
    String programme = DemonstrationFixtures.programme(jdbc, county, "DT-" + county);

    UUID a = award(county, programme, "9901430001", TODAY, LocalDate.parse("2029-03-01"));
    assertThat(figures(county, CYCLE)).isEqualTo("1/1 v5");
    UUID b = award(county, programme, "9901430002", TODAY, LocalDate.parse("2029-03-01"));
    // a title awarded in the previous cycle, valid through 2026-06-30
    UUID c = award(county, programme, "9901430003", LocalDate.parse("2023-07-01"), LocalDate.parse("2026-06-30"));
    JsonNode three = rollup(county, DEMONSTRATION, CYCLE).getBody();
    assertThat(three.get("numerator").asLong()).isEqualTo(3);
    assertThat(three.get("denominator").asLong()).isEqualTo(1);
    assertThat(three.get("schoolsExpected").asInt()).isEqualTo(4);
    assertThat(three.get("schoolsReporting").asInt()).isEqualTo(4);
    assertThat(three.get("schoolsMeetingTarget").asInt()).isEqualTo(3);
    assertThat(three.get("target").decimalValue()).isEqualByComparingTo("3");
    assertThat(three.get("met").asBoolean()).isTrue();
    assertThat(three.get("lineage").isEmpty()).isTrue();
    assertThat(three.get("schoolsOnTime").isNull()).isTrue();
    assertThat(three.get("version").asLong()).isEqualTo(7);
    // the previous cycle counts the titles held on its last day, 2024-08-31
    assertThat(figures(county, "2021-2024")).isEqualTo("1/1 v1");

    // a revocation: two titles left
    ok(post(county, b, "/reinspection", "{\"scheduledOn\":\"2026-03-02\"}"));
    ok(post(county, b, "/reinspection/outcome", "{\"outcome\":\"REVOKE\",\"note\":\"撤销称号\"}"));
    assertThat(figures(county, CYCLE)).isEqualTo("2/1 v8");
    assertThat(rollup(county, DEMONSTRATION, CYCLE).getBody().get("met").asBoolean()).isFalse();

    // c's validity ends: the sweep on 2026-07-01 expires it; the previous cycle still counts it on its last day
    clock.set(Instant.parse("2026-07-01T02:00:00Z"));
    sweep.sweep();
    assertThat(statusAndVersion(c)).isEqualTo("EXPIRED:3");
    assertThat(figures(county, CYCLE)).isEqualTo("1/1 v9");
    assertThat(figures(county, "2021-2024")).isEqualTo("1/1 v1");

    awaitOutboxDrained();
    List<CountyRollupPublished> published = rollupEvents(county, DEMONSTRATION, CYCLE);
    assertThat(published).extracting(CountyRollupPublished::numerator).containsExactly(0L, 0L, 0L, 0L, 1L, 2L, 3L, 2L, 1L);
    assertThat(published).extracting(CountyRollupPublished::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(published).extracting(CountyRollupPublished::schoolsExpected).containsExactly(1, 2, 3, 4, 4, 4, 4, 4, 4);
    assertThat(published).allSatisfy(e -> {
      assertThat(e.denominator()).isEqualTo(1);
      assertThat(e.schoolsReporting()).isEqualTo(e.schoolsExpected());
      assertThat(e.schoolsMeetingTarget()).isEqualTo((int) e.numerator());
      assertThat(e.lineage()).isEmpty();
      assertThat(e.schoolsOnTime()).isNull();
      assertThat(e.deadline()).isNull();
    });

    // every status change again (a replay), and the sweep again: nothing new
    long rollupRows = rollupOutboxRows(county);
    for (UUID id : List.of(a, b, c)) {
      for (TrailEntry e : applications.history(id)) {
        if (e.toStatus() != null) {
          String school = jdbc.sql("select school_id from demonstration_application where id = ?").param(id).query(String.class).single();
          tx.executeWithoutResult(s -> springEvents.publishEvent(
              new StatusMoved(id, county, programme, school, e.fromStatus(), e.toStatus())));
        }
      }
    }
    sweep.sweep();
    rollups.publishTodaysUnitCounts();
    assertThat(rollupOutboxRows(county)).isEqualTo(rollupRows);
    assertThat(figures(county, CYCLE)).isEqualTo("1/1 v9");
    assertThat(figures(county, "2021-2024")).isEqualTo("1/1 v1");

    // the registry still decides the schools expected; the figure stays the titles'
    putSchool(county, "9901430005", "学校5", "PRIMARY", null);
    JsonNode grown = rollup(county, DEMONSTRATION, CYCLE).getBody();
    assertThat(grown.get("version").asLong()).isEqualTo(10);
    assertThat(grown.get("numerator").asLong()).isEqualTo(1);
    assertThat(grown.get("schoolsExpected").asInt()).isEqualTo(5);

    // a new programme cycle begins with no event to mark it: the nightly run gives the county its
    // figure of the new cycle (a, valid through 2029-03-01, is the one title still held), once
    clock.set(Instant.parse("2027-09-01T17:00:00Z"));
    assertThat(rollup(county, DEMONSTRATION, "2027-2030").getStatusCode().value()).isEqualTo(404);
    rollups.publishTodaysUnitCounts();
    assertThat(figures(county, "2027-2030")).isEqualTo("1/1 v1");
    long afterNewCycle = rollupOutboxRows(county);
    rollups.publishTodaysUnitCounts();
    assertThat(rollupOutboxRows(county)).isEqualTo(afterNewCycle);
  }

  @Test
  void progressPerXuequCountsTitlesHeldTodayAgainstTheQuotasAndTheTitleListFilters() {
    String county = PROGRESS;
    clock.set(MARCH_2);
    String east = county + "-XQ1";
    String west = county + "-XQ2";
    putXuequ(county, east, "城东学区");
    putXuequ(county, west, "城西学区");
    Map<String, String> xuequOf = new HashMap<>();
    for (int i = 1; i <= 14; i++) {
      String school = county + String.format("%04d", i);
      String xuequ = i <= 6 || i == 14 ? east : i <= 10 || i == 13 ? west : null;
      xuequOf.put(school, xuequ == null ? "" : xuequ);
      putSchool(county, school, "学校" + i, "PRIMARY", xuequ);
    }
    String programme = DemonstrationFixtures.programme(jdbc, county, "DT-" + county);
    String other = DemonstrationFixtures.programme(jdbc, county, "DT-" + county + "-B");
    jdbc.sql("insert into demonstration_quota (programme_id, xuequ_key, quota) values (?, '', 2), (?, ?, 5), (?, ?, 3)")
        .params(programme, programme, east, programme, west).update();

    String held = "2025-09-01";
    String until = "2028-08-31";
    UUID s1 = progressTitle(county, programme, 1, xuequOf, TITLED, held, until);
    progressTitle(county, programme, 2, xuequOf, RECTIFYING, held, until);
    progressApplication(county, programme, 3, xuequOf, APPLIED);
    progressApplication(county, programme, 4, xuequOf, CREATING);
    progressApplication(county, programme, 5, xuequOf, ASSESSING);
    UUID s6 = progressTitle(county, programme, 6, xuequOf, REVOKED, "2024-10-01", "2027-09-30");
    progressApplication(county, programme, 7, xuequOf, SELF_EVALUATED);
    progressApplication(county, programme, 8, xuequOf, DEFERRED);
    progressTitle(county, programme, 9, xuequOf, EXPIRED, "2022-09-01", "2025-08-31");
    progressApplication(county, programme, 10, xuequOf, DECLINED);
    UUID s11 = progressTitle(county, programme, 11, xuequOf, TITLED, held, until);
    progressTitle(county, programme, 12, xuequOf, REINSPECTING, held, until);
    // validity ended yesterday, the sweep has not run yet: still TITLED, no longer held
    progressTitle(county, programme, 13, xuequOf, TITLED, "2023-03-02", "2026-03-01");
    progressTitle(county, other, 14, xuequOf, TITLED, held, until);

    JsonNode progress = ok(get(base(county) + "/programmes/" + programme + "/progress"));
    assertThat(progress.get("target").asInt()).isEqualTo(10);
    assertThat(progress.get("asOf").asString()).isEqualTo("2026-03-02");
    assertThat(progress.get("titlesHeld").asLong()).isEqualTo(4);
    assertThat(progress.get("revoked").asLong()).isEqualTo(1);
    assertThat(progress.get("expired").asLong()).isEqualTo(1);
    List<String> rows = new ArrayList<>();
    progress.get("byXuequ").forEach(x -> rows.add(String.join(":", x.get("xuequKey").asString(),
        x.get("xuequId").isNull() ? "-" : x.get("xuequId").asString(), x.get("xuequName").isNull() ? "-" : x.get("xuequName").asString(),
        "quota=" + x.get("quota").asInt(), "held=" + x.get("held").asLong(), "applied=" + x.get("applied").asLong(),
        "creating=" + x.get("creating").asLong(), "inAssessment=" + x.get("inAssessment").asLong(),
        "revoked=" + x.get("revoked").asLong(), "expired=" + x.get("expired").asLong(), "met=" + x.get("quotaMet").asBoolean())));
    assertThat(rows).containsExactly(
        "direct:-:-:quota=2:held=2:applied=0:creating=0:inAssessment=0:revoked=0:expired=0:met=true",
        east + ":" + east + ":城东学区:quota=5:held=2:applied=1:creating=1:inAssessment=1:revoked=1:expired=0:met=false",
        west + ":" + west + ":城西学区:quota=3:held=0:applied=0:creating=0:inAssessment=2:revoked=0:expired=1:met=false");

    // the title list: every title of the county, of one programme, in one status
    assertThat(ok(get(base(county) + "/titles")).size()).isEqualTo(8);
    JsonNode ofProgramme = ok(get(base(county) + "/titles?programmeId=" + programme));
    assertThat(ofProgramme.size()).isEqualTo(7);
    JsonNode titled = ok(get(base(county) + "/titles?programmeId=" + programme + "&status=TITLED"));
    List<String> titledIds = new ArrayList<>();
    titled.forEach(t -> titledIds.add(t.get("applicationId").asString()));
    assertThat(titled.size()).isEqualTo(3);
    assertThat(titledIds).contains(s1.toString(), s11.toString());
    JsonNode first = byId(ofProgramme, s1);
    assertThat(first.get("schoolId").asString()).isEqualTo("9901440001");
    assertThat(first.get("schoolName").asString()).isEqualTo("学校1");
    assertThat(first.get("xuequId").asString()).isEqualTo(east);
    assertThat(first.get("xuequName").asString()).isEqualTo("城东学区");
    assertThat(first.get("awardedOn").asString()).isEqualTo(held);
    assertThat(first.get("validUntil").asString()).isEqualTo(until);
    assertThat(first.get("status").asString()).isEqualTo("TITLED");
    assertThat(first.get("finalScore").decimalValue()).isEqualByComparingTo(new BigDecimal("35.00"));
    assertThat(first.get("endedOn").isNull()).isTrue();
    assertThat(byId(ofProgramme, s11).get("xuequId").isNull()).isTrue();
    assertThat(byId(ofProgramme, s6).get("endedOn").asString()).isEqualTo("2025-10-01");
    assertThat(ok(get(base(county) + "/titles?status=REVOKED")).size()).isEqualTo(1);
  }

  @Test
  void accessMatrixOfTheTitleEndpoints() {
    String base = "/api/district/counties/";
    LocalDate today = calendar.today();
    Map<String, UUID> titled = new HashMap<>();
    Map<String, UUID> reinspecting = new HashMap<>();
    Map<String, UUID> rectifying = new HashMap<>();
    for (Target t : Target.values()) {
      String c = Level.COUNTY.id(t);
      String programme = DemonstrationFixtures.programme(jdbc, c, "DT-M-" + c);
      String awarded = today.minusDays(200).toString();
      String until = today.plusYears(3).toString();
      titled.put(c, title(c, programme, c + "9941", TITLED, awarded, until));
      reinspecting.put(c, title(c, programme, c + "9942", REINSPECTING, awarded, until));
      rectifying.put(c, title(c, programme, c + "9943", RECTIFYING, awarded, until));
      jdbc.sql("update demonstration_title set rectification_deadline = ? where application_id = ?")
          .params(today.plusDays(30), rectifying.get(c)).update();
    }
    Set<String> readers = Set.of("county-assessor", "county-admin", "city-staff", "city-admin");
    Set<String> countyAdmin = Set.of("county-admin");
    var endpoints = List.of(
        Endpoint.get(Level.COUNTY, c -> base + c + "/demonstration/titles", readers),
        Endpoint.get(Level.COUNTY, c -> base + c + "/demonstration/programmes/DT-M-" + c + "/progress", readers),
        Endpoint.send("POST", Level.COUNTY, c -> base + c + "/demonstration/applications/" + titled.get(c) + "/reinspection",
            "{\"scheduledOn\":\"" + today.plusDays(7) + "\"}", countyAdmin),
        Endpoint.send("POST", Level.COUNTY,
            c -> base + c + "/demonstration/applications/" + reinspecting.get(c) + "/reinspection/outcome",
            "{\"outcome\":\"KEEP\"}", countyAdmin),
        Endpoint.send("POST", Level.COUNTY,
            c -> base + c + "/demonstration/applications/" + rectifying.get(c) + "/rectification/outcome",
            "{\"outcome\":\"KEEP\"}", countyAdmin));

    AccessMatrix.Result result = AccessMatrix.run(endpoints, this::statusOf);
    System.out.println(result.summary("district-service (demonstration titles)"));
    assertThat(result.failures()).as(result.summary("district-service")).isEmpty();

    // only the own county's admin changed its own titles
    String own = Level.COUNTY.id(Target.OWN);
    assertThat(statusAndVersion(titled.get(own))).isEqualTo("REINSPECTING:2");
    assertThat(statusAndVersion(reinspecting.get(own))).isEqualTo("TITLED:2");
    assertThat(statusAndVersion(rectifying.get(own))).isEqualTo("TITLED:2");
    for (Target t : List.of(Target.SIBLING, Target.OTHER_COUNTY)) {
      String c = Level.COUNTY.id(t);
      assertThat(statusAndVersion(titled.get(c))).isEqualTo("TITLED:1");
      assertThat(statusAndVersion(reinspecting.get(c))).isEqualTo("REINSPECTING:1");
      assertThat(statusAndVersion(rectifying.get(c))).isEqualTo("RECTIFYING:1");
    }
  }

  // ---- helpers

  private static String base(String county) {
    return "/api/district/counties/" + county + "/demonstration";
  }

  private UUID title(String county, String programme, String school, DemonstrationStatus status, String awardedOn, String validUntil) {
    return DemonstrationFixtures.title(jdbc, county, programme, school, "", status, LocalDate.parse(awardedOn),
        LocalDate.parse(validUntil));
  }

  private UUID progressTitle(String county, String programme, int n, Map<String, String> xuequOf, DemonstrationStatus status,
      String awardedOn, String validUntil) {
    String school = county + String.format("%04d", n);
    return DemonstrationFixtures.title(jdbc, county, programme, school, xuequOf.get(school), status, LocalDate.parse(awardedOn),
        LocalDate.parse(validUntil));
  }

  private UUID progressApplication(String county, String programme, int n, Map<String, String> xuequOf, DemonstrationStatus status) {
    String school = county + String.format("%04d", n);
    return DemonstrationFixtures.application(jdbc, county, programme, school, xuequOf.get(school), status);
  }

  /** The AWARD decision as the assessment step makes it: the title row first, then ASSESSING → TITLED. */
  private UUID award(String county, String programme, String school, LocalDate awardedOn, LocalDate validUntil) {
    UUID id = DemonstrationFixtures.application(jdbc, county, programme, school, ASSESSING);
    tx.executeWithoutResult(s -> {
      Application a = applications.lock(county, id);
      jdbc.sql("update demonstration_application set final_score = 36.50 where id = ?").param(id).update();
      jdbc.sql("""
              insert into demonstration_title (application_id, programme_id, county_id, school_id, xuequ_key, awarded_on,
                valid_until, updated_at) values (?, ?, ?, ?, '', ?, ?, now())""")
          .params(id, programme, county, school, awardedOn, validUntil).update();
      applications.transition(a, TITLED, "it-county-admin-" + county, "AWARD", "达到认定标准", Map.of("finalScore", "36.50"));
    });
    return id;
  }

  /** numerator/denominator and version of the county's DEMONSTRATION_SCHOOLS rollup of a period. */
  private String figures(String county, String period) {
    JsonNode r = rollup(county, DEMONSTRATION, period).getBody();
    return r.get("numerator").asLong() + "/" + r.get("denominator").asLong() + " v" + r.get("version").asLong();
  }

  private long rollupOutboxRows(String county) {
    return jdbc.sql("select count(*) from outbox_event where topic = ? and record_key = ?")
        .params(Topics.DISTRICT_INDICATOR_ROLLUPS, county).query(Long.class).single();
  }

  /** status:version of one application. */
  private String statusAndVersion(UUID id) {
    return jdbc.sql("select status || ':' || version from demonstration_application where id = ?").param(id).query(String.class).single();
  }

  private String endedOn(UUID id) {
    return jdbc.sql("select ended_on::text from demonstration_title where application_id = ?").param(id).query(String.class).single();
  }

  /** The county's applications, titles, trail and outbox rows, as text. */
  private String countyState(String county) {
    return jdbc.sql("""
            select coalesce(string_agg(concat_ws(':', a.id, a.status, a.version, a.updated_at, t.reinspection_on,
              t.rectification_deadline, t.ended_on, t.updated_at), ',' order by a.id), '-')
            from demonstration_application a left join demonstration_title t on t.application_id = a.id
            where a.county_id = ?""").param(county).query(String.class).single()
        + "|" + count("select count(*) from demonstration_trail where application_id in"
            + " (select id from demonstration_application where county_id = '" + county + "')")
        + "|" + count("select count(*) from outbox_event where record_key = '" + county + "'");
  }

  private DemonstrationStatusChanged statusEvent(UUID applicationId, long version) {
    return readAll(Topics.DISTRICT_DEMONSTRATION).stream()
        .filter(r -> "DemonstrationStatusChanged".equals(EventCodec.typeOf(r.value())))
        .map(r -> EventCodec.decode(r.value(), DemonstrationStatusChanged.class).payload())
        .filter(e -> e.applicationId().equals(applicationId) && e.version() == version)
        .findFirst().orElseThrow(() -> new AssertionError("no status event v" + version + " of " + applicationId));
  }

  private static JsonNode byId(JsonNode titles, UUID id) {
    for (JsonNode t : titles) {
      if (t.get("applicationId").asString().equals(id.toString())) {
        return t;
      }
    }
    throw new AssertionError("no title of " + id + " in " + titles);
  }

  private ResponseEntity<JsonNode> post(String county, UUID applicationId, String suffix, String json) {
    return post(base(county) + "/applications/" + applicationId + suffix, json);
  }

  private ResponseEntity<JsonNode> post(String path, String json) {
    return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  private static JsonNode ok(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  private static void assertConflict(ResponseEntity<JsonNode> response, String currentStatus) {
    assertProblem(response, 409, "is " + currentStatus);
    assertThat(response.getBody().get("currentStatus").asString()).isEqualTo(currentStatus);
  }
}
