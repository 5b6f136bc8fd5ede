package org.gongyu.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The city's management assessment of counties against a real PostgreSQL: a scheme issued by city
 * staff and computed for a school year over the county rollups the city holds (a semester
 * indicator summed over both semesters, a missing figure an explained zero), every county ranked
 * with each item explained; an older run unchanged after a new version and immutable in the
 * database; a bad scheme or school year refused naming the field with nothing stored; a county
 * reading its own row only; the .xlsx in Chinese and English. Counties 990641–990643.
 */
class CityAssessmentIT extends CityApiItSupport {

  private static final String C1 = "990641";
  private static final String C2 = "990642";
  private static final String C3 = "990643";
  private static final String YEAR = "2026-2027";
  private static final String SCHEME = "ITM-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
  private static final String BASE = "/api/city/assessments/" + SCHEME;

  private static final String V1 = """
      {"titleZh":"县区家校共育管理考核","titleEn":"County management assessment","totalPoints":20,"items":[
        {"code":"K1","nameZh":"数字家长学校注册率","nameEn":"Platform registration","indicatorCode":"PLATFORM_REGISTRATION",
         "points":10,"rule":{"type":"LINEAR","floor":0.4,"target":0.6}},
        {"code":"K2","nameZh":"家长人均学习","nameEn":"Learning per parent","indicatorCode":"PARENT_LEARNING_PER_CAPITA",
         "points":10,"rule":{"type":"THRESHOLD","target":4}}]}""";

  @BeforeAll
  void countiesAndTheirRollups() {
    for (String[] c : new String[][] {{C1, "考核甲县"}, {C2, "考核乙县"}, {C3, "考核丙县"}}) {
      jdbc.sql("insert into county (id, city_id, name, version, updated_at) values (?, ?, ?, 1, now()) on conflict do nothing")
          .params(c[0], Keycloak.CITY, c[1]).update();
    }
    // C1: 30/50 in each semester = 60 %, 4 sessions per parent; C2: 54.4 % in the first semester only, 3.9
    rollup(C1, "PLATFORM_REGISTRATION", "2026-2027-1", 30, 50);
    rollup(C1, "PLATFORM_REGISTRATION", "2026-2027-2", 30, 50);
    rollup(C1, "PARENT_LEARNING_PER_CAPITA", YEAR, 400, 100);
    rollup(C2, "PLATFORM_REGISTRATION", "2026-2027-1", 544, 1000);
    rollup(C2, "PARENT_LEARNING_PER_CAPITA", YEAR, 390, 100);
    rollup(C2, "PLATFORM_REGISTRATION", "2025-2026-1", 1000, 1000); // another year: not used
  }

  private void rollup(String county, String code, String period, long num, long den) {
    jdbc.sql("""
            insert into county_rollup (county_id, indicator_code, period_id, numerator, denominator, schools_reporting,
              schools_expected, schools_meeting_target, version, as_of)
            values (?, ?, ?, ?, ?, 1, 1, 0, 1, now()) on conflict do nothing""")
        .params(county, code, period, num, den).update();
  }

