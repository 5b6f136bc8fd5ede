package org.gongyu.tools;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongyu.tools.DemoCity.County;
import tools.jackson.databind.JsonNode;

/**
 * The demo city's past cycle (issue 13 item 5, ADR 0015): in each county the programme {@code
 * <county>-2024} (2024—2027, applications 2024-09-01 to 2025-03-01) with nine applications whose
 * history is entered as the county's backdated transcript of a paper cycle — every step through
 * district-service's own rules with its past date ({@code Gongyu-Effective-At}), so that today there
 * is work at every stage:
 *
 * <table>
 *   <tr><th>school</th><th>state today</th><th>who has something to do</th></tr>
 *   <tr><td>…0002</td><td>APPLIED (2025-02-25)</td><td>county admin: accept or decline</td></tr>
 *   <tr><td>…0003</td><td>SELF_EVALUATED, nobody assigned</td><td>county admin: assign two assessors</td></tr>
 *   <tr><td>…0004</td><td>SELF_EVALUATED, the realm's assessor and expert B assigned</td><td>assessor: declare (DECLARE)</td></tr>
 *   <tr><td>…0005</td><td>ASSESSING, expert A submitted, the realm's assessor cleared</td><td>assessor: score (SCORE)</td></tr>
 *   <tr><td>…0006</td><td>ASSESSING, experts A and B submitted 4 points apart on one criterion</td><td>county admin: consensus, then decide</td></tr>
 *   <tr><td>…0007</td><td>REVOKED at re-inspection 2026-06-15</td><td>—</td></tr>
 *   <tr><td>…0008</td><td>RECTIFYING until 2027-06-30</td><td>county admin: rectification outcome</td></tr>
 *   <tr><td>…0009, …0010</td><td>TITLED since 2025-12-15</td><td>county admin: re-inspection</td></tr>
 * </table>
 *
 * Experts A and B ({@code expert-<county>-a}, {@code -b}) are panel members of the past cycle who
 * are not users of the realm: their declarations and scoresheets are transcribed by the county admin.
 * Loading again changes nothing: the programme and panel are the same again, and an application
 * that exists (fixed ids) is skipped with its whole history. All dates are fixed, so every fresh
 * start builds the same state (until the rectification deadline passes, when the nightly sweep
 * revokes that title as it would any other).
 */
final class DemoHistory {

  static final String PROGRAMME_SUFFIX = "-2024";
  private static final ZoneOffset CITY = ZoneOffset.ofHours(8);

  private final GongyuClient client;
  private final java.io.PrintStream out;

  DemoHistory(GongyuClient client, java.io.PrintStream out) {
    this.client = client;
    this.out = out;
  }

  /** The fixed id of the past cycle's application of {@code schoolId}. */
  static UUID applicationId(String schoolId) {
    return UUID.nameUUIDFromBytes(("gongyu-demo-history-" + schoolId).getBytes(StandardCharsets.UTF_8));
  }

  void load(List<County> counties) {
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    if (today.isBefore(LocalDate.parse("2026-11-21"))) {
      out.println("  past cycle: skipped (its last step is dated 2026-11-20; today is " + today + ")");
      return;
    }
    for (County county : counties) {
      county(county);
    }
  }

