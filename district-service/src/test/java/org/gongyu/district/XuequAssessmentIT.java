package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
 * The county's 学区 performance assessment against a real PostgreSQL: the county admin issues a
 * scheme and computes it for a school year over its 学区, each 学区's figure the sum of its schools'
 * snapshots by the membership in force when each semester began (a school moved to another county
 * from the second semester counts for its old 学区 in the first only), an empty 学区 an explained
 * zero; an earlier run unchanged by a new version; a scheme whose points miss the total refused on
 * the field; another county's schemes not found; the .xlsx. Counties 990641 and 990642, schools
 * 99064100xx.
 */
class XuequAssessmentIT extends DistrictITSupport {

  private static final String C = "990641";
  private static final String OTHER = "990642";
  private static final String BASE = "/api/district/counties/" + C + "/assessments/XUEQU-PERF";
  private static final String YEAR = "2026-2027";
  private static final String SCHEME = """
      {"titleZh":"学区教育发展业绩考核","titleEn":"学区 performance assessment","totalPoints":20,"items":[
        {"code":"X1","nameZh":"注册率（线性）","nameEn":"Registration (linear)","indicatorCode":"PLATFORM_REGISTRATION",
         "points":10,"rule":{"type":"LINEAR","floor":0.4,"target":0.6}},
        {"code":"X2","nameZh":"注册率（分档）","nameEn":"Registration (bands)","indicatorCode":"PLATFORM_REGISTRATION",
         "points":10,"rule":{"type":"BANDS","bands":[{"atLeast":0.5,"points":5},{"atLeast":0.6,"points":10}]}}]}""";

  @BeforeAll
  void xuequSchoolsAndSnapshots() {
    ok(as(admin(C), HttpMethod.PUT, "/api/district/counties/" + C + "/xuequ/" + C + "-X1", "{\"name\":\"考核第一学区\"}"), 200, 201);
    ok(as(admin(C), HttpMethod.PUT, "/api/district/counties/" + C + "/xuequ/" + C + "-X2", "{\"name\":\"考核第二学区\"}"), 200, 201);
    ok(as(admin(C), HttpMethod.PUT, "/api/district/counties/" + C + "/xuequ/" + C + "-X3", "{\"name\":\"考核第三学区\"}"), 200, 201);
    ok(as(admin(OTHER), HttpMethod.PUT, "/api/district/counties/" + OTHER + "/xuequ/" + OTHER + "-X1", "{\"name\":\"邻县学区\"}"), 200, 201);
    school("9906410001", C + "-X1");
    school("9906410002", C + "-X1");
    school("9906410003", C + "-X2");
    school("9906410004", C + "-X2");
    ok(as(admin(C), HttpMethod.POST, "/api/district/counties/" + C + "/schools/9906410004/move",
        "{\"toCountyId\":\"" + OTHER + "\",\"toXuequId\":\"" + OTHER + "-X1\",\"effectiveFrom\":\"2026-2027-2\"}"), 200, 201);
    snapshot("9906410001", "2026-2027-1", 30, 50);
    snapshot("9906410002", "2026-2027-1", 30, 50);
    snapshot("9906410003", "2026-2027-1", 20, 50);
    snapshot("9906410004", "2026-2027-1", 30, 50); // still in 学区 X2 of 990641
    snapshot("9906410004", "2026-2027-2", 50, 50); // in 990642 by then
  }

  private void school(String id, String xuequ) {
    ok(as(admin(C), HttpMethod.PUT, "/api/district/counties/" + C + "/schools/" + id,
        "{\"name\":\"考核学校" + id.substring(6) + "\",\"schoolType\":\"PRIMARY\",\"xuequId\":\"" + xuequ + "\"}"), 200, 201);
  }

  private void snapshot(String school, String period, long num, long den) {
    jdbc.sql("""
            insert into school_snapshot (school_id, indicator_code, period_id, numerator, denominator, version, as_of, first_as_of)
            values (?, ?, ?, ?, ?, 1, now(), now()) on conflict do nothing""")
        .params(school, PLATFORM, period, num, den).update();
  }

