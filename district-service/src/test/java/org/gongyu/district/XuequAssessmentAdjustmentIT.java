package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * Manual adjustments (加减分) of a county's 学区 assessment against a real PostgreSQL: the county
 * admin adds points to a 学区's result and the rank follows the final total; a withdrawal puts it
 * back and the second one is 409; bad input is 422 naming the field; an unknown 学区 is 404; another
 * county and the county's assessors cannot adjust; the .xlsx and the PDF carry the adjustment.
 * Counties 990684 and 990685, schools 99068400xx.
 */
class XuequAssessmentAdjustmentIT extends DistrictITSupport {

  private static final String C = "990684";
  private static final String OTHER = "990685";
  private static final String BASE = "/api/district/counties/" + C + "/assessments/XUEQU-ADJ";
  private static final String YEAR = "2026-2027";
  private static final String SCHEME = """
      {"titleZh":"学区业绩考核加减分","titleEn":"学区 assessment with adjustments","totalPoints":20,"items":[
        {"code":"X1","nameZh":"注册率（线性）","nameEn":"Registration (linear)","indicatorCode":"PLATFORM_REGISTRATION",
         "points":10,"rule":{"type":"LINEAR","floor":0.4,"target":0.6}},
        {"code":"X2","nameZh":"注册率（分档）","nameEn":"Registration (bands)","indicatorCode":"PLATFORM_REGISTRATION",
         "points":10,"rule":{"type":"BANDS","bands":[{"atLeast":0.5,"points":5},{"atLeast":0.6,"points":10}]}}]}""";

  @BeforeAll
  void xuequSchoolsAndSnapshots() {
    ok(as(admin(C), HttpMethod.PUT, "/api/district/counties/" + C + "/xuequ/" + C + "-X1", "{\"name\":\"加减第一学区\"}"), 200, 201);
    ok(as(admin(C), HttpMethod.PUT, "/api/district/counties/" + C + "/xuequ/" + C + "-X2", "{\"name\":\"加减第二学区\"}"), 200, 201);
    ok(as(admin(C), HttpMethod.PUT, "/api/district/counties/" + C + "/xuequ/" + C + "-X3", "{\"name\":\"加减第三学区\"}"), 200, 201);
    school("9906840001", C + "-X1");
    school("9906840002", C + "-X2");
    snapshot("9906840001", "2026-2027-1", 30, 50); // 60 %: 20 points
    snapshot("9906840002", "2026-2027-1", 25, 50); // 50 %: 5 + 5 points
  }

  private void school(String id, String xuequ) {
    ok(as(admin(C), HttpMethod.PUT, "/api/district/counties/" + C + "/schools/" + id,
        "{\"name\":\"加减学校" + id.substring(6) + "\",\"schoolType\":\"PRIMARY\",\"xuequId\":\"" + xuequ + "\"}"), 200, 201);
  }

  private void snapshot(String school, String period, long num, long den) {
    jdbc.sql("""
            insert into school_snapshot (school_id, indicator_code, period_id, numerator, denominator, version, as_of, first_as_of)
            values (?, ?, ?, ?, ?, 1, now(), now()) on conflict do nothing""")
        .params(school, PLATFORM, period, num, den).update();
  }

  private long issueAndCompute(String base) {
    ok(as(admin(C), HttpMethod.POST, base + "/versions", SCHEME), 201);
    return ok(as(admin(C), HttpMethod.POST, base + "/runs", "{\"periodId\":\"" + YEAR + "\"}"), 201).get("runId").asLong();
  }

  @Test
  void anAdjustmentReranksTheXuequAndAWithdrawalPutsItBackOnce() {
    long runId = issueAndCompute(BASE);
    String run = BASE + "/runs/" + runId;
    JsonNode a = ok(as(admin(C), HttpMethod.POST, run + "/units/" + C + "-X2/adjustments",
        "{\"points\":12.5,\"reason\":\"学区家长学校建设成效突出\",\"itemCode\":\"X2\"}"), 201);
    JsonNode after = ok(as(admin(C), HttpMethod.GET, run, null), 200);
    JsonNode first = after.get("units").get(0);
    assertThat(first.get("unitId").asString()).isEqualTo(C + "-X2");
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("total").decimalValue()).isEqualByComparingTo("22.5");
    assertThat(first.get("computedTotal").decimalValue()).isEqualByComparingTo("10");
    assertThat(first.get("computedRank").asInt()).isEqualTo(2);
    assertThat(first.get("adjustments").get(0).get("reason").asString()).isEqualTo("学区家长学校建设成效突出");
    assertThat(after.get("units").get(1).get("unitId").asString()).isEqualTo(C + "-X1");
    assertThat(after.get("units").get(1).get("rank").asInt()).isEqualTo(2);
    // the city reads it too
    assertThat(ok(as(Keycloak.tokenAs("city-staff", Keycloak.CITY), HttpMethod.GET, run, null), 200).get("units").get(0)
        .get("total").decimalValue()).isEqualByComparingTo("22.5");

