package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.gongyu.tools.GongyuClient.Registration;
import org.gongyu.tools.GongyuClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * One semester walked up the approval chain on the running platform (issue 15 item 7, ADR 0019),
 * through the gateway, as the realm's users, with the real broker between the tiers: three schools
 * see their county's deadline and sign off the semester they are in (school-service locks it and
 * keeps a refused write aside); the county (district-service) returns one school with a comment,
 * which lifts that school's lock, and approves all three once it has signed off again, its rollup
 * counting the sign-offs in force, on time and approved; the county submits to the city (city-service),
 * whose staff accept; reporting-service shows the approved figures beside the live ones; the county
 * reopens a school with a reason, which withdraws its submission at the city. Every role's inbox is
 * checked at each step. The walk and the inboxes are printed for the record.
 */
@ExtendWith(SharedPlatform.class)
class PeriodApprovalSystemIT {

  static final String CITY = "990100";
  static final String COUNTY = "990501";
  static final String S1 = "9905010001";
  static final String S2 = "9905010002";
  static final String S3 = "9905010003";
  static final List<String> SCHOOLS = List.of(S1, S2, S3);
  static final Map<String, Integer> REGISTERED = Map.of(S1, 10, S2, 15, S3, 20);
  static final int LATE = 5;
  static final int ENROLMENT = 40;
  static final String INDICATOR = IndicatorCodes.PLATFORM_REGISTRATION;
  static final ZoneId ZONE = DemoCity.ZONE;
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final String RETURN_COMMENT = "本学期新注册的家长尚未录入，请补录后重新上报";
  static final String REOPEN_REASON = "复核发现一年级注册人数有误，请更正后重新上报";

  static final GongyuClient client = new GongyuClient(SharedPlatform.GATEWAY, SharedPlatform.KEYCLOAK, false);
  static final Semester SEMESTER = Semester.containing(LocalDate.now(ZONE), SchoolCalendar.DEFAULT);
  static final String P = SEMESTER.id();
  static final String APPROVALS = "/api/district/counties/" + COUNTY + "/approvals/" + P;
  static final String CITY_APPROVALS = "/api/city/approvals/" + P;
  static final String ROLLUP = "/api/district/counties/" + COUNTY + "/rollups/" + INDICATOR + "/" + P;

  final List<String> walk = new ArrayList<>();
  final long started = System.nanoTime();