  private void county(County county) {
    String c = county.id();
    String base = "/api/district/counties/" + c + "/demonstration";
    String programmeId = c + PROGRAMME_SUFFIX;
    Map<String, Object> programme = new LinkedHashMap<>();
    programme.put("name", "2024—2027 " + county.name() + "家校社协同育人示范学校创建");
    programme.put("target", 100);
    programme.put("startsOn", "2024-09-01");
    programme.put("endsOn", "2027-08-31");
    programme.put("applicationOpensOn", "2024-09-01");
    programme.put("applicationDeadline", "2025-03-01");
    programme.put("creationMonths", 12);
    programme.put("titleValidityYears", 3);
    programme.put("consensusMargin", 3);
    programme.put("standardId", "DEMO-SCHOOL");
    programme.put("standardVersion", 1);
    GongyuClient.require(client.put(base + "/programmes/" + programmeId, programme), "programme " + programmeId);
    Map<String, Object> direct = new LinkedHashMap<>();
    direct.put("xuequId", null);
    direct.put("quota", 10);
    GongyuClient.require(client.put(base + "/programmes/" + programmeId + "/quotas", Map.of("quotas", List.of(
        Map.of("xuequId", county.xuequ().get(0).id(), "quota", 50), Map.of("xuequId", county.xuequ().get(1).id(), "quota", 40),
        direct))), "quotas " + programmeId);
    String a = "expert-" + c + "-a";
    String b = "expert-" + c + "-b";
    String realm = "assessor-" + c;
    panel(base, a, county.name() + "往期评审专家甲");
    panel(base, b, county.name() + "往期评审专家乙");

    List<Criterion> rubric = rubric(base);
    List<Map<String, Object>> good = scores(rubric, 0);
    List<Map<String, Object>> apart = scores(rubric, 4);
    String[] s = new String[11];
    for (int i = 2; i <= 10; i++) {
      s[i] = c + String.format("%04d", i);
    }
    int entered = 0;
    int skipped = 0;
    List<Runnable> chains = new ArrayList<>();
    // two titles held, one under rectification, one revoked: the same path to the award
    for (int i = 7; i <= 10; i++) {
      String school = s[i];
      int n = i;
      chains.add(() -> {
        UUID id = received(base, programmeId, school, at("2024-09-20"));
        step(base, id, "/accept", Map.of("note", "学区遴选推荐"), at("2024-10-10"));
        selfEvaluation(base, id, rubric, at("2025-10-20"));
        assign(base, id, a, at("2025-11-03"));
        assign(base, id, b, at("2025-11-03"));
        declare(base, id, a, at("2025-11-05"));
        declare(base, id, b, at("2025-11-05"));
        step(base, id, "/assessment/start", null, at("2025-11-10"));
        sheet(base, id, a, good, at("2025-11-20"));
        sheet(base, id, b, good, at("2025-11-21"));
        step(base, id, "/decision", Map.of("outcome", "AWARD", "note", "达到示范学校标准"), at("2025-12-15"));
        if (n <= 8) {
          step(base, id, "/reinspection", Map.of("scheduledOn", "2026-06-15", "note", "年度复查"), at("2026-06-01"));
          step(base, id, "/reinspection/outcome", n == 8
              ? Map.of("outcome", "RECTIFY", "rectificationDeadline", "2027-06-30", "note", "家访档案不全，限期整改")
              : Map.of("outcome", "REVOKE", "note", "复查发现创建工作停滞，撤销称号"), at("2026-06-15"));
        }
      });
    }
    // in assessment: a spread that needs a consensus, and the realm's assessor with scores due
    chains.add(() -> {
      UUID id = receivedAndSelfEvaluated(base, programmeId, s[6], rubric, "2025-01-10", "2025-01-20", "2026-09-15");
      assign(base, id, a, at("2026-10-20"));
      assign(base, id, b, at("2026-10-20"));
      declare(base, id, a, at("2026-10-22"));
      declare(base, id, b, at("2026-10-22"));
      step(base, id, "/assessment/start", null, at("2026-10-25"));
      sheet(base, id, a, good, at("2026-11-05"));
      sheet(base, id, b, apart, at("2026-11-06"));
    });
    chains.add(() -> {
      UUID id = receivedAndSelfEvaluated(base, programmeId, s[5], rubric, "2025-01-10", "2025-01-20", "2026-09-15");
      assign(base, id, a, at("2026-10-20"));
      assign(base, id, realm, at("2026-10-20"));
      declare(base, id, a, at("2026-10-22"));
      declare(base, id, realm, at("2026-10-22"));
      step(base, id, "/assessment/start", null, at("2026-10-25"));
      sheet(base, id, a, good, at("2026-11-05"));
    });
    // self-evaluated: the realm's assessor has to declare; another waits for its assessors
    chains.add(() -> {
      UUID id = receivedAndSelfEvaluated(base, programmeId, s[4], rubric, "2025-02-10", "2025-02-20", "2026-10-15");
      assign(base, id, realm, at("2026-11-20"));
      assign(base, id, b, at("2026-11-20"));
    });
    chains.add(() -> receivedAndSelfEvaluated(base, programmeId, s[3], rubric, "2025-02-10", "2025-02-20", "2026-10-15"));
    // applied just before the deadline, never decided
    chains.add(() -> received(base, programmeId, s[2], at("2025-02-25")));
    List<String> schools = List.of(s[7], s[8], s[9], s[10], s[6], s[5], s[4], s[3], s[2]);
    for (int i = 0; i < chains.size(); i++) {
      UUID id = applicationId(schools.get(i));
      if (client.get(base + "/applications/" + id).ok()) {
        skipped++;
        continue;
      }
      chains.get(i).run();
      entered++;
    }
    out.printf("  past cycle %s: %d applications entered with their history, %d already there%n", programmeId, entered, skipped);
  }

