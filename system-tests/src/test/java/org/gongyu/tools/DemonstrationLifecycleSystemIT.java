package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.tools.GongyuClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * One demonstration-school application walked from application to revocation on the running
 * platform, through the gateway, as the realm's users: the city's standard, the county's programme
 * with quotas per 学区, the school's application and self-evaluation (school-service → event →
 * district-service), assessors with conflict-of-interest rules, on-site scores with a consensus,
 * the award (DEMONSTRATION_SCHOOLS rises at county and city), re-inspection, rectification with a
 * deadline, and revocation (the figure falls back). Every service's clock is moved forward together
 * (test deployments only) to pass the creation period and the rectification deadline.
 */
@ExtendWith(SharedPlatform.class)
class DemonstrationLifecycleSystemIT {

  static final String COUNTY = "990301";
  static final String XQ1 = "990301-XQ1";
  static final String XQ2 = "990301-XQ2";
  static final String APPLICANT = "9903010001";
  static final String SIBLING = "9903010002";
  static final String OTHER = "9903010003";
  static final String DIRECT = "9903010004";
  static final String PROGRAMME = "990301-2026";
  static final String STANDARD = "DEMO-SCHOOL";
  static final ZoneId ZONE = DemoCity.ZONE;
  static final Duration PATIENCE = Duration.ofSeconds(60);

  static final GongyuClient client = new GongyuClient(SharedPlatform.GATEWAY, SharedPlatform.KEYCLOAK, false);
  static final String DEMO = "/api/district/counties/" + COUNTY + "/demonstration";
  static final String SCHOOL_DEMO = "/api/school/schools/" + APPLICANT + "/demonstration";

  @AfterAll
  static void clocksBack() {
    SharedPlatform.shiftClocks(Duration.ZERO, cityAdminToken());
  }

