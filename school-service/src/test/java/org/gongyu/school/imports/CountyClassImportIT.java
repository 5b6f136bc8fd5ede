package org.gongyu.school.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.school.StudentRecordsItSupport;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14's county registry of classes and enrolment: a county admin fills one sheet for all the
 * county's schools (a school column in front of the school template's columns), each row goes to
 * its school as that school's PUT would, a row of another county's school is refused at the school
 * cell and writes nothing, the schools' figures follow, the same file again changes nothing, and
 * neither a school's admin nor another county's admin may use it. Own ids (990883xxxx, 990884xxxx).
 */
class CountyClassImportIT extends StudentRecordsItSupport {

  static final String COUNTY = "990883";
  static final String OTHER_COUNTY = "990884";
  static final String FIRST = "9908830001";
  static final String SECOND = "9908830002";
  static final String ELSEWHERE = "9908840001";
  static final JsonMapper JSON = JsonMapper.builder().build();

  record Upload(int status, String location, String body) {}

  @BeforeAll
  void schools() {
    registerSchool(FIRST, COUNTY);
    registerSchool(SECOND, COUNTY);
    registerSchool(ELSEWHERE, OTHER_COUNTY);
  }

  static String base(String county) {
    return "/api/school/counties/" + county + "/imports";
  }

