package org.gongyu.school.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongyu.school.imports.ExcelImportIT.row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
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
 * Issue 14 for the families recorded by one PUT per record: classes, the parent school, its sessions,
 * head-teacher trainings, instructors, committees and suggestions. Per family: template → fill →
 * upload → job → records (and a figure) changed, the same file again changes nothing, and a refused
 * row comes back in the error workbook with its cell marked and its 错误说明; refusals of the service
 * itself (a correction without a reason, a class of another year, an unknown class, a resolved
 * suggestion without its day) land on their column. Own school ids 99088100xx, county 990881.
 */
class SchoolRecordImportsIT extends StudentRecordsItSupport {

  static final String COUNTY = "990881";
  static final String CLASSES = "9908810001";
  static final String SESSIONS = "9908810002";
  static final String TRAININGS = "9908810003";
  static final String INSTRUCTORS = "9908810004";
  static final String PARENT_SCHOOL = "9908810005";
  static final String COMMITTEES = "9908810006";
  static final String SUGGESTIONS = "9908810007";
  static final String OPEN_SCHOOL = "9908810008";
  static final JsonMapper JSON = JsonMapper.builder().build();

  record Upload(int status, String location, String body) {}

  @BeforeAll
  void schools() {
    for (String s : List.of(CLASSES, SESSIONS, TRAININGS, INSTRUCTORS, PARENT_SCHOOL, COMMITTEES, SUGGESTIONS, OPEN_SCHOOL)) {
      registerSchool(s, COUNTY);
    }
    putClass(SESSIONS, "C1", "2026-2027", 40);
    putClass(COMMITTEES, "C1", "2026-2027", 40);
    putClass(OPEN_SCHOOL, "C1", "2026-2027", 40);
  }

  @Test
  void theTemplatesOfThePutFamiliesAreListed() {
    JsonNode templates = JSON.readTree(get(base(CLASSES) + "/templates").body());
    assertThat(templates.findValuesAsString("family")).contains("classes", "parent-school", "parent-school-sessions",
        "head-trainings", "instructors", "committees", "suggestions", "open-school-events");
    for (JsonNode t : templates) {
      if (t.get("family").asString().equals("classes")) {
        assertThat(t.get("titleZh").asString()).isEqualTo("班级及在籍人数");
        assertThat(t.get("columns").findValuesAsString("key")).containsExactly("classId", "schoolYear", "grade", "name",
            "enrolment", "reason");
        assertThat(t.get("adminsOnly").asBoolean()).as("only administrators upload classes").isTrue();
      } else {
        assertThat(t.get("adminsOnly").asBoolean()).as(t.get("family").asString()).isFalse();
      }
    }
    assertThat(download(base(CLASSES) + "/templates/committees.xlsx?lang=en").length).isPositive();
  }