  @Test
  void oneSemesterFromSchoolSignOffToCityAcceptanceAndBackByAReopening() {
    GongyuClient cityStaff = client.as("city-staff");

    // ---- 1. a county of three schools with figures for the semester, and its deadline
    client.putCounty(COUNTY, "审核县");
    for (String s : SCHOOLS) {
      client.putSchool(COUNTY, s, "审核县第" + s.substring(9) + "小学", "PRIMARY", null);
      client.putClass(s, "C1", SEMESTER.schoolYear(), 1, "一年级1班", ENROLMENT);
      require(client.postRegistrations(s, P, registrations(s, 1, REGISTERED.get(s))), "registrations " + s);
    }
    Instant deadline = LocalDate.now(ZONE).plusDays(20).atTime(17, 0).atZone(ZONE).toInstant();
    client.putDeadline(COUNTY, P, deadline);
    note("setup: county %s, schools %s, class C1 (%d enrolled) each, registrations %s in %s; deadline %s", COUNTY, SCHOOLS,
        ENROLMENT, REGISTERED, P, deadline);
    eventually("reporting has every school's live figure", () -> client.countyReport(INDICATOR, P, COUNTY),
        r -> r.ok() && r.body().at("/county/numerator").asLong(-1) == 45);
    for (String s : SCHOOLS) {
      eventually("school " + s + " knows its county's deadline", () -> client.get(signOffs(s)),
          r -> r.ok() && deadline.toString().equals(r.body().path("deadline").asString()));
    }
    note("GET %s (each school) -> NOT_SIGNED_OFF, the county's deadline %s shown", signOffs(S1), deadline);

    // ---- 2. the school admins sign off; a second sign-off is refused
    Map<String, JsonNode> signedOff = new LinkedHashMap<>();
    for (String s : SCHOOLS) {
      Reply r = client.post(signOffs(s), Map.of());
      assertThat(r.status()).as("sign-off of " + s + ": " + r.body()).isEqualTo(201);
      assertThat(r.body().path("state").asString()).isEqualTo("SIGNED_OFF");
      assertThat(r.body().path("locked").asBoolean()).isTrue();
      assertThat(r.body().path("signOffVersion").asLong()).isEqualTo(1);
      assertThat(figure(r.body(), INDICATOR)).as(s).isEqualTo(REGISTERED.get(s) + "/" + ENROLMENT);
      signedOff.put(s, r.body());
      note("POST %s as %s -> 201 SIGNED_OFF v1, locked, %s %s", signOffs(s), schoolAdmin(s), INDICATOR, figure(r.body(), INDICATOR));
    }
    Reply twice = client.post(signOffs(S1), Map.of());
    assertProblem("signed off twice", twice, 409, P);
    assertThat(twice.body().path("detail").asString()).contains("awaiting the county's review");
    note("POST %s again -> 409 problem+json: %s", signOffs(S1), twice.body().path("detail").asString());

    // ---- 3. a write dated in the signed-off semester is refused and kept aside
    Reply locked = client.postRegistrations(S2, P, registrations(S2, REGISTERED.get(S2) + 1, LATE));
    assertProblem("a write dated in the signed-off period", locked, 409, P);
    assertThat(locked.body().path("detail").asString()).contains("signed off").contains("returns or reopens");
    note("POST /api/school/schools/%s/platform-registrations (%d dated in %s) -> 409 problem+json: %s", S2, LATE, P,
        locked.body().path("detail").asString());
    JsonNode kept = require(client.get("/api/school/schools/" + S2 + "/late-submissions"), "late submissions").body();
    assertThat(kept.size()).as(kept.toString()).isEqualTo(1);
    JsonNode late = kept.get(0);
    assertThat(late.path("family").asString()).isEqualTo("platform-registrations");
    assertThat(late.path("method").asString()).isEqualTo("POST");
    assertThat(late.path("periodId").asString()).isEqualTo(P);
    assertThat(late.path("signOffVersion").asLong()).isEqualTo(1);
    assertThat(late.path("items").asInt()).isEqualTo(LATE);
    assertThat(late.path("status").asString()).isEqualTo("KEPT");
    assertThat(kept.toString()).as("listed without content").doesNotContain("ST-" + S2);
    note("GET /api/school/schools/%s/late-submissions -> 200 [%s %s %s items=%d %s]", S2, late.path("family").asString(),
        late.path("method").asString(), late.path("periodId").asString(), late.path("items").asInt(), late.path("status").asString());

    // ---- 4. the county sees the sign-offs, returns one school, approves the others
    Reply overview = eventually("the county sees three sign-offs awaiting review", () -> client.get(APPROVALS),
        r -> r.ok() && r.body().path("awaitingReview").asInt() == 3);
    assertThat(overview.body().path("schoolsExpected").asInt()).isEqualTo(3);
    assertThat(overview.body().path("maySubmit").asBoolean()).isFalse();
    note("GET %s as %s -> 200 expected 3, awaitingReview 3", APPROVALS, countyAdmin());
    JsonNode detail = require(client.get(APPROVALS + "/schools/" + S3), "school detail").body();
    assertThat(figure(detail, INDICATOR)).as("the county sees the signed-off figure").isEqualTo(figure(signedOff.get(S3), INDICATOR));
    eventually("the county admins are told of each sign-off", () -> inbox(countyAdminClient(), "district"),
        r -> texts(r, "school-signed-off", P).size() == 3);

    Reply noComment = client.post(APPROVALS + "/schools/" + S2 + "/return", Map.of("signOffVersion", 1));
    assertProblem("a return without a comment", noComment, 422, "");
    Reply returned = client.post(APPROVALS + "/schools/" + S2 + "/return", Map.of("signOffVersion", 1, "comment", RETURN_COMMENT));
    assertThat(require(returned, "return").body().path("state").asString()).isEqualTo("RETURNED");
    note("POST %s/schools/%s/return without comment -> 422; with comment -> 200 RETURNED", APPROVALS, S2);
    eventually("the returned school's admins read the comment", () -> inbox(schoolAdminClient(S2), "school"),
        r -> texts(r, "report-returned", P).stream().anyMatch(t -> t.contains(RETURN_COMMENT)));
    Reply unlocked = eventually("the return lifts the school's lock", () -> client.get(signOffs(S2)),
        r -> r.ok() && "RETURNED".equals(r.body().path("state").asString()));
    assertThat(unlocked.body().path("locked").asBoolean()).isFalse();
    assertThat(unlocked.body().path("comment").asString()).isEqualTo(RETURN_COMMENT);
    note("GET %s -> RETURNED, locked=false, comment shown", signOffs(S2));
    Reply tally = eventually("the county rollup counts the sign-offs in force", () -> client.get(ROLLUP),
        r -> r.ok() && r.body().path("schoolsSignedOff").asInt(-1) == 2);
    assertThat(tally.body().path("schoolsSignedOffOnTime").asInt()).isEqualTo(2);
    assertThat(tally.body().path("schoolsApproved").asInt()).isZero();
    note("GET %s -> schoolsSignedOff 2 (returned one not counted), on time 2, approved 0, completeness %s", ROLLUP,
        tally.body().path("signOffCompleteness").asString());

    Reply notSignedOff = client.post(APPROVALS + "/schools/" + S2 + "/approval", Map.of("signOffVersion", 1));
    assertProblem("approving a returned sign-off", notSignedOff, 409, S2);
    assertThat(notSignedOff.body().path("currentState").asString()).isEqualTo("RETURNED");
    note("POST %s/schools/%s/approval v1 (returned, no sign-off in force) -> 409 currentState RETURNED", APPROVALS, S2);
    for (String s : List.of(S1, S3)) {
      assertThat(require(approve(s, 1), "approve " + s).body().path("state").asString()).isEqualTo("APPROVED");
      note("POST %s/schools/%s/approval v1 -> 200 APPROVED", APPROVALS, s);
    }
    assertProblem("approving twice", approve(S1, 1), 409, S1);
    Reply early = client.post(APPROVALS + "/submission", Map.of());
    assertProblem("submitting with a school not approved", early, 409, S2);
    assertThat(early.body().path("notApproved").toString()).contains(S2).contains("RETURNED").doesNotContain(S1);
    note("POST %s/schools/%s/approval again -> 409; POST %s/submission -> 409 notApproved %s", APPROVALS, S1, APPROVALS,
        early.body().path("notApproved"));

    // the returned school re-applies its kept write and signs off again
    Reply applied = client.post("/api/school/schools/" + S2 + "/late-submissions/" + late.path("id").asLong() + "/application", Map.of());
    require(applied, "re-apply the kept write");
    assertThat(applied.body().at("/submission/status").asString()).isEqualTo("APPLIED");
    assertThat(applied.body().path("answerStatus").asInt()).isBetween(200, 201);
    note("POST /api/school/schools/%s/late-submissions/%d/application -> 200 APPLIED (replayed write answered %d)", S2,
        late.path("id").asLong(), applied.body().path("answerStatus").asInt());
    Reply again = client.post(signOffs(S2), Map.of());
    assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
    assertThat(again.body().path("signOffVersion").asLong()).isEqualTo(2);
    assertThat(figure(again.body(), INDICATOR)).isEqualTo((REGISTERED.get(S2) + LATE) + "/" + ENROLMENT);
    signedOff.put(S2, again.body());
    note("POST %s -> 201 SIGNED_OFF v2, %s %s", signOffs(S2), INDICATOR, figure(again.body(), INDICATOR));

    eventually("the county sees version 2", () -> client.get(APPROVALS + "/schools/" + S2),
        r -> r.ok() && "SIGNED_OFF".equals(r.body().path("state").asString()) && r.body().path("signOffVersion").asLong() == 2);
    Reply outdated = approve(S2, 1);
    assertProblem("reviewing an outdated sign-off version", outdated, 409, S2);
    assertThat(outdated.body().path("currentSignOffVersion").asLong()).isEqualTo(2);
    assertThat(require(approve(S2, 2), "approve v2").body().path("state").asString()).isEqualTo("APPROVED");
    note("POST %s/schools/%s/approval v1 -> 409 currentSignOffVersion 2; v2 -> 200 APPROVED", APPROVALS, S2);
    overview = require(client.get(APPROVALS), "overview");
    assertThat(overview.body().path("approved").asInt()).isEqualTo(3);
    assertThat(overview.body().path("maySubmit").asBoolean()).isTrue();
    tally = eventually("the county rollup counts three approvals", () -> client.get(ROLLUP),
        r -> r.ok() && r.body().path("schoolsApproved").asInt(-1) == 3);
    assertThat(tally.body().path("schoolsSignedOff").asInt()).isEqualTo(3);
    assertThat(tally.body().path("schoolsSignedOffOnTime").asInt()).isEqualTo(3);
    assertThat(tally.body().path("signOffCompleteness").decimalValue()).isEqualByComparingTo("1");
    assertThat(tally.body().path("signOffTimeliness").decimalValue()).isEqualByComparingTo("1");
    note("GET %s -> schoolsSignedOff 3, on time 3, approved 3 (completeness %s, timeliness %s)", ROLLUP,
        tally.body().path("signOffCompleteness").asString(), tally.body().path("signOffTimeliness").asString());

    // ---- 5. the county submits; city staff see it and accept; the county is told
    Reply submitted = require(client.post(APPROVALS + "/submission", Map.of()), "submit");
    JsonNode submission = submitted.body().path("submission");
    assertThat(submission.path("status").asString()).isEqualTo("SUBMITTED");
    assertThat(submission.path("version").asLong()).isEqualTo(1);
    assertThat(submission.path("inForce").asBoolean()).isTrue();
    assertThat(pairs(submission.path("schools"))).containsExactly(S1 + "@1", S2 + "@2", S3 + "@1");
    assertThat(client.post(APPROVALS + "/submission", Map.of()).status()).as("submitted twice").isEqualTo(409);
    note("POST %s/submission -> 200 SUBMITTED v1 %s; again -> 409", APPROVALS, pairs(submission.path("schools")));

    Reply atCity = eventually("city staff see the submission", () -> cityStaff.get(CITY_APPROVALS),
        r -> r.ok() && "SUBMITTED".equals(countyLine(r).path("state").asString()));
    assertThat(countyLine(atCity).path("submissionVersion").asLong()).isEqualTo(1);
    assertThat(countyLine(atCity).path("schools").asInt()).isEqualTo(3);
    note("GET %s as city-staff -> 200 %s SUBMITTED v1, 3 schools", CITY_APPROVALS, COUNTY);
    JsonNode cityDetail = require(cityStaff.get(CITY_APPROVALS + "/counties/" + COUNTY), "city detail").body();
    assertThat(pairs(cityDetail.path("schools"))).containsExactly(S1 + "@1", S2 + "@2", S3 + "@1");
    eventually("city staff are told of the submission", () -> inbox(cityStaff, "city"),
        r -> texts(r, "county-submission", COUNTY).stream().anyMatch(t -> t.contains(P)));
    assertProblem("a city return without a comment",
        cityStaff.post(CITY_APPROVALS + "/counties/" + COUNTY + "/return", Map.of("submissionVersion", 1)), 422, "");
    assertProblem("deciding another submission version",
        cityStaff.post(CITY_APPROVALS + "/counties/" + COUNTY + "/acceptance", Map.of("submissionVersion", 2)), 409, COUNTY);
    Reply accepted = require(cityStaff.post(CITY_APPROVALS + "/counties/" + COUNTY + "/acceptance",
        Map.of("submissionVersion", 1, "comment", "数据完整，予以通过")), "accept");
    assertThat(accepted.body().path("state").asString()).isEqualTo("ACCEPTED");
    assertThat(accepted.body().path("decidedBy").asString()).isEqualTo("city-staff");
    assertProblem("accepting twice", cityStaff.post(CITY_APPROVALS + "/counties/" + COUNTY + "/acceptance",
        Map.of("submissionVersion", 1)), 409, COUNTY);
    note("POST %s/counties/%s/return without comment -> 422; acceptance v2 -> 409; acceptance v1 -> 200 ACCEPTED by city-staff; "
        + "again -> 409", CITY_APPROVALS, COUNTY);
    Reply decided = eventually("the county sees the city's decision", () -> client.get(APPROVALS),
        r -> r.ok() && "ACCEPTED".equals(r.body().at("/cityDecision/decision").asString()));
    assertThat(decided.body().at("/cityDecision/onCurrentSubmission").asBoolean()).isTrue();
    assertThat(decided.body().at("/cityDecision/comment").asString()).isEqualTo("数据完整，予以通过");
    eventually("the county admins are told of the city's decision", () -> inbox(countyAdminClient(), "district"),
        r -> texts(r, "city-decided", P).size() == 1);
    for (String s : SCHOOLS) {
      eventually("school " + s + " is told of its approval", () -> inbox(schoolAdminClient(s), "school"),
          r -> texts(r, "report-approved", P).size() == 1);
    }
    note("GET %s -> cityDecision ACCEPTED on the current submission", APPROVALS);

    // ---- 6. reports: the approved figures beside the live ones, and approved only
    Reply report = eventually("reporting shows every school's approved figure", () -> client.countyReport(INDICATOR, P, COUNTY),
        r -> r.ok() && r.body().at("/county/approved/schoolsApproved").asInt() == 3);
    long signedOffSum = 0;
    long signedOffDenominator = 0;
    for (String s : SCHOOLS) {
      String[] f = figure(signedOff.get(s), INDICATOR).split("/");
      signedOffSum += Long.parseLong(f[0]);
      signedOffDenominator += Long.parseLong(f[1]);
      JsonNode row = schoolRow(report.body(), s);
      assertThat(row.at("/approved/numerator").asLong() + "/" + row.at("/approved/denominator").asLong()).as(s)
          .isEqualTo(figure(signedOff.get(s), INDICATOR));
      assertThat(row.at("/approved/differsFromLive").asBoolean()).as(s).isFalse();
    }
    JsonNode countyFigures = report.body().path("county");
    assertThat(countyFigures.at("/approved/numerator").asLong()).isEqualTo(signedOffSum).isEqualTo(50);
    assertThat(countyFigures.at("/approved/denominator").asLong()).isEqualTo(signedOffDenominator);
    assertThat(countyFigures.at("/approved/differsFromLive").asBoolean()).isFalse();
    assertThat(countyFigures.path("numerator").asLong()).as("live").isEqualTo(signedOffSum);
    assertThat(report.body().path("basis").asString()).isEqualTo("LIVE");
    assertThat(countyFigures.path("deadline").asString()).as("the county's deadline reaches the report")
        .isEqualTo(deadline.toString());
    assertThat(countyFigures.path("schoolsOnTime").asInt()).as("every school reported before the deadline").isEqualTo(3);
    JsonNode approvedOnly = require(client.get(countyReportPath() + "?basis=approved"), "basis=approved").body();
    assertThat(approvedOnly.path("basis").asString()).isEqualTo("APPROVED");
    assertThat(approvedOnly.at("/county/numerator").asLong()).isEqualTo(signedOffSum);
    assertThat(approvedOnly.at("/county/schoolsReporting").asInt()).isEqualTo(3);
    assertThat(schoolRow(approvedOnly, S2).path("numerator").asLong()).isEqualTo(REGISTERED.get(S2) + LATE);
    assertThat(client.get(countyReportPath() + "?basis=signed").status()).as("an unknown basis").isEqualTo(400);
    note("GET %s -> LIVE %d/%d (deadline %s, timeliness %s), approved %d/%d (3 schools approved, differsFromLive=false); "
        + "?basis=approved -> APPROVED %d", countyReportPath(), countyFigures.path("numerator").asLong(),
        countyFigures.path("denominator").asLong(), countyFigures.path("deadline").asString(),
        countyFigures.path("timeliness").asString(),
        countyFigures.at("/approved/numerator").asLong(), countyFigures.at("/approved/denominator").asLong(),
        approvedOnly.at("/county/numerator").asLong());

    // ---- 7. the county reopens a school: its submission is withdrawn at the city
    Reply noReason = client.post(APPROVALS + "/schools/" + S3 + "/reopening", Map.of("signOffVersion", 1));
    assertProblem("a reopening without a reason", noReason, 422, "");
    Reply reopened = require(client.post(APPROVALS + "/schools/" + S1 + "/reopening",
        Map.of("signOffVersion", 1, "reason", REOPEN_REASON)), "reopen");
    assertThat(reopened.body().path("state").asString()).isEqualTo("REOPENED");
    JsonNode afterReopen = require(client.get(APPROVALS), "overview after reopening").body();
    assertThat(afterReopen.at("/submission/status").asString()).isEqualTo("WITHDRAWN");
    assertThat(afterReopen.at("/submission/inForce").asBoolean()).isFalse();
    assertThat(afterReopen.at("/submission/reason").asString()).contains(S1).contains(REOPEN_REASON);
    assertThat(afterReopen.path("maySubmit").asBoolean()).isFalse();
    assertThat(afterReopen.at("/cityDecision/onCurrentSubmission").asBoolean()).as("the acceptance is history").isFalse();
    note("POST %s/schools/%s/reopening without reason -> 422 problem+json; POST %s/schools/%s/reopening with reason -> 200 "
        + "REOPENED, submission WITHDRAWN v%d", APPROVALS, S3, APPROVALS, S1, afterReopen.at("/submission/version").asLong());
    Reply withdrawn = eventually("city staff see the submission withdrawn", () -> cityStaff.get(CITY_APPROVALS),
        r -> r.ok() && "WITHDRAWN".equals(countyLine(r).path("state").asString()));
    assertThat(countyLine(withdrawn).path("reason").asString()).contains(REOPEN_REASON);
    assertProblem("accepting a withdrawn submission", cityStaff.post(CITY_APPROVALS + "/counties/" + COUNTY + "/acceptance",
        Map.of("submissionVersion", countyLine(withdrawn).path("submissionVersion").asLong())), 409, COUNTY);
    note("GET %s as city-staff -> %s WITHDRAWN v%d (%s); acceptance -> 409", CITY_APPROVALS, COUNTY,
        countyLine(withdrawn).path("submissionVersion").asLong(), countyLine(withdrawn).path("reason").asString());
    eventually("city staff are told of the withdrawal", () -> inbox(cityStaff, "city"),
        r -> texts(r, "county-submission", COUNTY).stream().anyMatch(t -> t.contains(REOPEN_REASON)));
    eventually("the reopened school's admins read the reason", () -> inbox(schoolAdminClient(S1), "school"),
        r -> texts(r, "report-reopened", P).stream().anyMatch(t -> t.contains(REOPEN_REASON)));
    Reply open = eventually("the reopening lifts the school's lock", () -> client.get(signOffs(S1)),
        r -> r.ok() && "REOPENED".equals(r.body().path("state").asString()));
    assertThat(open.body().path("locked").asBoolean()).isFalse();
    eventually("reporting drops the reopened school's approved figure", () -> client.countyReport(INDICATOR, P, COUNTY),
        r -> r.ok() && r.body().at("/county/approved/schoolsApproved").asInt() == 2
            && schoolRow(r.body(), S1).path("approved").isNull());
    tally = eventually("the county rollup no longer counts the reopened school", () -> client.get(ROLLUP),
        r -> r.ok() && r.body().path("schoolsApproved").asInt(-1) == 2);
    assertThat(tally.body().path("schoolsSignedOff").asInt()).isEqualTo(2);
    note("GET %s -> REOPENED, locked=false; reporting: 2 schools approved, %s's approved figure gone; rollup: signed off 2, "
        + "approved 2", signOffs(S1), S1);

    double seconds = (System.nanoTime() - started) / 1e9;
    printWalk(cityStaff, seconds);
  }