  @Test
  void cityStaffIssueAndComputeAndEveryCountyIsRankedWithEachItemExplained() {
    JsonNode v1 = created(as(staff(), HttpMethod.POST, BASE + "/versions", V1));
    assertThat(v1.get("version").asLong()).isEqualTo(1);
    assertThat(v1.get("issuedBy").asString()).contains("city-staff");
    assertThat(v1.get("items").get(0).get("kind").asString()).isEqualTo("RATIO");
    assertThat(v1.get("items").get(0).get("ruleZh").asString()).isEqualTo("达到 60.0 % 得满分，40.0 % 及以下不得分，其间按比例得分");

    JsonNode run = created(as(staff(), HttpMethod.POST, BASE + "/runs", "{\"periodId\":\"" + YEAR + "\"}"));
    assertThat(run.get("schemeVersion").asLong()).isEqualTo(1);
    assertThat(run.get("periodId").asString()).isEqualTo(YEAR);
    JsonNode c1 = unit(run, C1);
    JsonNode c2 = unit(run, C2);
    JsonNode c3 = unit(run, C3);
    assertThat(c1.get("unitName").asString()).isEqualTo("考核甲县");
    assertThat(c1.get("total").decimalValue()).isEqualByComparingTo("20");
    assertThat(c1.get("rank").asInt()).isEqualTo(1);
    assertThat(c1.get("items").get(0).get("periodIds").toString()).isEqualTo("[\"2026-2027-1\",\"2026-2027-2\"]");
    assertThat(c1.get("items").get(0).get("numerator").asLong()).isEqualTo(60);
    assertThat(c1.get("items").get(0).get("denominator").asLong()).isEqualTo(100);
    assertThat(c1.get("items").get(0).get("figureZh").asString()).isEqualTo("60.0 %");

    JsonNode k1 = c2.get("items").get(0);
    assertThat(k1.get("points").decimalValue()).isEqualByComparingTo("7.20");
    assertThat(k1.get("maxPoints").decimalValue()).isEqualByComparingTo("10");
    assertThat(k1.get("explanationZh").asString()).isEqualTo("54.4 % 介于下限 40.0 % 与目标 60.0 % 之间，按比例得 7.2 分（满分 10 分）");
    assertThat(c2.get("items").get(1).get("explanationZh").asString()).isEqualTo("3.9 次/人 未达到目标 4.0 次/人，得 0 分（满分 10 分）");
    assertThat(c2.get("total").decimalValue()).isEqualByComparingTo("7.2");
    assertThat(c3.get("total").decimalValue()).isEqualByComparingTo("0");
    assertThat(c3.get("items").get(0).get("explanationZh").asString())
        .isEqualTo("无 2026-2027-1 + 2026-2027-2 数据，记 0 分（满分 10 分）");
    assertThat(c3.get("items").get(0).get("value").isNull()).isTrue();
    assertThat(c1.get("rank").asInt()).isLessThan(c2.get("rank").asInt());
    assertThat(c2.get("rank").asInt()).isLessThan(c3.get("rank").asInt());

    JsonNode runs = ok(as(staff(), HttpMethod.GET, BASE + "/runs", null));
    assertThat(runs.get(0).get("runId").asLong()).isEqualTo(run.get("runId").asLong());
  }

  @Test
  void aNewVersionLeavesEarlierResultsAsTheyWereAndResultsCannotBeRewritten() {
    created(as(staff(), HttpMethod.POST, BASE + "-V/versions", V1));
    JsonNode first = created(as(staff(), HttpMethod.POST, BASE + "-V/runs", "{\"periodId\":\"" + YEAR + "\"}"));
    long firstId = first.get("runId").asLong();
    JsonNode v2 = created(as(staff(), HttpMethod.POST, BASE + "-V/versions", V1
        .replace("\"points\":10,\"rule\":{\"type\":\"LINEAR\"", "\"points\":15,\"rule\":{\"type\":\"LINEAR\"")
        .replace("\"totalPoints\":20", "\"totalPoints\":25")));
    assertThat(v2.get("version").asLong()).isEqualTo(2);
    JsonNode second = created(as(staff(), HttpMethod.POST, BASE + "-V/runs", "{\"periodId\":\"" + YEAR + "\"}"));
    assertThat(second.get("schemeVersion").asLong()).isEqualTo(2);
    assertThat(unit(second, C2).get("items").get(0).get("points").decimalValue()).isEqualByComparingTo("10.80");

    JsonNode again = ok(as(staff(), HttpMethod.GET, BASE + "-V/runs/" + firstId, null));
    assertThat(again.get("schemeVersion").asLong()).isEqualTo(1);
    assertThat(again.get("totalPoints").decimalValue()).isEqualByComparingTo("20");
    assertThat(unit(again, C2).get("items").get(0).get("points").decimalValue()).isEqualByComparingTo("7.20");
    assertThat(again.get("units").toString()).isEqualTo(first.get("units").toString());
    // an older version can still be computed on request
    JsonNode old = created(as(staff(), HttpMethod.POST, BASE + "-V/runs", "{\"periodId\":\"" + YEAR + "\",\"version\":1}"));
    assertThat(old.get("schemeVersion").asLong()).isEqualTo(1);

    assertThatThrownBy(() -> jdbc.sql("update assessment_run set period_id = '2025-2026' where id = ?").param(firstId).update())
        .rootCause().hasMessageFindingMatch("immutable|permission denied");
    assertThatThrownBy(() -> jdbc.sql("delete from assessment_scheme_version where scheme_id = ?").param(SCHEME + "-V").update())
        .rootCause().hasMessageFindingMatch("immutable|permission denied");
  }

