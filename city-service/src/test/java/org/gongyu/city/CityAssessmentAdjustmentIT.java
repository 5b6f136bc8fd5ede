package org.gongyu.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
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
 * Manual adjustments (加减分) of the city's management assessment against a real PostgreSQL: city
 * staff add points to a county's result with a reason and the rank follows the final total, in
 * every run of the version and year and in none of a new version; a withdrawal keeps the row and
 * the second one is 409; bad input is 422 naming the field and stores nothing; an unknown county is
 * 404; the .xlsx and the PDF carry the adjustment; a county reads its own row of the newest run,
 * adjustments included. Counties 990681–990683.
 */
class CityAssessmentAdjustmentIT extends CityApiItSupport {

  private static final String C1 = "990681";
  private static final String C2 = "990682";
  private static final String C3 = "990683";
  private static final String YEAR = "2026-2027";
  private static final String SCHEME = "ITA-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
  private static final String BASE = "/api/city/assessments/" + SCHEME;

  private static final String V1 = """
      {"titleZh":"县区管理考核加减分","titleEn":"County assessment with adjustments","totalPoints":20,"items":[
        {"code":"K1","nameZh":"数字家长学校注册率","nameEn":"Platform registration","indicatorCode":"PLATFORM_REGISTRATION",
         "points":10,"rule":{"type":"LINEAR","floor":0.4,"target":0.6}},
        {"code":"K2","nameZh":"家长人均学习","nameEn":"Learning per parent","indicatorCode":"PARENT_LEARNING_PER_CAPITA",
         "points":10,"rule":{"type":"THRESHOLD","target":4}}]}""";

  @BeforeAll
  void countiesAndTheirRollups() {
    for (String[] c : new String[][] {{C1, "加减甲县"}, {C2, "加减乙县"}, {C3, "加减丙县"}}) {
      jdbc.sql("insert into county (id, city_id, name, version, updated_at) values (?, ?, ?, 1, now()) on conflict do nothing")
          .params(c[0], Keycloak.CITY, c[1]).update();
    }
    // C1 20 points, C2 7.2, C3 nothing
    rollup(C1, "PLATFORM_REGISTRATION", "2026-2027-1", 60, 100);
    rollup(C1, "PARENT_LEARNING_PER_CAPITA", YEAR, 400, 100);
    rollup(C2, "PLATFORM_REGISTRATION", "2026-2027-1", 544, 1000);
  }

  private void rollup(String county, String code, String period, long num, long den) {
    jdbc.sql("""
            insert into county_rollup (county_id, indicator_code, period_id, numerator, denominator, schools_reporting,
              schools_expected, schools_meeting_target, version, as_of)
            values (?, ?, ?, ?, ?, 1, 1, 0, 1, now()) on conflict do nothing""")
        .params(county, code, period, num, den).update();
  }

  private long issueAndCompute(String scheme) {
    created(as(staff(), HttpMethod.POST, "/api/city/assessments/" + scheme + "/versions", V1));
    return created(as(staff(), HttpMethod.POST, "/api/city/assessments/" + scheme + "/runs", "{\"periodId\":\"" + YEAR + "\"}"))
        .get("runId").asLong();
  }