  // ---- the walk and the inboxes, for the record

  void note(String format, Object... args) {
    walk.add(String.format("[%5.1f s] ", (System.nanoTime() - started) / 1e9) + String.format(format, args));
  }

  void printWalk(GongyuClient cityStaff, double seconds) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("period approval walk (%s, county %s) in %.1f s:%n", P, COUNTY, seconds));
    for (int i = 0; i < walk.size(); i++) {
      out.append(String.format("  %2d. %s%n", i + 1, walk.get(i)));
    }
    out.append("inboxes (kind: zh text), newest first:\n");
    for (String s : SCHOOLS) {
      appendInbox(out, schoolAdmin(s), inbox(schoolAdminClient(s), "school"), null);
    }
    appendInbox(out, countyAdmin(), inbox(countyAdminClient(), "district"), null);
    appendInbox(out, "city-staff (this county's)", inbox(cityStaff, "city"), COUNTY);
    System.out.print(out);
  }

  static void appendInbox(StringBuilder out, String who, Reply inbox, String mentioning) {
    out.append("  ").append(who).append(":\n");
    for (JsonNode n : inbox.body().path("items")) {
      if (mentioning == null || n.path("text").asString().contains(mentioning)) {
        out.append("    ").append(n.path("kind").asString()).append(": ").append(n.path("text").asString()).append('\n');
      }
    }
  }

  // ---- helpers

  static String signOffs(String school) {
    return "/api/school/schools/" + school + "/sign-offs/" + P;
  }

  static String countyReportPath() {
    return "/api/reports/indicators/" + INDICATOR + "/periods/" + P + "/counties/" + COUNTY;
  }

  static Reply approve(String school, long signOffVersion) {
    return client.post(APPROVALS + "/schools/" + school + "/approval", Map.of("signOffVersion", signOffVersion));
  }

  static String schoolAdmin(String school) {
    client.accounts().tokenAs("tool", "school-admin", school, CITY);
    return "tool-school-admin-" + school;
  }

  static String countyAdmin() {
    client.accounts().tokenAs("tool", "county-admin", COUNTY, CITY);
    return "tool-county-admin-" + COUNTY;
  }

  static GongyuClient schoolAdminClient(String school) {
    return client.as(schoolAdmin(school));
  }

  static GongyuClient countyAdminClient() {
    return client.as(countyAdmin());
  }

  /** The caller's inbox at one tier ({@code school}, {@code district} or {@code city}), in Chinese. */
  static Reply inbox(GongyuClient as, String tier) {
    return require(as.inLanguage("zh-CN").get("/api/" + tier + "/me/notifications?size=100"), tier + " inbox");
  }

  /** The texts of the inbox's notifications of one kind that mention {@code mentioning}. */
  static List<String> texts(Reply inbox, String kind, String mentioning) {
    List<String> texts = new ArrayList<>();
    for (JsonNode n : inbox.body().path("items")) {
      String text = n.path("text").asString();
      if (kind.equals(n.path("kind").asString()) && text.contains(mentioning)) {
        texts.add(text);
      }
    }
    return texts;
  }

  /** {@code numerator/denominator} of one indicator among a sign-off's figures, or null. */
  static String figure(JsonNode signOff, String indicator) {
    for (JsonNode f : signOff.path("figures")) {
      if (indicator.equals(f.path("indicatorCode").asString())) {
        return f.path("numerator").asLong() + "/" + f.path("denominator").asLong();
      }
    }
    return null;
  }

  static List<String> pairs(JsonNode schools) {
    List<String> pairs = new ArrayList<>();
    schools.forEach(s -> pairs.add(s.path("schoolId").asString() + "@" + s.path("signOffVersion").asLong()));
    return pairs;
  }

  static JsonNode countyLine(Reply cityOverview) {
    for (JsonNode c : cityOverview.body().path("counties")) {
      if (COUNTY.equals(c.path("countyId").asString())) {
        return c;
      }
    }
    return tools.jackson.databind.node.MissingNode.getInstance();
  }

  static JsonNode schoolRow(JsonNode countyReport, String school) {
    for (JsonNode s : countyReport.path("schools")) {
      if (school.equals(s.path("id").asString())) {
        return s;
      }
    }
    throw new AssertionError("no row of " + school + " in " + countyReport);
  }

  static List<Registration> registrations(String school, int from, int count) {
    // the semester's first moment: in it, and never in the future, even on its first day
    String at = SEMESTER.start(SchoolCalendar.DEFAULT).atStartOfDay(ZONE).toInstant().toString();
    List<Registration> records = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      records.add(new Registration("pa-" + school + "-" + i, "C1", "ST-" + school + "-" + i, "PG-" + school + "-" + i, at));
    }
    return records;
  }

  static void assertProblem(String what, Reply r, int status, String mentions) {
    assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(status);
    assertThat(r.problem()).as(what + " is problem+json (" + r.contentType() + ")").isTrue();
    assertThat(r.body().path("detail").asString()).as(what).contains(mentions);
  }

  static Reply require(Reply r, String what) {
    return GongyuClient.require(r, what);
  }

  static Reply eventually(String what, Supplier<Reply> call, Predicate<Reply> done) {
    return GongyuClient.eventually(what, call, done, PATIENCE);
  }
}