  private void panel(String base, String username, String name) {
    Map<String, Object> assessor = new LinkedHashMap<>();
    assessor.put("name", name);
    assessor.put("homeSchoolId", null);
    assessor.put("formerSchoolIds", List.of());
    GongyuClient.require(client.put(base + "/assessors/" + username, assessor), "assessor " + username);
  }

  private UUID receivedAndSelfEvaluated(String base, String programmeId, String school, List<Criterion> rubric,
      String applied, String accepted, String selfEvaluated) {
    UUID id = received(base, programmeId, school, at(applied));
    step(base, id, "/accept", Map.of("note", "学区遴选推荐"), at(accepted));
    selfEvaluation(base, id, rubric, at(selfEvaluated));
    return id;
  }

  private UUID received(String base, String programmeId, String school, OffsetDateTime at) {
    UUID id = applicationId(school);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicationId", id.toString());
    body.put("schoolId", school);
    body.put("programmeId", programmeId);
    body.put("baseline", List.of(Map.of("areaCode", "A1", "level", 3), Map.of("areaCode", "A3", "level", 2)));
    GongyuClient.require(client.postAt(base + "/applications", body, at), "past application of " + school);
    return id;
  }

  private void selfEvaluation(String base, UUID id, List<Criterion> rubric, OffsetDateTime at) {
    List<Map<String, Object>> items = rubric.stream()
        .map(cr -> Map.<String, Object>of("criterionCode", cr.code(), "selfScore", cr.points().multiply(new BigDecimal("0.9"))
            .setScale(1, RoundingMode.HALF_UP)))
        .toList();
    step(base, id, "/self-evaluation", Map.of("round", 1, "items", items), at);
  }

  private void assign(String base, UUID id, String assessor, OffsetDateTime at) {
    step(base, id, "/assignments", Map.of("assessor", assessor), at);
  }

  private void declare(String base, UUID id, String assessor, OffsetDateTime at) {
    step(base, id, "/assignments/" + assessor + "/paper-sheet",
        Map.of("declaration", Map.of("conflicts", List.of(), "statement", "本人与该校无任职、亲属及近期评估关系（纸质声明补录）"),
            "submit", false), at);
  }

  private void sheet(String base, UUID id, String assessor, List<Map<String, Object>> scores, OffsetDateTime at) {
    step(base, id, "/assignments/" + assessor + "/paper-sheet", Map.of("scores", scores, "submit", true), at);
  }

  private void step(String base, UUID id, String path, Object body, OffsetDateTime at) {
    GongyuClient.require(client.postAt(base + "/applications/" + id + path, body == null ? Map.of() : body, at),
        "past step " + path + " of " + id + " on " + at);
  }

  /** 10:00 in the city on {@code day}. */
  private static OffsetDateTime at(String day) {
    return LocalDateTime.of(LocalDate.parse(day), java.time.LocalTime.of(10, 0)).atOffset(CITY);
  }

  record Criterion(String code, BigDecimal points) {}

  private List<Criterion> rubric(String base) {
    JsonNode version = GongyuClient.require(client.get(base + "/standards/DEMO-SCHOOL/versions/1"), "standard DEMO-SCHOOL v1").body();
    List<Criterion> out = new ArrayList<>();
    version.path("rubric").path("areas").forEach(area -> area.path("criteria").forEach(cr ->
        out.add(new Criterion(cr.path("code").asString(), cr.path("points").decimalValue()))));
    return out;
  }

  /**
   * A scoresheet: 90 % of each criterion's points (one decimal), the first criterion of at least 5
   * points {@code lower} points lower (4 sets two sheets more than the programme's margin of 3 apart).
   */
  private static List<Map<String, Object>> scores(List<Criterion> rubric, int lower) {
    List<Map<String, Object>> out = new ArrayList<>();
    boolean lowered = lower == 0;
    for (Criterion cr : rubric) {
      BigDecimal points = cr.points().multiply(new BigDecimal("0.9")).setScale(1, RoundingMode.HALF_UP);
      if (!lowered && cr.points().compareTo(new BigDecimal("5")) >= 0) {
        points = points.subtract(BigDecimal.valueOf(lower));
        lowered = true;
      }
      out.add(Map.of("criterionCode", cr.code(), "score", Map.of("points", points, "comment", "现场核查记录（纸质评分表补录）")));
    }
    return out;
  }
}