    long id = a.get("adjustmentId").asLong();
    ok(as(admin(C), HttpMethod.POST, run + "/adjustments/" + id + "/withdrawal", "{\"reason\":\"重复加分\"}"), 200);
    JsonNode back = ok(as(admin(C), HttpMethod.GET, run, null), 200);
    assertThat(back.get("units").get(0).get("unitId").asString()).isEqualTo(C + "-X1");
    assertThat(back.get("units").get(1).get("total").decimalValue()).isEqualByComparingTo("10");
    assertThat(back.get("units").get(1).get("adjustments").get(0).get("withdrawalReason").asString()).isEqualTo("重复加分");
    assertThat(as(admin(C), HttpMethod.POST, run + "/adjustments/" + id + "/withdrawal", "{\"reason\":\"再撤\"}")
        .getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void badInputIsRefusedOnTheFieldAndOnlyTheCountyAdminAdjustsItsOwn() {
    long runId = issueAndCompute(BASE + "-B");
    String run = BASE + "-B/runs/" + runId;
    ResponseEntity<JsonNode> zero = as(admin(C), HttpMethod.POST, run + "/units/" + C + "-X1/adjustments", "{\"points\":0}");
    assertThat(zero.getStatusCode().value()).isEqualTo(422);
    assertThat(zero.getBody().get("errors").toString()).contains("points: 加减分不能为 0").contains("reason: 必须填写");
    ResponseEntity<JsonNode> big = as(admin(C), HttpMethod.POST, run + "/units/" + C + "-X1/adjustments",
        "{\"points\":-21,\"reason\":\"x\"}");
    assertThat(big.getStatusCode().value()).isEqualTo(422);
    assertThat(big.getBody().get("errors").get(0).asString()).startsWith("points: ");
    assertThat(count("select count(*) from assessment_adjustment where scheme_id = 'XUEQU-ADJ-B'")).isZero();
    assertThat(as(admin(C), HttpMethod.POST, run + "/units/" + C + "-X9/adjustments", "{\"points\":1,\"reason\":\"x\"}")
        .getStatusCode().value()).isEqualTo(404);
    assertThat(as(admin(OTHER), HttpMethod.POST, "/api/district/counties/" + C + "/assessments/XUEQU-ADJ-B/runs/" + runId
        + "/units/" + C + "-X1/adjustments", "{\"points\":1,\"reason\":\"x\"}").getStatusCode().value()).isIn(403, 404);
    assertThat(as(Keycloak.tokenAs("county-assessor", C), HttpMethod.POST, run + "/units/" + C + "-X1/adjustments",
        "{\"points\":1,\"reason\":\"x\"}").getStatusCode().value()).isIn(403, 404);
  }

  @Test
  void theExportsCarryTheAdjustment() throws Exception {
    long runId = issueAndCompute(BASE + "-X");
    String run = BASE + "-X/runs/" + runId;
    ok(as(admin(C), HttpMethod.POST, run + "/units/" + C + "-X3/adjustments", "{\"points\":3,\"reason\":\"新建学区起步加分\"}"), 201);
    ResponseEntity<byte[]> xlsx = http.get().uri(run + "/export.xlsx").headers(h -> h.setBearerAuth(admin(C))).retrieve()
        .toEntity(byte[].class);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      assertThat(wb.getSheet("排名").getRow(3).getCell(1).getStringCellValue()).isEqualTo("加减第三学区");
      assertThat(wb.getSheet("排名").getRow(3).getCell(2).getNumericCellValue()).isEqualTo(3.0);
      assertThat(wb.getSheet("加减分").getRow(1).getCell(3).getStringCellValue()).isEqualTo("新建学区起步加分");
    }
    ResponseEntity<byte[]> pdf = http.get().uri(run + "/export.pdf").headers(h -> h.setBearerAuth(admin(C))).retrieve()
        .toEntity(byte[].class);
    assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text).contains("学区业绩考核加减分").contains("加减第一学区").contains("加减第二学区").contains("加减第三学区")
          .contains("新建学区起步加分").contains("20").contains("10").contains("+3");
    }
  }

  private static String admin(String county) {
    return Keycloak.tokenAs("county-admin", county);
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

  private static JsonNode ok(ResponseEntity<JsonNode> r, Integer... statuses) {
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isIn((Object[]) statuses);
    return r.getBody();
  }
}