  @Test
  void anAdjustmentMovesTheFinalTotalAndTheRankAndAWithdrawalPutsThemBack() {
    long runId = issueAndCompute(SCHEME);
    String run = BASE + "/runs/" + runId;
    JsonNode a = created(as(staff(), HttpMethod.POST, run + "/units/" + C2 + "/adjustments",
        "{\"points\":15,\"reason\":\"年度家校共育工作获省级表彰\",\"itemCode\":\"K1\"}"));
    assertThat(a.get("points").decimalValue()).isEqualByComparingTo("15");
    assertThat(a.get("addedBy").asString()).contains("city-staff");
    assertThat(a.get("schemeVersion").asLong()).isEqualTo(1);
    assertThat(a.get("periodId").asString()).isEqualTo(YEAR);
    assertThat(a.get("unitId").asString()).isEqualTo(C2);

    JsonNode after = ok(as(staff(), HttpMethod.GET, run, null));
    JsonNode c2 = unit(after, C2);
    assertThat(after.get("units").get(0).get("unitId").asString()).isEqualTo(C2);
    assertThat(c2.get("rank").asInt()).isEqualTo(1);
    assertThat(c2.get("total").decimalValue()).isEqualByComparingTo("22.2");
    assertThat(c2.get("computedTotal").decimalValue()).isEqualByComparingTo("7.2");
    assertThat(c2.get("computedRank").asInt()).as("below C1 before the adjustment").isGreaterThan(unit(after, C1).get("computedRank").asInt());
    assertThat(c2.get("adjustmentPoints").decimalValue()).isEqualByComparingTo("15");
    assertThat(c2.get("adjustments").get(0).get("reason").asString()).isEqualTo("年度家校共育工作获省级表彰");
    assertThat(c2.get("adjustments").get(0).get("itemCode").asString()).isEqualTo("K1");
    assertThat(unit(after, C1).get("rank").asInt()).isGreaterThan(1);
    // a deduction too; and a later run of the same version and year shows both
    created(as(staff(), HttpMethod.POST, run + "/units/" + C1 + "/adjustments", "{\"points\":-2.5,\"reason\":\"材料报送逾期\"}"));
    JsonNode again = created(as(staff(), HttpMethod.POST, BASE + "/runs", "{\"periodId\":\"" + YEAR + "\"}"));
    assertThat(unit(again, C1).get("total").decimalValue()).isEqualByComparingTo("17.5");
    assertThat(unit(again, C2).get("total").decimalValue()).isEqualByComparingTo("22.2");

    long id = a.get("adjustmentId").asLong();
    JsonNode w = ok(as(staff(), HttpMethod.POST, run + "/adjustments/" + id + "/withdrawal", "{\"reason\":\"表彰文件未正式下达\"}"));
    assertThat(w.get("withdrawnBy").asString()).contains("city-staff");
    assertThat(w.get("withdrawalReason").asString()).isEqualTo("表彰文件未正式下达");
    JsonNode back = ok(as(staff(), HttpMethod.GET, run, null));
    assertThat(unit(back, C2).get("total").decimalValue()).isEqualByComparingTo("7.2");
    assertThat(unit(back, C2).get("rank").asInt()).isGreaterThan(unit(back, C1).get("rank").asInt());
    assertThat(unit(back, C2).get("adjustments").get(0).get("withdrawnAt").isNull()).as("kept, marked withdrawn").isFalse();

    ResponseEntity<JsonNode> twice = as(staff(), HttpMethod.POST, run + "/adjustments/" + id + "/withdrawal", "{\"reason\":\"再撤\"}");
    assertThat(twice.getStatusCode().value()).isEqualTo(409);
    assertThat(as(staff(), HttpMethod.POST, run + "/adjustments/99999999/withdrawal", "{\"reason\":\"x\"}").getStatusCode().value())
        .isEqualTo(404);

    // a new version starts without them
    created(as(staff(), HttpMethod.POST, BASE + "/versions", V1));
    JsonNode v2 = created(as(staff(), HttpMethod.POST, BASE + "/runs", "{\"periodId\":\"" + YEAR + "\"}"));
    assertThat(v2.get("schemeVersion").asLong()).isEqualTo(2);
    assertThat(unit(v2, C1).get("total").decimalValue()).isEqualByComparingTo("20");
    assertThat(unit(v2, C1).get("adjustments")).isEmpty();

    assertThatThrownBy(() -> jdbc.sql("delete from assessment_adjustment where id = ?").param(id).update())
        .rootCause().hasMessageFindingMatch("never deleted|permission denied");
    assertThatThrownBy(() -> jdbc.sql("update assessment_adjustment set points = 1 where id = ?").param(id).update())
        .rootCause().hasMessageFindingMatch("immutable|permission denied");
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndAnUnknownCountyIsNotFound() {
    long runId = issueAndCompute(SCHEME + "-B");
    String run = BASE + "-B/runs/" + runId;
    long before = count("select count(*) from assessment_adjustment");
    assertField(as(staff(), HttpMethod.POST, run + "/units/" + C1 + "/adjustments", "{\"points\":0,\"reason\":\"x\"}"), "points: ");
    assertField(as(staff(), HttpMethod.POST, run + "/units/" + C1 + "/adjustments", "{\"points\":20.5,\"reason\":\"x\"}"),
        "points: 加减分的绝对值不能超过方案总分 20");
    assertField(as(staff(), HttpMethod.POST, run + "/units/" + C1 + "/adjustments", "{\"points\":1.234,\"reason\":\"x\"}"), "points: ");
    assertField(as(staff(), HttpMethod.POST, run + "/units/" + C1 + "/adjustments", "{\"points\":1,\"reason\":\"  \"}"), "reason: ");
    assertField(as(staff(), HttpMethod.POST, run + "/units/" + C1 + "/adjustments", "{\"points\":1,\"reason\":\"x\",\"itemCode\":\"K9\"}"),
        "itemCode: 方案第 1 版中没有考核项 K9");
    assertThat(count("select count(*) from assessment_adjustment")).isEqualTo(before);
    ResponseEntity<JsonNode> nobody = as(staff(), HttpMethod.POST, run + "/units/990689/adjustments", "{\"points\":1,\"reason\":\"x\"}");
    assertThat(nobody.getStatusCode().value()).isEqualTo(404);
    assertThat(nobody.getBody().get("detail").asString()).contains("990689");

    long id = created(as(staff(), HttpMethod.POST, run + "/units/" + C1 + "/adjustments", "{\"points\":1,\"reason\":\"x\"}"))
        .get("adjustmentId").asLong();
    assertField(as(staff(), HttpMethod.POST, run + "/adjustments/" + id + "/withdrawal", "{}"), "reason: ");
    // a county cannot adjust its own result
    assertThat(as(county(C1), HttpMethod.POST, run + "/units/" + C1 + "/adjustments", "{\"points\":5,\"reason\":\"x\"}")
        .getStatusCode().value()).isIn(403, 404);
  }

  @Test
  void theExportsCarryTheAdjustmentAndACountyReadsItsOwnRowOfTheNewestRun() throws Exception {
    long runId = issueAndCompute(SCHEME + "-X");
    String run = BASE + "-X/runs/" + runId;
    created(as(staff(), HttpMethod.POST, run + "/units/" + C3 + "/adjustments", "{\"points\":12,\"reason\":\"承办全市家长学校现场会\"}"));

    ResponseEntity<byte[]> xlsx = http.get().uri(run + "/export.xlsx").headers(h -> h.setBearerAuth(staff())).retrieve()
        .toEntity(byte[].class);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Row c3 = null;
      Row c2 = null;
      for (Row r : wb.getSheet("排名")) {
        String name = r.getCell(1).getStringCellValue();
        c3 = name.equals("加减丙县") ? r : c3;
        c2 = name.equals("加减乙县") ? r : c2;
      }
      assertThat(c3.getCell(2).getNumericCellValue()).isEqualTo(12.0);
      assertThat(c3.getRowNum()).as("ranked by the final total").isLessThan(c2.getRowNum());
      assertThat(c3.getCell(0).getNumericCellValue()).isLessThan(c2.getCell(0).getNumericCellValue());
      assertThat(wb.getSheet("加减分").getRow(1).getCell(3).getStringCellValue()).isEqualTo("承办全市家长学校现场会");
    }

    ResponseEntity<byte[]> pdf = http.get().uri(run + "/export.pdf").headers(h -> h.setBearerAuth(staff())).retrieve()
        .toEntity(byte[].class);
    assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("县区管理考核加减分-2026-2027-第1版.pdf");
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
    assertThat(text).contains("县区管理考核加减分").contains("加减甲县").contains("加减乙县").contains("加减丙县")
        .contains("承办全市家长学校现场会").contains("20").contains("7.2").contains("+12");
    ResponseEntity<byte[]> en = http.get().uri(run + "/export.pdf?lang=en").headers(h -> h.setBearerAuth(staff())).retrieve()
        .toEntity(byte[].class);
    try (PDDocument doc = Loader.loadPDF(en.getBody())) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Ranking").contains("County assessment with adjustments");
    }