  @Test
  void oneApplicationFromAppliedToRevoked() {
    // ---- the city's standard reaches the county
    JsonNode standard = require(client.get("/api/city/standards/" + STANDARD + "/versions/1"), "standard v1").body();
    List<JsonNode> criteria = new ArrayList<>();
    standard.path("areas").forEach(a -> a.path("criteria").forEach(criteria::add));
    assertThat(criteria).hasSize(12);
    BigDecimal passMark = standard.path("passMark").decimalValue();

    client.putCounty(COUNTY, "示范县");
    client.putXuequ(COUNTY, XQ1, "城关学区");
    client.putXuequ(COUNTY, XQ2, "新区学区");
    client.putSchool(COUNTY, APPLICANT, "示范县实验小学", "PRIMARY", XQ1);
    client.putSchool(COUNTY, SIBLING, "示范县第二小学", "PRIMARY", XQ1);
    client.putSchool(COUNTY, OTHER, "示范县新区中学", "JUNIOR_SECONDARY", XQ2);
    client.putSchool(COUNTY, DIRECT, "示范县直属高中", "SENIOR_SECONDARY", null);
    eventually("the county has the city's standard", () -> client.get(DEMO + "/standards"),
        r -> r.ok() && r.body().toString().contains(STANDARD));

    // ---- the county's programme: target 3, quotas per 学区, window open today
    LocalDate today = LocalDate.now(ZONE);
    Map<String, Object> programme = ProgrammeFixture.openToday("2026—2029 协同育人示范学校创建", 3, today, STANDARD);
    require(client.put(DEMO + "/programmes/" + PROGRAMME, programme), "programme");
    Map<String, Object> directQuota = new LinkedHashMap<>();
    directQuota.put("xuequId", null);
    directQuota.put("quota", 1);
    require(client.put(DEMO + "/programmes/" + PROGRAMME + "/quotas",
        Map.of("quotas", List.of(Map.of("xuequId", XQ1, "quota", 2), directQuota))), "quotas");
    require(client.put(DEMO + "/programmes/" + PROGRAMME + "/arrangement/" + XQ1,
        Map.of("schools", List.of(Map.of("schoolId", APPLICANT, "plannedYear", today.getYear()),
            Map.of("schoolId", SIBLING, "plannedYear", today.getYear())))), "arrangement");

    // ---- the school applies (school-service → gongyu.school.demonstration.v1 → district-service)
    eventually("the school sees the open programme", () -> client.get(SCHOOL_DEMO + "/programmes"),
        r -> r.ok() && r.body().toString().contains(PROGRAMME));
    Map<String, Object> application = Map.of("programmeId", PROGRAMME,
        "baseline", List.of(Map.of("areaCode", "A1", "level", 3, "note", "家长学校已建立，数字家长学校注册率偏低")),
        "plan", "一校一案：一年内补齐数字家长学校与家访档案短板");
    Reply leaky = client.post("/api/school/schools/" + OTHER + "/demonstration/applications",
        Map.of("programmeId", PROGRAMME, "baseline", List.of(), "plan", "联系家长 13812345678 了解情况"));
    assertThat(leaky.status()).as("a plan naming a parent's phone").isEqualTo(422);
    String applicationId = require(client.post(SCHOOL_DEMO + "/applications", application), "apply").body()
        .path("applicationId").asString();
    assertThat(client.post(SCHOOL_DEMO + "/applications", application).status()).as("a second application").isEqualTo(409);
    String app = DEMO + "/applications/" + applicationId;
    eventually("the county received the application", () -> client.get(app), r -> r.ok() && "APPLIED".equals(status(r)));

    // ---- the county selects it: the creation period starts
    require(client.post(app + "/accept", Map.of("note", "城关学区推荐")), "accept");
    Reply again = client.post(app + "/accept", Map.of("note", "again"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("currentStatus").asString()).isEqualTo("CREATING");
    eventually("the school sees CREATING", () -> client.get(SCHOOL_DEMO + "/applications/" + applicationId),
        r -> r.ok() && "CREATING".equals(status(r)));

    // ---- the self-evaluation: personal data refused, too early refused
    String selfEval = SCHOOL_DEMO + "/applications/" + applicationId + "/self-evaluation";
    Reply phone = client.put(selfEval + "/items/" + criteria.getFirst().path("code").asString(), item(criteria.getFirst(), "联系人电话 139-1234-5678"));
    assertThat(phone.status()).as("evidence with a phone number").isEqualTo(422);
    for (JsonNode c : criteria) {
      require(client.put(selfEval + "/items/" + c.path("code").asString(), item(c, "档案室 " + c.path("code").asString())), "draft " + c);
    }
    Reply early = client.post(selfEval + "/submit", Map.of());
    assertThat(early.status()).as("submitted before the creation period ended").isEqualTo(409);

    // ---- a month and a bit later (every service's clock moves together)
    SharedPlatform.shiftClocks(Duration.ofDays(32), cityAdminToken());
    require(client.post(selfEval + "/submit", Map.of()), "submit");
    eventually("the county has the self-evaluation", () -> client.get(app), r -> r.ok() && "SELF_EVALUATED".equals(status(r)));

    // ---- assessors: conflicts detected, declared, and cleared
    String a1 = assessor("lc1");
    String a2 = assessor("lc2");
    String former = assessor("lc3");
    String relative = assessor("lc4");
    String own = assessor("lc5");
    putAssessor(a1, "评估专家甲", OTHER, List.of());
    putAssessor(a2, "评估专家乙", null, List.of(DIRECT));
    putAssessor(former, "评估专家丙", SIBLING, List.of(APPLICANT));
    putAssessor(relative, "评估专家丁", null, List.of());
    putAssessor(own, "评估专家戊", APPLICANT, List.of());
    Reply ownSchool = client.post(app + "/assignments", Map.of("assessor", own));
    assertThat(ownSchool.status()).isEqualTo(409);
    assertThat(ownSchool.body().path("conflict").asString()).isEqualTo("OWN_SCHOOL");
    Reply formerEmployer = client.post(app + "/assignments", Map.of("assessor", former));
    assertThat(formerEmployer.status()).isEqualTo(409);
    assertThat(formerEmployer.body().path("conflict").asString()).isEqualTo("FORMER_EMPLOYMENT");
    for (String a : List.of(a1, a2, relative)) {
      require(client.post(app + "/assignments", Map.of("assessor", a)), "assign " + a);
    }
    assertThat(client.as(a1).get(app + "/file").status()).as("the file before declaring").isEqualTo(403);
    assertThat(client.post(app + "/assessment/start", Map.of()).status()).as("start with undeclared assessors").isEqualTo(409);
    require(client.as(relative).post(app + "/assignments/" + relative + "/declaration",
        Map.of("conflicts", List.of("RELATIVE"), "statement", "本人亲属在该校任教")), "declare relative");
    for (String a : List.of(a1, a2)) {
      require(client.as(a).post(app + "/assignments/" + a + "/declaration", Map.of("conflicts", List.of(), "statement", "无利益冲突")),
          "declare " + a);
    }
    assertThat(client.as(relative).get(app + "/file").status()).as("a recused assessor's file").isEqualTo(403);
    JsonNode file = require(client.as(a1).get(app + "/file"), "file").body();
    assertThat(file.toString()).contains(criteria.getFirst().path("code").asString());
    require(client.post(app + "/assessment/start", Map.of()), "start");

    // ---- on-site scores: a1 gives full points less one, a2 the same except a spread of 4 on one criterion
    Map<String, BigDecimal> expected = new LinkedHashMap<>();
    String disputed = criteria.get(4).path("code").asString();
    for (JsonNode c : criteria) {
      String code = c.path("code").asString();
      BigDecimal max = c.path("points").decimalValue();
      BigDecimal s1 = max.subtract(BigDecimal.ONE);
      BigDecimal s2 = code.equals(disputed) ? max.subtract(new BigDecimal("5")) : max.subtract(new BigDecimal("0.5"));
      require(client.as(a1).put(app + "/scores/" + code, Map.of("points", s1, "comment", "现场查看资料齐全")), "score a1 " + code);
      require(client.as(a2).put(app + "/scores/" + code, Map.of("points", s2, "comment", "访谈家长委员会")), "score a2 " + code);
      expected.put(code, s1.add(s2).divide(BigDecimal.TWO, 2, RoundingMode.HALF_EVEN));
    }
    require(client.as(a1).put(app + "/scores/" + disputed, Map.of("points", criteria.get(4).path("points").decimalValue(),
        "comment", "复核后给满分")), "a1 changes a score");
    BigDecimal disputedMax = criteria.get(4).path("points").decimalValue();
    for (String a : List.of(a1, a2)) {
      require(client.as(a).post(app + "/scores/submit", Map.of()), "submit scores " + a);
    }
    Reply tooSoon = client.post(app + "/decision", Map.of("outcome", "AWARD", "note", "通过"));
    assertThat(tooSoon.status()).as("award before the consensus on a criterion with spread 5").isEqualTo(409);
    BigDecimal agreed = disputedMax.subtract(new BigDecimal("2"));
    require(client.put(app + "/consensus/" + disputed, Map.of("points", agreed, "note", "合议：家长志愿者台账不全")), "consensus");
    expected.put(disputed, agreed.setScale(2, RoundingMode.HALF_EVEN));
    BigDecimal finalScore = expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    JsonNode sheet = require(client.get(app + "/scoresheet"), "scoresheet").body();
    assertThat(sheet.path("finalScore").decimalValue()).isEqualByComparingTo(finalScore);
    assertThat(finalScore).isGreaterThanOrEqualTo(passMark);

    // ---- award: the county and city count the title
    require(client.post(app + "/decision", Map.of("outcome", "AWARD", "note", "认定为示范学校")), "award");
    String cycle = require(client.get("/api/city/catalogue/" + IndicatorCodes.DEMONSTRATION_SCHOOLS), "catalogue").body()
        .path("periodType").asString();
    assertThat(cycle).isEqualTo("PROGRAMME_CYCLE");
    String cycleId = cycleOf(LocalDate.now(ZONE).plusDays(32));
    eventually("the city report counts the title", () -> client.countyReport(IndicatorCodes.DEMONSTRATION_SCHOOLS, cycleId, COUNTY),
        r -> r.ok() && r.body().path("county").path("numerator").asLong() == 1);
    JsonNode progress = require(client.get(DEMO + "/programmes/" + PROGRAMME + "/progress"), "progress").body();
    assertThat(progress.path("titlesHeld").asLong()).isEqualTo(1);
    eventually("the school sees its title", () -> client.get(SCHOOL_DEMO + "/applications/" + applicationId),
        r -> r.ok() && "TITLED".equals(status(r)) && !r.body().path("titleValidUntil").isMissingNode());

    // ---- re-inspection orders rectification by a deadline; the deadline passes; the title is revoked
    LocalDate shiftedToday = LocalDate.now(ZONE).plusDays(32);
    require(client.post(app + "/reinspection", Map.of("scheduledOn", shiftedToday.plusDays(1).toString(), "note", "年度复查")), "reinspect");
    require(client.post(app + "/reinspection/outcome", Map.of("outcome", "RECTIFY",
        "rectificationDeadline", shiftedToday.plusDays(5).toString(), "note", "家访档案不全，限期整改")), "rectify");
    eventually("the school sees the rectification deadline", () -> client.get(SCHOOL_DEMO + "/applications/" + applicationId),
        r -> r.ok() && "RECTIFYING".equals(status(r)) && r.body().path("rectificationDeadline").asString().equals(shiftedToday.plusDays(5).toString()));
    SharedPlatform.shiftClocks(Duration.ofDays(40), cityAdminToken());
    Reply late = client.post(app + "/rectification/outcome", Map.of("outcome", "KEEP", "note", "已整改"));
    assertThat(late.status()).as("keeping the title after the rectification deadline").isEqualTo(409);
    assertThat(late.body().path("detail").asString()).contains("deadline");
    require(client.post(app + "/rectification/outcome", Map.of("outcome", "REVOKE", "note", "逾期未整改，撤销称号")), "revoke");
    Reply afterRevoke = client.post(app + "/reinspection", Map.of("scheduledOn", shiftedToday.plusDays(9).toString(), "note", "x"));
    assertThat(afterRevoke.status()).isEqualTo(409);
    assertThat(afterRevoke.body().path("currentStatus").asString()).isEqualTo("REVOKED");
    eventually("the county figure falls back", () -> client.countyReport(IndicatorCodes.DEMONSTRATION_SCHOOLS, cycleId, COUNTY),
        r -> r.ok() && r.body().path("county").path("numerator").asLong() == 0);
    eventually("the school sees REVOKED", () -> client.get(SCHOOL_DEMO + "/applications/" + applicationId),
        r -> r.ok() && "REVOKED".equals(status(r)));

    // ---- the history, in order: every transition and every score change
    JsonNode history = require(client.get(app + "/history"), "history").body();
    List<String> moves = new ArrayList<>();
    int scoreChanges = 0;
    for (JsonNode e : history) {
      if (e.hasNonNull("to") && !e.path("to").asString().isEmpty()) {
        moves.add(e.path("to").asString());
      }
      if (e.path("action").asString().startsWith("SCORE")) {
        scoreChanges++;
      }
    }
    assertThat(moves).containsExactly("APPLIED", "CREATING", "SELF_EVALUATED", "ASSESSING", "TITLED", "REINSPECTING",
        "RECTIFYING", "REVOKED");
    assertThat(scoreChanges).as("24 scores and one change").isEqualTo(25);
    System.out.printf("demonstration lifecycle: application %s, final score %s (pass mark %s), %d history entries%n",
        applicationId, finalScore, passMark, history.size());
  }

  // ---- helpers

  static Map<String, Object> item(JsonNode criterion, String reference) {
    return Map.of("selfScore", criterion.path("points").decimalValue().subtract(BigDecimal.ONE),
        "narrative", "按标准落实：" + criterion.path("nameZh").asString(),
        "evidence", List.of(Map.of("title", criterion.path("evidenceRequired").asString(), "reference", reference)));
  }

  static String assessor(String prefix) {
    client.accounts().tokenAs(prefix, "county-assessor", COUNTY, "990100");
    return prefix + "-county-assessor-" + COUNTY;
  }

  static void putAssessor(String username, String name, String homeSchoolId, List<String> formerSchoolIds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("homeSchoolId", homeSchoolId);
    body.put("formerSchoolIds", formerSchoolIds);
    require(client.put(DEMO + "/assessors/" + username, body), "assessor " + username);
  }

  static String cityAdminToken() {
    return client.accounts().token("city-admin");
  }

  static String status(Reply r) {
    return r.body().path("status").asString();
  }

  /** The programme cycle (e.g. {@code 2024-2027}) containing a day, by the city calendar the platform runs with. */
  static String cycleOf(LocalDate day) {
    return org.gongyu.contracts.period.Period.containing(org.gongyu.contracts.period.PeriodType.PROGRAMME_CYCLE, day,
        org.gongyu.contracts.period.SchoolCalendar.DEFAULT).id();
  }

  static Reply require(Reply r, String what) {
    return GongyuClient.require(r, what);
  }

  static Reply eventually(String what, java.util.function.Supplier<Reply> call, Predicate<Reply> done) {
    return GongyuClient.eventually(what, call, done, PATIENCE);
  }

}