  @Test
  void aBadSchemeOrSchoolYearIsRefusedNamingTheFieldAndNothingIsStored() {
    long versions = count("select count(*) from assessment_scheme_version");
    ResponseEntity<JsonNode> sum = as(staff(), HttpMethod.POST, BASE + "-BAD/versions", V1.replace("\"totalPoints\":20", "\"totalPoints\":100"));
    assertProblem(sum, 422, "20");
    assertThat(sum.getBody().get("errors").get(0).asString()).isEqualTo("totalPoints: 各考核项分值之和为 20，须等于总分 100");
    ResponseEntity<JsonNode> bad = as(staff(), HttpMethod.POST, BASE + "-BAD/versions",
        V1.replace("PARENT_LEARNING_PER_CAPITA", "NO_SUCH_INDICATOR").replace("\"floor\":0.4", "\"floor\":40"));
    assertThat(bad.getStatusCode().value()).isEqualTo(422);
    assertThat(bad.getBody().get("errors").toString())
        .contains("items[1].indicatorCode: 指标目录中没有指标 NO_SUCH_INDICATOR")
        .contains("items[0].rule.floor: 比率以小数表示（0.6 表示 60 %），不能大于 1，当前为 40");
    assertThat(count("select count(*) from assessment_scheme_version")).isEqualTo(versions);
    assertThat(count("select count(*) from assessment_scheme where id = '" + SCHEME + "-BAD'")).isZero();

    created(as(staff(), HttpMethod.POST, BASE + "-Y/versions", V1));
    long runs = count("select count(*) from assessment_run");
    ResponseEntity<JsonNode> semester = as(staff(), HttpMethod.POST, BASE + "-Y/runs", "{\"periodId\":\"2026-2027-1\"}");
    assertProblem(semester, 422, "2026-2027-1");
    assertThat(semester.getBody().get("errors").get(0).asString()).startsWith("periodId: ");
    assertThat(count("select count(*) from assessment_run")).isEqualTo(runs);
    assertProblem(as(staff(), HttpMethod.POST, BASE + "-Y/runs", "{\"periodId\":\"" + YEAR + "\",\"version\":9}"), 404, "9");
    assertProblem(as(staff(), HttpMethod.GET, "/api/city/assessments/NO-SUCH-SCHEME", null), 404, "NO-SUCH-SCHEME");
  }

  @Test
  void aCountyReadsItsOwnRowOnlyAndCannotIssueOrCompute() {
    created(as(staff(), HttpMethod.POST, BASE + "-A/versions", V1));
    long runId = created(as(staff(), HttpMethod.POST, BASE + "-A/runs", "{\"periodId\":\"" + YEAR + "\"}")).get("runId").asLong();
    String runPath = BASE + "-A/runs/" + runId;

    JsonNode own = ok(as(county(C2), HttpMethod.GET, runPath + "/counties/" + C2, null));
    assertThat(own.get("units")).hasSize(1);
    assertThat(own.get("units").get(0).get("unitId").asString()).isEqualTo(C2);
    assertThat(own.get("units").get(0).get("rank").asInt()).isGreaterThan(1);
    assertThat(as(county(C2), HttpMethod.GET, runPath + "/counties/" + C1, null).getStatusCode().value()).isEqualTo(404);
    assertThat(as(county(C2), HttpMethod.GET, runPath, null).getStatusCode().value()).isIn(403, 404);
    assertThat(as(county(C2), HttpMethod.GET, runPath + "/export.xlsx", null).getStatusCode().value()).isIn(403, 404);
    assertThat(as(county(C2), HttpMethod.POST, BASE + "-A/runs", "{\"periodId\":\"" + YEAR + "\"}").getStatusCode().value())
        .isIn(403, 404);
    assertThat(as(county(C2), HttpMethod.POST, BASE + "-A/versions", V1).getStatusCode().value()).isIn(403, 404);
    assertThat(as(Keycloak.tokenAs("school-admin", C2 + "0001"), HttpMethod.GET, runPath + "/counties/" + C2, null)
        .getStatusCode().value()).isIn(403, 404);
    assertThat(ok(as(staff(), HttpMethod.GET, runPath + "/counties/" + C1, null)).get("units").get(0).get("unitId").asString())
        .isEqualTo(C1);
  }