    JsonNode own = ok(as(county(C3), HttpMethod.GET, "/api/city/assessments/counties/" + C3, null));
    JsonNode mine = null;
    for (JsonNode r : own) {
      if (r.get("schemeId").asString().equals(SCHEME + "-X")) {
        mine = r;
      }
    }
    assertThat(mine).as("the newest run of %s in %s", SCHEME + "-X", own).isNotNull();
    assertThat(mine.get("runId").asLong()).isEqualTo(runId);
    assertThat(mine.get("units")).hasSize(1);
    assertThat(mine.get("units").get(0).get("total").decimalValue()).isEqualByComparingTo("12");
    assertThat(mine.get("units").get(0).get("rank").asInt()).isEqualTo(unit(ok(as(staff(), HttpMethod.GET, run, null)), C3).get("rank").asInt());
    assertThat(mine.get("units").get(0).get("adjustments").get(0).get("reason").asString()).isEqualTo("承办全市家长学校现场会");
    assertThat(as(county(C3), HttpMethod.GET, "/api/city/assessments/counties/" + C1, null).getStatusCode().value()).isIn(403, 404);
    assertThat(as(county(C3), HttpMethod.GET, run + "/export.pdf", null).getStatusCode().value()).isIn(403, 404);
  }

  private static void assertField(ResponseEntity<JsonNode> r, String startsWith) {
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
    assertThat(r.getBody().get("errors").get(0).asString()).startsWith(startsWith);
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