  @Test
  void aCountyRecordsTheClassesOfAllItsSchoolsFromOneSheet() throws Exception {
    JsonNode templates = JSON.readTree(get(base(COUNTY) + "/templates").body());
    assertThat(templates.findValuesAsString("family")).containsExactly("classes");
    assertThat(templates.get(0).get("columns").findValuesAsString("key")).containsExactly("schoolId", "classId", "schoolYear",
        "grade", "name", "enrolment", "reason");

    byte[] file = filled(COUNTY, "zh-CN", s -> {
      row(s, 1, FIRST, "C1", "2026-2027", 1, "一年级1班", 40);
      row(s, 2, FIRST, "C2", "2026-2027", 1, "一年级2班", 38);
      row(s, 3, SECOND, "C1", "2026-2027", 2, "二年级1班", 45);
      row(s, 4, ELSEWHERE, "C1", "2026-2027", 2, "二年级1班", 50);
      row(s, 5, SECOND, "C 9", "2026-2027", 2, "二年级9班", 44);
    });
    JsonNode job = run(COUNTY, file);
    assertCounts(job, 5, 3, 2, 0);
    assertThat(classes(FIRST)).isEqualTo(2);
    assertThat(classes(SECOND)).isEqualTo(1);
    assertThat(classes(ELSEWHERE)).as("another county's school is untouched").isZero();
    // enrolment is the registration rate's denominator: each school's figure follows its own classes
    assertThat(figure(FIRST, IndicatorCodes.PLATFORM_REGISTRATION, "2026-2027-1")[1]).isEqualTo(78);
    assertThat(figure(SECOND, IndicatorCodes.PLATFORM_REGISTRATION, "2026-2027-1")[1]).isEqualTo(45);

    try (XSSFWorkbook wb = errors(COUNTY, job)) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getRow(0).getCell(7).getStringCellValue()).isEqualTo("错误说明");
      Row foreign = s.getRow(1);
      assertRed(foreign.getCell(0));
      assertThat(foreign.getCell(7).getStringCellValue()).startsWith("第 5 行：学校编号：").contains(ELSEWHERE).contains("不是本区县");
      Row badId = s.getRow(2);
      assertRed(badId.getCell(1));
      assertThat(badId.getCell(7).getStringCellValue()).startsWith("第 6 行：班级编号：");
    }

    long version = version(FIRST, IndicatorCodes.PLATFORM_REGISTRATION, "2026-2027-1");
    assertCounts(run(COUNTY, file), 5, 0, 2, 3);
    assertThat(version(FIRST, IndicatorCodes.PLATFORM_REGISTRATION, "2026-2027-1")).as("no new snapshot").isEqualTo(version);
  }

  @Test
  void onlyTheCountysAdministratorsImportForItsSchools() throws Exception {
    byte[] file = filled(COUNTY, "zh-CN", s -> row(s, 1, FIRST, "C7", "2026-2027", 3, "三年级1班", 30));
    assertThat(uploadAs(Keycloak.tokenAs("school-admin", FIRST), COUNTY, file).status()).isEqualTo(403);
    // another county's admin is told nothing about this county (404, as for every unit not theirs)
    assertThat(uploadAs(Keycloak.tokenAs("county-admin", OTHER_COUNTY), COUNTY, file).status()).isEqualTo(404);
    assertThat(statusOf("GET", base(COUNTY) + "/jobs", null, Keycloak.tokenAs("county-admin", OTHER_COUNTY))).isEqualTo(404);
    assertThat(statusOf("GET", base(COUNTY) + "/templates", null, Keycloak.tokenAs("school-admin", FIRST))).isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from school_class where school_id = ? and class_id = 'C7'").param(FIRST)
        .query(Long.class).single()).isZero();
  }

  // ---------------------------------------------------------------------------------------------

  private long classes(String school) {
    return jdbc.sql("select count(*) from school_class where school_id = ?").param(school).query(Long.class).single();
  }

  private static void assertCounts(JsonNode job, int read, int applied, int refused, int unchanged) {
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
    assertThat(new int[] {job.get("read").asInt(), job.get("applied").asInt(), job.get("refused").asInt(),
        job.get("unchanged").asInt()}).as("read, applied, refused, unchanged of " + job).containsExactly(read, applied, refused,
        unchanged);
  }

  private JsonNode run(String county, byte[] file) {
    Upload up = uploadAs(null, county, file);
    assertThat(up.status()).as(up.body()).isEqualTo(202);
    assertThat(up.location()).startsWith(base(county) + "/jobs/");
    JsonNode[] last = {null};
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
      last[0] = JSON.readTree(get(up.location()).body());
      return List.of("DONE", "FAILED", "CANCELLED").contains(last[0].get("status").asString());
    });
    return last[0];
  }

  private Upload uploadAs(String token, String county, byte[] bytes) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return "各校班级.xlsx";
      }
    });
    var request = http.post().uri(base(county) + "/classes").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
    if (token != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return request.contentType(MediaType.MULTIPART_FORM_DATA).body(form)
        .exchange((req, res) -> new Upload(res.getStatusCode().value(), res.getHeaders().getFirst(HttpHeaders.LOCATION),
            new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
  }

  private byte[] download(String path) {
    return http.get().uri(path).exchange((req, res) -> {
      assertThat(res.getStatusCode().value()).as(path).isEqualTo(200);
      return res.getBody().readAllBytes();
    }, true);
  }

  private XSSFWorkbook errors(String county, JsonNode job) throws IOException {
    assertThat(job.get("hasErrorWorkbook").asBoolean()).isTrue();
    return new XSSFWorkbook(new ByteArrayInputStream(download(base(county) + "/jobs/" + job.get("jobId").asString() + "/errors.xlsx")));
  }

  private byte[] filled(String county, String lang, Consumer<Sheet> fill) throws IOException {
    byte[] template = download(base(county) + "/templates/classes.xlsx?lang=" + lang);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).startsWith("学校编号");
      fill.accept(wb.getSheetAt(0));
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static void row(Sheet s, int index, Object... values) {
    Row r = s.getRow(index) != null ? s.getRow(index) : s.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Cell c = r.getCell(i, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
      if (values[i] instanceof Number n) {
        c.setCellValue(n.doubleValue());
      } else {
        c.setCellValue(String.valueOf(values[i]));
      }
    }
  }

  private static void assertRed(Cell cell) {
    assertThat(cell).isNotNull();
    assertThat(cell.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
    assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
  }
}