  @Test
  void classesAreRecordedCorrectedOnlyWithAReasonAndKeepTheirYear() throws Exception {
    byte[] file = filled(CLASSES, "classes", "zh-CN", s -> {
      row(s, 1, "C1", "2026-2027", "3", "三年级1班", "40", null);
      row(s, 2, "C2", "2026-2027", "4", "四年级2班", "35", null);
      row(s, 3, "C3", "2026-27", "4", "四年级3班", "35", null);
    });
    JsonNode job = finished(upload(CLASSES, "classes", file, "zh-CN").location());
    assertThat(job.get("status").asString()).isEqualTo("DONE");
    assertThat(counts(job)).containsExactly(3, 2, 1, 0);
    assertThat(jdbc.sql("select class_id || ':' || enrolment from school_class where school_id = ? order by class_id")
        .param(CLASSES).query(String.class).list()).containsExactly("C1:40", "C2:35");
    try (XSSFWorkbook wb = errors(CLASSES, job)) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getLastRowNum()).isEqualTo(1);
      Row r = s.getRow(1);
      assertThat(r.getCell(0).getStringCellValue()).isEqualTo("C3");
      assertRed(r.getCell(1), "2026-27");
      assertNotRed(r.getCell(0));
      assertThat(r.getCell(6).getStringCellValue()).startsWith("第 4 行：学年：");
    }
    assertThat(counts(finished(upload(CLASSES, "classes", file, "zh-CN").location()))).as("the same file again")
        .containsExactly(3, 0, 1, 2);

    // corrections: without a reason, to another school year (refused by the service), and with a reason
    byte[] corrections = filled(CLASSES, "classes", "en", s -> {
      row(s, 1, "C1", "2026-2027", "3", "三年级1班", "42", null);
      row(s, 2, "C2", "2027-2028", "4", "四年级2班", "35", null);
      row(s, 3, "C2", "2026-2027", "4", "四年级2班", "36", "录入有误");
    });
    JsonNode corrected = finished(upload(CLASSES, "classes", corrections, "en").location());
    assertThat(counts(corrected)).containsExactly(3, 1, 2, 0);
    assertThat(jdbc.sql("select class_id || ':' || enrolment from school_class where school_id = ? order by class_id")
        .param(CLASSES).query(String.class).list()).containsExactly("C1:40", "C2:36");
    try (XSSFWorkbook wb = errors(CLASSES, corrected)) {
      Sheet s = wb.getSheetAt(0);
      Row noReason = s.getRow(1);
      assertRed(noReason.getCell(5), null);
      assertThat(noReason.getCell(6).getStringCellValue()).startsWith("Row 2: Reason:").contains("reason");
      Row otherYear = s.getRow(2);
      assertRed(otherYear.getCell(1), "2027-2028");
      assertThat(otherYear.getCell(6).getStringCellValue()).startsWith("Row 3: School year:").contains("2026-2027");
    }

    // as the PUT, the upload is for the school's administrators only
    Upload byStaff = uploadAs(Keycloak.tokenAs("school-staff", CLASSES), CLASSES, "classes", file);
    assertThat(byStaff.status()).isEqualTo(403);
    assertThat(byStaff.body()).contains("只有管理员可以导入").contains("classes");
    assertThat(JSON.readTree(get(base(CLASSES) + "/jobs").body()).size()).as("no job for the refused upload").isEqualTo(3);
  }

  @Test
  void sessionsTakeLabelsAndAnUnknownClassIsRefusedAtItsCell() throws Exception {
    byte[] file = filled(SESSIONS, "parent-school-sessions", "zh-CN", s -> {
      row(s, 1, "S1", "全校集中", null, LocalDate.of(2026, 10, 16), "陪伴孩子适应新学期", "王老师", "线下", "120", null);
      row(s, 2, "S2", "CLASS", "C1", LocalDate.of(2026, 10, 20), "亲子沟通", "李老师", "Online", "30", null);
      row(s, 3, "S3", "班级", "C9", LocalDate.of(2026, 10, 21), "亲子阅读", "李老师", "线下", "25", null);
    });
    JsonNode job = finished(upload(SESSIONS, "parent-school-sessions", file, "zh-CN").location());
    assertThat(counts(job)).containsExactly(3, 2, 1, 0);
    assertThat(jdbc.sql("select session_id || ':' || session_type || ':' || mode from parent_school_session where school_id = ? order by 1")
        .param(SESSIONS).query(String.class).list()).containsExactly("S1:COLLECTIVE:OFFLINE", "S2:CLASS:ONLINE");
    try (XSSFWorkbook wb = errors(SESSIONS, job)) {
      Row r = wb.getSheetAt(0).getRow(1);
      assertRed(r.getCell(2), "C9");
      assertThat(r.getCell(9).getStringCellValue()).startsWith("第 4 行：班级编号：").contains("C9");
    }
    assertThat(counts(finished(upload(SESSIONS, "parent-school-sessions", file, "zh-CN").location()))).containsExactly(3, 0, 1, 2);
  }

  @Test
  void headTrainingsInTheFutureAreRefused() throws Exception {
    byte[] file = filled(TRAININGS, "head-trainings", "zh-CN", s -> {
      row(s, 1, "HT-1", "李老师", "家庭教育指导专题培训", LocalDate.of(2026, 9, 20), null);
      row(s, 2, "HT-2", "王老师", "家庭教育指导专题培训", LocalDate.of(2026, 12, 1), null);
    });
    JsonNode job = finished(upload(TRAININGS, "head-trainings", file, "zh-CN").location());
    assertThat(counts(job)).containsExactly(2, 1, 1, 0);
    assertThat(jdbc.sql("select training_id from head_training where school_id = ?").param(TRAININGS).query(String.class).list())
        .containsExactly("HT-1");
    try (XSSFWorkbook wb = errors(TRAININGS, job)) {
      Row r = wb.getSheetAt(0).getRow(1);
      assertRed(r.getCell(3), null);
      assertThat(r.getCell(5).getStringCellValue()).startsWith("第 3 行：完成日期：").contains("2026-12-01");
    }
    assertThat(counts(finished(upload(TRAININGS, "head-trainings", file, "zh-CN").location()))).containsExactly(2, 0, 1, 1);
  }

  @Test
  void instructorsWhoLeftBeforeTheirCertificateAreRefused() throws Exception {
    byte[] file = filled(INSTRUCTORS, "instructors", "zh-CN", s -> {
      row(s, 1, "IN-1", "赵老师", "JJZD-2026-0001", LocalDate.of(2025, 6, 1), null, null);
      row(s, 2, "IN-2", "钱老师", "JJZD-2026-0002", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 5, 1), null);
    });
    JsonNode job = finished(upload(INSTRUCTORS, "instructors", file, "zh-CN").location());
    assertThat(counts(job)).containsExactly(2, 1, 1, 0);
    assertThat(jdbc.sql("select instructor_id from instructor where school_id = ?").param(INSTRUCTORS).query(String.class).list())
        .containsExactly("IN-1");
    try (XSSFWorkbook wb = errors(INSTRUCTORS, job)) {
      Row r = wb.getSheetAt(0).getRow(1);
      assertRed(r.getCell(4), null);
      assertNotRed(r.getCell(3));
      assertThat(r.getCell(6).getStringCellValue()).startsWith("第 3 行：离校日期：");
    }
    assertThat(counts(finished(upload(INSTRUCTORS, "instructors", file, "zh-CN").location()))).containsExactly(2, 0, 1, 1);
  }

  @Test
  void theParentSchoolIsRecordedOnceAndCorrectedOnlyWithAReason() throws Exception {
    byte[] file = filled(PARENT_SCHOOL, "parent-school", "zh-CN", s ->
        row(s, 1, "张校长", LocalDate.of(2020, 9, 1), "校长任校长，德育处负责日常工作，各年级组长参与", "每学期至少两次集中授课", null, null));
    JsonNode job = finished(upload(PARENT_SCHOOL, "parent-school", file, "zh-CN").location());
    assertThat(counts(job)).containsExactly(1, 1, 0, 0);
    assertThat(jdbc.sql("select head_name from parent_school where school_id = ?").param(PARENT_SCHOOL).query(String.class).single())
        .isEqualTo("张校长");
    assertThat(counts(finished(upload(PARENT_SCHOOL, "parent-school", file, "zh-CN").location()))).containsExactly(1, 0, 0, 1);

    byte[] changed = filled(PARENT_SCHOOL, "parent-school", "zh-CN", s ->
        row(s, 1, "张校长", LocalDate.of(2020, 9, 1), "德育处负责", "每学期至少两次集中授课", null, null));
    JsonNode refused = finished(upload(PARENT_SCHOOL, "parent-school", changed, "zh-CN").location());
    assertThat(counts(refused)).containsExactly(1, 0, 1, 0);
    try (XSSFWorkbook wb = errors(PARENT_SCHOOL, refused)) {
      Row r = wb.getSheetAt(0).getRow(1);
      assertRed(r.getCell(5), null);
      assertThat(r.getCell(6).getStringCellValue()).startsWith("第 2 行：更正原因：").contains("原因");
    }
    assertThat(jdbc.sql("select structure from parent_school where school_id = ?").param(PARENT_SCHOOL).query(String.class).single())
        .isEqualTo("校长任校长，德育处负责日常工作，各年级组长参与");
  }

  @Test
  void committeesTakeYesNoAndAClassCommitteeNeedsItsClass() throws Exception {
    byte[] file = filled(COMMITTEES, "committees", "zh-CN", s -> {
      row(s, 1, "PC-S", "校级", null, LocalDate.of(2026, 9, 15), null, "家长驿站", "是", "否", null, null);
      row(s, 2, "PC-C1", "CLASS", "C1", LocalDate.of(2026, 9, 20), null, null, "yes", "yes", null, null);
      row(s, 3, "PC-C2", "班级", null, LocalDate.of(2026, 9, 20), null, null, "否", "否", null, null);
    });
    JsonNode job = finished(upload(COMMITTEES, "committees", file, "zh-CN").location());
    assertThat(counts(job)).containsExactly(3, 2, 1, 0);
    assertThat(jdbc.sql("""
            select committee_id || ':' || level || ':' || plaque || ':' || rules_adopted || ':' || term_ends_on
            from parent_committee where school_id = ? order by 1""")
        .param(COMMITTEES).query(String.class).list())
        .containsExactly("PC-C1:CLASS:true:true:2029-09-20", "PC-S:SCHOOL:true:false:2029-09-15");
    try (XSSFWorkbook wb = errors(COMMITTEES, job)) {
      Row r = wb.getSheetAt(0).getRow(1);
      assertRed(r.getCell(2), null);
      assertThat(r.getCell(11).getStringCellValue()).startsWith("第 4 行：班级编号：");
    }
    assertThat(counts(finished(upload(COMMITTEES, "committees", file, "zh-CN").location()))).containsExactly(3, 0, 1, 2);
  }

  @Test
  void openSchoolEventsTakeLabelsAClassroomSessionNeedsItsProfessionAndACorrectionItsReason() throws Exception {
    byte[] file = filled(OPEN_SCHOOL, "open-school-events", "zh-CN", s -> {
      row(s, 1, "OS-1", "家长会", null, LocalDate.of(2026, 10, 16), "线下", "期中家长会", 38, null, null, null);
      row(s, 2, "OS-2", "家长进课堂", "C1", LocalDate.of(2026, 10, 20), "OFFLINE", "消防安全", 40, "消防员", "P-0001", null);
      row(s, 3, "OS-3", "家长进课堂", "C1", LocalDate.of(2026, 10, 21), "线下", "职业体验", 40, null, null, null);
    });
    JsonNode job = finished(upload(OPEN_SCHOOL, "open-school-events", file, "zh-CN").location());
    assertThat(counts(job)).containsExactly(3, 2, 1, 0);
    assertThat(jdbc.sql("""
            select event_id || ':' || event_type || ':' || coalesce(class_id, '-') || ':' || attendance || ':'
              || coalesce(profession, '-') || ':' || (guardian_key is not null)
            from open_school_event where school_id = ? order by 1""")
        .param(OPEN_SCHOOL).query(String.class).list())
        .containsExactly("OS-1:PARENT_MEETING:-:38:-:false", "OS-2:PARENTS_INTO_CLASSROOM:C1:40:消防员:true");
    assertThat(jdbc.sql("select count(*) from open_school_event where guardian_key = 'P-0001'").query(Long.class).single())
        .as("the parent's reference is kept only as a keyed hash").isZero();
    try (XSSFWorkbook wb = errors(OPEN_SCHOOL, job)) {
      assertThat(wb.getSheetAt(0).getRow(1).getCell(10).getStringCellValue()).startsWith("第 4 行：");
    }
    // the same sheet again records nothing; a changed row without a reason is refused at its reason
    assertThat(counts(finished(upload(OPEN_SCHOOL, "open-school-events", file, "zh-CN").location()))).containsExactly(3, 0, 1, 2);
    byte[] changed = filled(OPEN_SCHOOL, "open-school-events", "zh-CN", s ->
        row(s, 1, "OS-1", "家长会", null, LocalDate.of(2026, 10, 16), "线下", "期中家长会", 41, null, null, null));
    assertThat(counts(finished(upload(OPEN_SCHOOL, "open-school-events", changed, "zh-CN").location()))).containsExactly(1, 0, 1, 0);
    assertThat(jdbc.sql("select attendance from open_school_event where school_id = ? and event_id = 'OS-1'").param(OPEN_SCHOOL)
        .query(Integer.class).single()).isEqualTo(38);
  }

  @Test
  void suggestionsChangeTheResolvedFigureOnceAndAResolvedOneNeedsItsDay() throws Exception {
    byte[] file = filled(SUGGESTIONS, "suggestions", "zh-CN", s -> {
      row(s, 1, "SG-1", LocalDate.of(2026, 10, 9), "膳食", "意见箱", "已办结", LocalDate.of(2026, 10, 20), null);
      row(s, 2, "SG-2", LocalDate.of(2026, 10, 10), "SAFETY", "Parent station", "OPEN", null, null);
      row(s, 3, "SG-3", LocalDate.of(2026, 10, 11), "作业", "家长会", "已办结", null, null);
    });
    JsonNode job = finished(upload(SUGGESTIONS, "suggestions", file, "zh-CN").location());
    assertThat(counts(job)).containsExactly(3, 2, 1, 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> figure(SUGGESTIONS, IndicatorCodes.SUGGESTIONS_RESOLVED, "2026-2027") != null
        && figure(SUGGESTIONS, IndicatorCodes.SUGGESTIONS_RESOLVED, "2026-2027")[1] == 2);
    assertThat(figure(SUGGESTIONS, IndicatorCodes.SUGGESTIONS_RESOLVED, "2026-2027")).containsExactly(1, 2);
    long version = version(SUGGESTIONS, IndicatorCodes.SUGGESTIONS_RESOLVED, "2026-2027");
    try (XSSFWorkbook wb = errors(SUGGESTIONS, job)) {
      Row r = wb.getSheetAt(0).getRow(1);
      assertRed(r.getCell(5), null);
      assertThat(r.getCell(7).getStringCellValue()).startsWith("第 4 行：办结日期：");
    }
    assertThat(counts(finished(upload(SUGGESTIONS, "suggestions", file, "zh-CN").location()))).containsExactly(3, 0, 1, 2);
    assertThat(version(SUGGESTIONS, IndicatorCodes.SUGGESTIONS_RESOLVED, "2026-2027")).as("no new snapshot").isEqualTo(version);
  }

  // ---------------------------------------------------------------------------------------------

  static String base(String school) {
    return "/api/school/schools/" + school + "/imports";
  }

  /** read, applied, refused, unchanged */
  private static int[] counts(JsonNode job) {
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
    return new int[] {job.get("read").asInt(), job.get("applied").asInt(), job.get("refused").asInt(), job.get("unchanged").asInt()};
  }

  private JsonNode finished(String location) {
    JsonNode[] last = {null};
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
      last[0] = JSON.readTree(get(location).body());
      return List.of("DONE", "FAILED", "CANCELLED").contains(last[0].get("status").asString());
    });
    return last[0];
  }

  private Upload upload(String school, String family, byte[] bytes, String lang) {
    Upload up = send(null, lang, school, family, bytes);
    assertThat(up.status()).as(up.body()).isEqualTo(202);
    return up;
  }

  private Upload uploadAs(String token, String school, String family, byte[] bytes) {
    return send(token, "zh-CN", school, family, bytes);
  }

  private Upload send(String token, String lang, String school, String family, byte[] bytes) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return family + ".xlsx";
      }
    });
    var request = http.post().uri(base(school) + "/" + family).header(HttpHeaders.ACCEPT_LANGUAGE, lang);
    if (token != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return request.contentType(MediaType.MULTIPART_FORM_DATA).body(form)
        .exchange((req, res) -> new Upload(res.getStatusCode().value(), res.getHeaders().getFirst(HttpHeaders.LOCATION),
            new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
  }

  private byte[] download(String path) {
    return http.get().uri(path).exchange((req, res) -> {
      assertThat(res.getStatusCode().value()).isEqualTo(200);
      return res.getBody().readAllBytes();
    }, true);
  }

  private XSSFWorkbook errors(String school, JsonNode job) throws IOException {
    assertThat(job.get("hasErrorWorkbook").asBoolean()).isTrue();
    return new XSSFWorkbook(new ByteArrayInputStream(download(base(school) + "/jobs/" + job.get("jobId").asString() + "/errors.xlsx")));
  }

  /** The school's template (lang zh-CN or en), filled by {@code fill} on its data sheet (row 1 overwrites the example). */
  private byte[] filled(String school, String family, String lang, Consumer<Sheet> fill) throws IOException {
    byte[] template = download(base(school) + "/templates/" + family + ".xlsx?lang=" + lang);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill.accept(wb.getSheetAt(0));
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static void assertRed(Cell cell, String value) {
    assertThat(cell.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
    assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
    assertThat(cell.getCellComment()).isNotNull();
    if (value != null) {
      assertThat(cell.getStringCellValue()).isEqualTo(value);
    }
  }

  private static void assertNotRed(Cell cell) {
    assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
  }
}