  @Test
  void theExportHasTheRankingTheExplainedDetailsAndTheSchemeInTheAskedLanguage() throws Exception {
    created(as(staff(), HttpMethod.POST, BASE + "-X/versions", V1));
    long runId = created(as(staff(), HttpMethod.POST, BASE + "-X/runs", "{\"periodId\":\"" + YEAR + "\"}")).get("runId").asLong();
    ResponseEntity<byte[]> zh = http.get().uri(BASE + "-X/runs/" + runId + "/export.xlsx")
        .headers(h -> h.setBearerAuth(staff())).retrieve().toEntity(byte[].class);
    assertThat(zh.getHeaders().getContentDisposition().getFilename()).isEqualTo("县区家校共育管理考核-2026-2027-第1版.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(zh.getBody()))) {
      assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2))).containsExactly("排名", "考核明细", "考核方案");
      assertThat(cells(wb.getSheetAt(0).getRow(0))).startsWith("排名", "单位", "总分（满分 20）", "数字家长学校注册率 (10)");
      Row c2 = rowOf(wb.getSheetAt(1), "考核乙县", "K1");
      assertThat(c2.getCell(7).getNumericCellValue()).isEqualTo(0.544);
      assertThat(c2.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
      assertThat(c2.getCell(9).getNumericCellValue()).isEqualTo(7.2);
      assertThat(c2.getCell(10).getStringCellValue()).contains("按比例得 7.2 分");
      assertThat(cells(wb.getSheetAt(2).getRow(5))).startsWith("编码", "考核项", "指标", "分值", "评分规则");
    }
    ResponseEntity<byte[]> en = http.get().uri(BASE + "-X/runs/" + runId + "/export.xlsx?lang=en")
        .headers(h -> h.setBearerAuth(staff())).retrieve().toEntity(byte[].class);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(en.getBody()))) {
      assertThat(wb.getSheetName(0)).isEqualTo("Ranking");
      assertThat(rowOf(wb.getSheetAt(1), "考核乙县", "K1").getCell(10).getStringCellValue())
          .isEqualTo("54.4 % lies between the floor 40.0 % and the target 60.0 %: 7.2 of 10 points in proportion");
    }
  }

  private static Row rowOf(Sheet sheet, String unit, String item) {
    for (Row r : sheet) {
      if (r.getCell(0) != null && unit.equals(r.getCell(0).getStringCellValue()) && item.equals(r.getCell(1).getStringCellValue())) {
        return r;
      }
    }
    throw new AssertionError("no row of " + unit + " " + item);
  }

  private static List<String> cells(Row row) {
    List<String> out = new ArrayList<>();
    row.forEach(c -> out.add(c.getStringCellValue()));
    return out;
  }

  private static JsonNode unit(JsonNode run, String countyId) {
    for (JsonNode u : run.get("units")) {
      if (u.get("unitId").asString().equals(countyId)) {
        return u;
      }
    }
    throw new AssertionError("no county " + countyId + " in " + run);
  }

  private static String county(String countyId) {
    return Keycloak.tokenAs("county-admin", countyId);
  }

  private static String staff() {
    return Keycloak.tokenAs("city-staff", Keycloak.CITY);
  }

  private ResponseEntity<JsonNode> as(String token, HttpMethod method, String path, String json) {
    var spec = http.method(method).uri(path).headers(h -> {
      h.setBearerAuth(token);
      h.set("Accept-Language", "zh-CN");
    });
    if (json != null) {
      spec = spec.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return spec.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  private static JsonNode ok(ResponseEntity<JsonNode> r) {
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    return r.getBody();
  }

  private static JsonNode created(ResponseEntity<JsonNode> r) {
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
    return r.getBody();
  }
}