  @Test
  void theCountyAdminComputesItsXuequFromTheirSchoolsByMembershipAndEveryItemIsExplained() {
    JsonNode v1 = ok(as(admin(C), HttpMethod.POST, BASE + "/versions", SCHEME), 201);
    assertThat(v1.get("items").get(1).get("ruleZh").asString()).isEqualTo("≥ 50.0 % 得 5 分；≥ 60.0 % 得 10 分；低于最低档不得分");
    JsonNode run = ok(as(admin(C), HttpMethod.POST, BASE + "/runs", "{\"periodId\":\"" + YEAR + "\"}"), 201);
    assertThat(run.get("units")).hasSize(3);
    JsonNode x1 = run.get("units").get(0);
    JsonNode x2 = run.get("units").get(1);
    JsonNode x3 = run.get("units").get(2);
    assertThat(x1.get("unitId").asString()).isEqualTo(C + "-X1");
    assertThat(x1.get("unitName").asString()).isEqualTo("考核第一学区");
    assertThat(x1.get("total").decimalValue()).isEqualByComparingTo("20");
    assertThat(x1.get("rank").asInt()).isEqualTo(1);
    assertThat(x2.get("unitId").asString()).isEqualTo(C + "-X2");
    assertThat(x2.get("items").get(0).get("numerator").asLong()).as("0004's second semester is the other county's").isEqualTo(50);
    assertThat(x2.get("items").get(0).get("denominator").asLong()).isEqualTo(100);
    assertThat(x2.get("items").get(0).get("explanationZh").asString())
        .isEqualTo("50.0 % 介于下限 40.0 % 与目标 60.0 % 之间，按比例得 5 分（满分 10 分）");
    assertThat(x2.get("items").get(1).get("explanationZh").asString()).isEqualTo("50.0 % 达到“≥ 50.0 %”档，得 5 分（满分 10 分）");
    assertThat(x2.get("total").decimalValue()).isEqualByComparingTo("10");
    assertThat(x2.get("rank").asInt()).isEqualTo(2);
    assertThat(x3.get("total").decimalValue()).isEqualByComparingTo("0");
    assertThat(x3.get("rank").asInt()).isEqualTo(3);
    assertThat(x3.get("items").get(0).get("explanationZh").asString())
        .isEqualTo("无 2026-2027-1 + 2026-2027-2 数据，记 0 分（满分 10 分）");

    // a new version leaves the run as it was
    ok(as(admin(C), HttpMethod.POST, BASE + "/versions", SCHEME.replace("\"floor\":0.4", "\"floor\":0.2")), 201);
    JsonNode again = ok(as(admin(C), HttpMethod.GET, BASE + "/runs/" + run.get("runId").asLong(), null), 200);
    assertThat(again.get("schemeVersion").asLong()).isEqualTo(1);
    assertThat(again.get("units").toString()).isEqualTo(run.get("units").toString());
    JsonNode v2run = ok(as(admin(C), HttpMethod.POST, BASE + "/runs", "{\"periodId\":\"" + YEAR + "\"}"), 201);
    assertThat(v2run.get("schemeVersion").asLong()).isEqualTo(2);
    assertThat(v2run.get("units").get(1).get("items").get(0).get("points").decimalValue()).isEqualByComparingTo("7.50");

    // the other county's 学区 has the moved school's second semester
    ok(as(admin(OTHER), HttpMethod.POST, "/api/district/counties/" + OTHER + "/assessments/XUEQU-PERF/versions", SCHEME), 201);
    JsonNode other = ok(as(admin(OTHER), HttpMethod.POST, "/api/district/counties/" + OTHER + "/assessments/XUEQU-PERF/runs",
        "{\"periodId\":\"" + YEAR + "\"}"), 201);
    assertThat(other.get("units")).hasSize(1);
    assertThat(other.get("units").get(0).get("items").get(0).get("numerator").asLong()).isEqualTo(50);
    assertThat(other.get("units").get(0).get("items").get(0).get("denominator").asLong()).isEqualTo(50);
  }

  @Test
  void pointsThatMissTheTotalAreRefusedOnTheFieldAndAnotherCountySeesNothing() {
    ResponseEntity<JsonNode> bad = as(admin(C), HttpMethod.POST, BASE + "-BAD/versions", SCHEME.replace("\"totalPoints\":20", "\"totalPoints\":30"));
    assertThat(bad.getStatusCode().value()).isEqualTo(422);
    assertThat(bad.getBody().get("errors").get(0).asString()).isEqualTo("totalPoints: 各考核项分值之和为 20，须等于总分 30");
    assertThat(count("select count(*) from assessment_scheme where id = 'XUEQU-PERF-BAD'")).isZero();

    ok(as(admin(C), HttpMethod.POST, BASE + "-A/versions", SCHEME), 201);
    long runId = ok(as(admin(C), HttpMethod.POST, BASE + "-A/runs", "{\"periodId\":\"" + YEAR + "\"}"), 201).get("runId").asLong();
    String otherPath = "/api/district/counties/" + C + "/assessments/XUEQU-PERF-A";
    assertThat(as(admin(OTHER), HttpMethod.GET, otherPath, null).getStatusCode().value()).isEqualTo(404);
    assertThat(as(admin(OTHER), HttpMethod.GET, otherPath + "/runs/" + runId, null).getStatusCode().value()).isEqualTo(404);
    assertThat(as(admin(OTHER), HttpMethod.POST, otherPath + "/runs", "{\"periodId\":\"" + YEAR + "\"}").getStatusCode().value())
        .isEqualTo(404);
    // the other county's own scheme of the same id is another scheme: its runs are not this one's
    assertThat(as(admin(OTHER), HttpMethod.GET, "/api/district/counties/" + OTHER + "/assessments/XUEQU-PERF-A/runs/" + runId, null)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(as(Keycloak.tokenAs("county-assessor", C), HttpMethod.POST, otherPath + "/versions", SCHEME).getStatusCode().value())
        .isIn(403, 404);
    assertThat(ok(as(Keycloak.tokenAs("city-staff", Keycloak.CITY), HttpMethod.GET, otherPath + "/runs/" + runId, null), 200)
        .get("units")).hasSize(3);
  }

  @Test
  void theExportExplainsEveryXuequAndItem() throws Exception {
    ok(as(admin(C), HttpMethod.POST, BASE + "-X/versions", SCHEME), 201);
    long runId = ok(as(admin(C), HttpMethod.POST, BASE + "-X/runs", "{\"periodId\":\"" + YEAR + "\"}"), 201).get("runId").asLong();
    ResponseEntity<byte[]> file = http.get().uri(BASE + "-X/runs/" + runId + "/export.xlsx?lang=zh-CN")
        .headers(h -> h.setBearerAuth(admin(C))).retrieve().toEntity(byte[].class);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
      assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("考核第一学区");
      assertThat(wb.getSheetAt(0).getRow(1).getCell(2).getNumericCellValue()).isEqualTo(20.0);
      assertThat(wb.getSheetAt(1).getRow(3).getCell(0).getStringCellValue()).isEqualTo("考核第二学区");
      assertThat(wb.getSheetAt(1).getRow(3).getCell(7).getNumericCellValue()).isEqualTo(0.5);
      assertThat(wb.getSheetAt(1).getRow(3).getCell(10).getStringCellValue()).contains("按比例得 5 分");
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
