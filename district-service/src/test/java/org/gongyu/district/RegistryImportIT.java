package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.contracts.Topics;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * The registry's Excel import (issue 14, ADR 0017) end to end: templates in both languages, a
 * filled 学区 workbook and then a schools workbook uploaded and polled, the registry and its
 * {@code SchoolRegistered} events as the PUT endpoints would leave them, the error workbook read
 * back cell by cell, a second upload of the same files changing nothing, a hostile file refused up
 * front, and another county's admin kept out. Counties 990777 (the importing one) and 990778 (the
 * other) are this class's only.
 */
class RegistryImportIT extends DistrictITSupport {

  static final String COUNTY = "990777";
  static final String OTHER = "990778";
  static final String BASE = "/api/district/counties/" + COUNTY + "/imports";
  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  @BeforeAll
  void ownCounties() {
    send(Topics.CITY_COUNTIES, TestEvents.CITY, TestEvents.county(COUNTY, 1));
    send(Topics.CITY_COUNTIES, TestEvents.CITY, TestEvents.county(OTHER, 1));
    await().atMost(PATIENCE).until(() -> count("select count(*) from county where id in ('" + COUNTY + "', '" + OTHER + "')") == 2);
    // what the rows of the other county's admin refer to: a 学区 and a school of county 990778
    putXuequ(OTHER, "990778-XQ1", "他县学区");
    putSchool(OTHER, "9907780001", "他县小学", "PRIMARY", "990778-XQ1");
  }

  @Test
  void listsTheTemplatesXuequFirstAndDownloadsThemInChineseAndEnglishWithTheSchoolTypeDropDown() throws IOException {
    ResponseEntity<JsonNode> list = get(BASE + "/templates");
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    assertThat(list.getBody().findValuesAsString("family")).containsExactly("xuequ", "schools");
    JsonNode schools = list.getBody().get(1);
    assertThat(schools.get("titleZh").asString()).isEqualTo("学校名册");
    assertThat(schools.get("templateVersion").asInt()).isEqualTo(1);
    assertThat(schools.get("columns").findValuesAsString("key")).containsExactly("schoolId", "name", "schoolType", "xuequId");
    JsonNode type = schools.get("columns").get(2);
    assertThat(type.get("headerZh").asString()).isEqualTo("学校类型");
    assertThat(type.get("headerEn").asString()).isEqualTo("School type");
    assertThat(type.get("type").asString()).isEqualTo("ENUM");
    assertThat(type.get("required").asBoolean()).isTrue();
    assertThat(schools.get("columns").get(3).get("required").asBoolean()).isFalse();

    ResponseEntity<byte[]> zh = download(BASE + "/templates/schools.xlsx?lang=zh-CN");
    assertThat(zh.getHeaders().getContentType().isCompatibleWith(XLSX)).isTrue();
    assertThat(zh.getHeaders().getContentDisposition().getFilename()).isEqualTo("学校名册导入模板-v1.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(zh.getBody()))) {
      Sheet data = wb.getSheetAt(0);
      assertThat(headers(data.getRow(0), 4)).containsExactly("学校编号", "学校名称", "学校类型", "所属学区编号");
      assertThat(dropDowns(data)).containsExactly("小学", "初中", "九年一贯制", "高中", "完全中学", "职业学校", "特殊教育学校", "幼儿园");
      assertThat(text(wb.getSheetAt(1))).contains("请先导入“学区名册”模板，再导入本模板", "有效行写入");
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(BASE + "/templates/schools.xlsx?lang=en").getBody()))) {
      assertThat(headers(wb.getSheetAt(0).getRow(0), 4)).containsExactly("School id", "Name", "School type", "学区 id");
      assertThat(dropDowns(wb.getSheetAt(0))).contains("Primary", "Junior secondary", "Kindergarten").hasSize(8);
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(BASE + "/templates/xuequ.xlsx").getBody()))) {
      assertThat(headers(wb.getSheetAt(0).getRow(0), 2)).containsExactly("学区编号", "学区名称");
      assertThat(text(wb.getSheetAt(1))).contains("请先导入本模板，再导入“学校名册”模板");
    }
    assertProblem(get(BASE + "/templates/teachers.xlsx"), 404, "teachers");
  }

  @Test
  void importsXuequThenSchoolsAsThePutEndpointsWouldAndTheSameFilesAgainChangeNothing() throws IOException {
    byte[] xuequ = filled("xuequ", List.of(
        List.of("990777-XQ1", "城东学区"),
        List.of("990777-XQ2", "城西学区"),
        List.of("XQ 3!", "坏编号学区")));
    JsonNode first = awaitDone(upload("xuequ", "学区.xlsx", xuequ));
    assertThat(figures(first)).isEqualTo("read=3 applied=2 refused=1 unchanged=0");
    assertThat(xuequRow("990777-XQ1")).isEqualTo("990777-XQ1:990777:城东学区:1");
    assertThat(xuequRow("990777-XQ2")).isEqualTo("990777-XQ2:990777:城西学区:1");

    byte[] schools = filled("schools", List.of(
        List.of("9907770001", "城东小学", "小学", "990777-XQ1"),           // row 2: new, in a 学区 of the 学区 upload
        List.of("9907770002", "城西初中", "初中", "990777-XQ2"),           // row 3: new
        List.of("9907770003", "县直幼儿园", "幼儿园", ""),                 // row 4: new, no 学区
        List.of("9907770004", "错学区学校", "小学", "990777-XQ9"),         // row 5: unknown 学区
        List.of("9907770005", "借学区学校", "小学", "990778-XQ1"),         // row 6: a 学区 of another county
        List.of("9907780001", "他县小学", "小学", ""),                     // row 7: a school of another county
        List.of("9907770006", "", "小学", ""),                             // row 8: no name
        List.of("9907770007", "类型错学校", "中专", ""),                   // row 9: not a school type
        List.of("9907770008", "坏编号学校", "小学", "XQ 9!")));             // row 10: a 学区 id the body's @Pattern refuses
    ResponseEntity<JsonNode> accepted = upload("schools", "学校名册.xlsx", schools);
    assertThat(accepted.getStatusCode().value()).isEqualTo(202);
    assertThat(accepted.getHeaders().getLocation().getPath())
        .isEqualTo(BASE + "/jobs/" + accepted.getBody().get("jobId").asString());
    assertThat(accepted.getBody().get("rowsTotal").asInt()).isEqualTo(9);
    assertThat(accepted.getBody().get("fileName").asString()).isEqualTo("学校名册.xlsx");
    JsonNode done = awaitDone(accepted);
    assertThat(figures(done)).isEqualTo("read=9 applied=3 refused=6 unchanged=0");
    assertThat(done.get("rowsDone").asInt()).isEqualTo(9);
    assertThat(done.get("hasErrorWorkbook").asBoolean()).isTrue();
    assertThat(done.get("problem").isNull()).isTrue();

    assertThat(schoolRow("9907770001")).isEqualTo("9907770001:990777:990777-XQ1:城东小学:PRIMARY:1");
    assertThat(schoolRow("9907770002")).isEqualTo("9907770002:990777:990777-XQ2:城西初中:JUNIOR_SECONDARY:1");
    assertThat(schoolRow("9907770003")).isEqualTo("9907770003:990777:-:县直幼儿园:KINDERGARTEN:1");
    for (String refused : List.of("9907770004", "9907770005", "9907770006", "9907770007", "9907770008")) {
      assertThat(schoolRow(refused)).as(refused).isNull();
    }
    assertThat(schoolRow("9907780001")).isEqualTo("9907780001:990778:990778-XQ1:他县小学:PRIMARY:1");
    awaitOutboxDrained();
    for (String applied : List.of("9907770001", "9907770002", "9907770003")) {
      assertThat(registryEventsOf(applied)).as(applied).isEqualTo(1);
      await().atMost(PATIENCE).until(() -> schoolEvents(applied).size() == 1);
    }
    assertThat(schoolEvents("9907770001").getFirst().xuequId()).isEqualTo("990777-XQ1");
    assertThat(schoolEvents("9907770003").getFirst().schoolType()).isEqualTo("KINDERGARTEN");
    assertThat(registryEventsOf("9907780001")).isEqualTo(1);

    // the error workbook: each refused row as uploaded, the offending cell red, the errors column in words
    ResponseEntity<byte[]> errors = download(BASE + "/jobs/" + done.get("jobId").asString() + "/errors.xlsx");
    assertThat(errors.getHeaders().getContentType().isCompatibleWith(XLSX)).isTrue();
    assertThat(errors.getHeaders().getContentDisposition().getFilename()).isEqualTo("学校名册-错误行.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(errors.getBody()))) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("错误行");
      assertThat(headers(sheet.getRow(0), 5)).containsExactly("学校编号", "学校名称", "学校类型", "所属学区编号", "错误说明");
      Map<String, Row> byId = new HashMap<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        byId.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r));
      }
      assertThat(byId).containsOnlyKeys("9907770004", "9907770005", "9907780001", "9907770006", "9907770007", "9907770008");

      Row unknown = byId.get("9907770004");
      assertThat(cells(unknown, 4)).containsExactly("9907770004", "错学区学校", "小学", "990777-XQ9");
      assertThat(red(unknown, 3)).isTrue();
      assertThat(red(unknown, 0) || red(unknown, 1) || red(unknown, 2)).isFalse();
      String hint = "请先在区县 990777 登记该学区（先用“学区名册”模板导入，再导入学校），或将此格留空";
      assertThat(unknown.getCell(3).getCellComment().getString().getString()).isEqualTo("990777-XQ9 不是区县 990777 的学区；" + hint);
      assertThat(unknown.getCell(4).getStringCellValue()).isEqualTo("第 5 行：所属学区编号：990777-XQ9 不是区县 990777 的学区；" + hint);

      Row borrowed = byId.get("9907770005");
      assertThat(red(borrowed, 3)).isTrue();
      assertThat(borrowed.getCell(4).getStringCellValue()).isEqualTo("第 6 行：所属学区编号：990778-XQ1 不是区县 990777 的学区；" + hint);

      Row otherCounty = byId.get("9907780001");
      assertThat(red(otherCounty, 0)).isTrue();
      assertThat(red(otherCounty, 3)).isFalse();
      assertThat(otherCounty.getCell(4).getStringCellValue()).startsWith("第 7 行：学校编号：学校 9907780001 已登记在区县 990778");

      Row nameless = byId.get("9907770006");
      assertThat(red(nameless, 1)).isTrue();
      assertThat(nameless.getCell(4).getStringCellValue()).isEqualTo("第 8 行：学校名称：为必填项");

      Row badType = byId.get("9907770007");
      assertThat(badType.getCell(2).getStringCellValue()).isEqualTo("中专");
      assertThat(red(badType, 2)).isTrue();
      assertThat(badType.getCell(4).getStringCellValue()).startsWith("第 9 行：学校类型：不是可选值（").endsWith("：中专");

      // refused by PutSchoolRequest's own constraint, through the same Validator as the PUT's body
      Row badXuequId = byId.get("9907770008");
      assertThat(red(badXuequId, 3)).isTrue();
      assertThat(red(badXuequId, 0)).isFalse();
      assertThat(badXuequId.getCell(4).getStringCellValue()).startsWith("第 10 行：所属学区编号：").contains("[A-Za-z0-9-]{1,40}");

      Sheet summary = wb.getSheet("汇总");
      assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(9.0);
      assertThat(summary.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(3.0);
      assertThat(summary.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(6.0);
    }

    // the same files again: every applied row unchanged, no version, no event
    String before = registryState();
    JsonNode againXuequ = awaitDone(upload("xuequ", "学区.xlsx", xuequ));
    assertThat(figures(againXuequ)).isEqualTo("read=3 applied=0 refused=1 unchanged=2");
    JsonNode againSchools = awaitDone(upload("schools", "学校名册.xlsx", schools));
    assertThat(figures(againSchools)).isEqualTo("read=9 applied=0 refused=6 unchanged=3");
    assertThat(registryState()).isEqualTo(before);
    for (String applied : List.of("9907770001", "9907770002", "9907770003")) {
      assertThat(registryEventsOf(applied)).as(applied).isEqualTo(1);
    }

    // a changed row is a new version and one more event, as a PUT with new content is
    JsonNode renamed = awaitDone(upload("schools", "改名.xlsx", filled("schools", List.of(
        List.of("9907770001", "城东实验小学", "小学", "990777-XQ1"),
        List.of("9907770002", "城西初中", "初中", "990777-XQ2")))));
    assertThat(figures(renamed)).isEqualTo("read=2 applied=1 refused=0 unchanged=1");
    assertThat(renamed.get("hasErrorWorkbook").asBoolean()).isFalse();
    assertThat(schoolRow("9907770001")).isEqualTo("9907770001:990777:990777-XQ1:城东实验小学:PRIMARY:2");
    assertThat(registryEventsOf("9907770001")).isEqualTo(2);
    assertThat(registryEventsOf("9907770002")).isEqualTo(1);
    assertProblem(get(BASE + "/jobs/" + renamed.get("jobId").asString() + "/errors.xlsx"), 404, "no error workbook");

    ResponseEntity<JsonNode> jobs = get(BASE + "/jobs");
    assertThat(jobs.getBody().findValuesAsString("jobId")).startsWith(renamed.get("jobId").asString(),
        againSchools.get("jobId").asString(), againXuequ.get("jobId").asString());
    assertThat(post(BASE + "/jobs/" + renamed.get("jobId").asString() + "/cancellation").getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void anEnglishTemplateUploadedInEnglishGetsItsRowErrorsInEnglish() throws IOException {
    byte[] schools = filled("schools", "en", List.of(
        List.of("9907770021", "English Primary", "Primary", ""),
        List.of("9907770022", "Lost School", "Nine-year", "990777-XQ8")));
    JsonNode done = awaitDone(uploadAs("schools", "schools.xlsx", schools, "en", null));
    assertThat(figures(done)).isEqualTo("read=2 applied=1 refused=1 unchanged=0");
    assertThat(schoolRow("9907770021")).isEqualTo("9907770021:990777:-:English Primary:PRIMARY:1");
    ResponseEntity<byte[]> errors = download(BASE + "/jobs/" + done.get("jobId").asString() + "/errors.xlsx");
    assertThat(errors.getHeaders().getContentDisposition().getFilename()).isEqualTo("schools-errors.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(errors.getBody()))) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("Refused rows");
      assertThat(headers(sheet.getRow(0), 5)).containsExactly("School id", "Name", "School type", "学区 id", "Errors");
      assertThat(cells(sheet.getRow(1), 4)).containsExactly("9907770022", "Lost School", "Nine-year", "990777-XQ8");
      assertThat(red(sheet.getRow(1), 3)).isTrue();
      assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Row 3: 学区 id: xuequ 990777-XQ8 is not a 学区 of county"
          + " 990777; register the 学区 in county 990777 first (upload it with the 学区 template before the schools), or leave the cell empty");
    }
  }

  @Test
  void refusesAFileThatIsNoWorkbookOrAnotherTemplateUpFrontWithoutAJob() throws IOException {
    long jobsBefore = count("select count(*) from import_job where unit = 'county:" + COUNTY + "'");
    ResponseEntity<JsonNode> text = upload("schools", "名册.xlsx", "学校编号,学校名称\n1,甲\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertProblem(text, 415, "不是 Excel 工作簿");
    ResponseEntity<JsonNode> zh = uploadAs("schools", "名册.xlsx", "PK\u0003\u0004 not a zip".getBytes(), "zh-CN", null);
    assertThat(zh.getStatusCode().value()).isIn(415, 422);
    assertThat(zh.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    ResponseEntity<JsonNode> wrongFamily = upload("schools", "学区.xlsx", filled("xuequ", List.of(List.of("990777-XQ7", "七学区"))));
    assertProblem(wrongFamily, 422, "xuequ");
    assertProblem(upload("teachers", "x.xlsx", filled("xuequ", List.of(List.of("990777-XQ7", "七学区")))), 404, "teachers");
    assertThat(count("select count(*) from import_job where unit = 'county:" + COUNTY + "'")).isEqualTo(jobsBefore);
    assertThat(xuequRow("990777-XQ7")).isNull();
  }

  @Test
  void anotherCountysAdminAndTheCountysAssessorAreKeptOut() throws IOException {
    String otherAdmin = Keycloak.tokenAs("county-admin", OTHER);
    String assessor = Keycloak.tokenAs("county-assessor", COUNTY);
    JsonNode job = awaitDone(upload("xuequ", "学区.xlsx", filled("xuequ", List.of(List.of("990777-XQ5", "五学区")))));
    String jobPath = BASE + "/jobs/" + job.get("jobId").asString();
    for (String path : List.of(BASE + "/templates", BASE + "/templates/schools.xlsx", BASE + "/jobs", jobPath, jobPath + "/errors.xlsx")) {
      assertThat(statusOf("GET", path, null, otherAdmin)).as(path).isEqualTo(404);
      assertThat(statusOf("GET", path, null, assessor)).as(path).isEqualTo(403);
      assertThat(statusOf("GET", path, null, null)).as(path).isEqualTo(401);
    }
    assertThat(statusOf("POST", jobPath + "/cancellation", null, otherAdmin)).isEqualTo(404);
    byte[] file = filled("xuequ", List.of(List.of("990777-XQ6", "六学区")));
    assertThat(uploadAs("xuequ", "学区.xlsx", file, "zh-CN", otherAdmin).getStatusCode().value()).isEqualTo(404);
    assertThat(uploadAs("xuequ", "学区.xlsx", file, "zh-CN", assessor).getStatusCode().value()).isEqualTo(403);
    assertThat(xuequRow("990777-XQ6")).isNull();
    // the other county's own job list is its own: this county's job is not in it, nor reachable by its path
    String otherJobs = "/api/district/counties/" + OTHER + "/imports/jobs";
    ResponseEntity<JsonNode> theirs = http.get().uri(otherJobs).header(HttpHeaders.AUTHORIZATION, "Bearer " + otherAdmin)
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
    assertThat(theirs.getStatusCode().value()).isEqualTo(200);
    assertThat(theirs.getBody().findValuesAsString("jobId")).doesNotContain(job.get("jobId").asString());
    assertThat(statusOf("GET", otherJobs + "/" + job.get("jobId").asString(), null, otherAdmin)).isEqualTo(404);
  }

  // ---- helpers

  /** The template of {@code family} as downloaded, filled with {@code rows} from row 2 on (over the example row). */
  byte[] filled(String family, List<List<String>> rows) throws IOException {
    return filled(family, "zh-CN", rows);
  }

  byte[] filled(String family, String lang, List<List<String>> rows) throws IOException {
    byte[] template = download(BASE + "/templates/" + family + ".xlsx?lang=" + lang).getBody();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Sheet data = wb.getSheetAt(0);
      for (int i = 0; i < rows.size(); i++) {
        Row row = data.getRow(i + 1) == null ? data.createRow(i + 1) : data.getRow(i + 1);
        List<String> values = rows.get(i);
        for (int c = 0; c < values.size(); c++) {
          Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
          if (values.get(c).isEmpty()) {
            row.removeCell(cell);
          } else {
            cell.setCellValue(values.get(c));
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  ResponseEntity<JsonNode> upload(String family, String fileName, byte[] content) {
    return uploadAs(family, fileName, content, "zh-CN", null);
  }

  ResponseEntity<JsonNode> uploadAs(String family, String fileName, byte[] content, String language, String token) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    var request = http.post().uri(BASE + "/" + family).contentType(MediaType.MULTIPART_FORM_DATA)
        .header(HttpHeaders.ACCEPT_LANGUAGE, language).body(parts);
    if (token != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> post(String path) {
    return http.post().uri(path).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  ResponseEntity<byte[]> download(String path) {
    ResponseEntity<byte[]> r = http.get().uri(path).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {})
        .toEntity(byte[].class);
    assertThat(r.getStatusCode().value()).as(path).isEqualTo(200);
    return r;
  }

  /** Polls the job the 202 names until it has ended; it must have ended DONE. */
  JsonNode awaitDone(ResponseEntity<JsonNode> accepted) {
    assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
    String location = accepted.getHeaders().getLocation().getPath();
    JsonNode job = await().atMost(PATIENCE).until(() -> get(location).getBody(),
        j -> List.of("DONE", "FAILED", "CANCELLED").contains(j.get("status").asString()));
    assertThat(job.get("status").asString()).as("%s", job).isEqualTo("DONE");
    assertThat(job.get("finishedAt").isNull()).isFalse();
    assertThat(job.get("expiresAt").isNull()).isFalse();
    return job;
  }

  static String figures(JsonNode job) {
    return "read=" + job.get("read").asInt() + " applied=" + job.get("applied").asInt() + " refused=" + job.get("refused").asInt()
        + " unchanged=" + job.get("unchanged").asInt();
  }

  static List<String> headers(Row row, int n) {
    return cells(row, n);
  }

  static List<String> cells(Row row, int n) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(row.getCell(i) == null ? "" : row.getCell(i).getStringCellValue());
    }
    return out;
  }

  static List<String> dropDowns(Sheet sheet) {
    return sheet.getDataValidations().stream()
        .map(DataValidation::getValidationConstraint)
        .filter(c -> c.getExplicitListValues() != null)
        .flatMap(c -> List.of(c.getExplicitListValues()).stream())
        .toList();
  }

  static String text(Sheet sheet) {
    StringBuilder b = new StringBuilder();
    sheet.forEach(r -> r.forEach(c -> b.append(c.toString()).append('|')));
    return b.toString();
  }

  static boolean red(Row row, int column) {
    Cell cell = row.getCell(column);
    if (cell == null) {
      return false;
    }
    CellStyle style = cell.getCellStyle();
    return style.getFillPattern() == FillPatternType.SOLID_FOREGROUND
        && ((XSSFCellStyle) style).getFillForegroundColor() == IndexedColors.RED.getIndex();
  }
}
