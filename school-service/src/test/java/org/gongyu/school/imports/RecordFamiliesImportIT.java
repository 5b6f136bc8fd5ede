package org.gongyu.school.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * Issue 14 for the remaining record families of the home-visit, special-care, consultation,
 * six-ones and platform features: per family its template filled with POI, uploaded through the
 * HTTP API, the job polled, the records and figures changed, a refused row checked in the error
 * workbook (the cell red, 错误说明), and the same file again changing nothing. The families that have
 * only a PUT per record (special students, consultation cases) also take a correction, which needs
 * the reason column, and refuse what the PUT refuses. Own school and county ids (990882xxxx); the
 * clock is 2026-11-23 (StudentRecordsItSupport).
 */
class RecordFamiliesImportIT extends StudentRecordsItSupport {

  static final String COUNTY = "990882";
  static final String FILES = "9908820001";
  static final String SPECIAL = "9908820002";
  static final String CASES = "9908820003";
  static final String OUTREACH = "9908820004";
  static final String SIX_ONES = "9908820005";
  static final String LEARNING = "9908820006";
  static final String RECOMMENDATIONS = "9908820007";
  static final JsonMapper JSON = JsonMapper.builder().build();

  record Upload(int status, String location, String body) {}

  @BeforeAll
  void schools() {
    for (String s : List.of(FILES, SPECIAL, CASES, OUTREACH, SIX_ONES, LEARNING, RECOMMENDATIONS)) {
      registerSchool(s, COUNTY);
    }
    for (String s : List.of(FILES, SPECIAL, CASES, OUTREACH, SIX_ONES)) {
      putClass(s, "C301", "2026-2027", 30);
    }
  }

  static String base(String school) {
    return "/api/school/schools/" + school + "/imports";
  }

  @Test
  void everyFamilyHasATemplateInBothLanguages() throws Exception {
    JsonNode templates = json(get(base(FILES) + "/templates").body());
    List<String> mine = List.of("home-visit-files", "special-students", "consultations", "consultation-outreach", "six-ones",
        "platform-learning", "platform-recommendations");
    assertThat(templates.findValuesAsString("family")).containsAll(mine);
    for (String family : mine) {
      for (String lang : List.of("zh-CN", "en")) {
        byte[] template = download(base(FILES) + "/templates/" + family + ".xlsx?lang=" + lang);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
          String first = wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue();
          assertThat(first).as(family + " " + lang).matches(lang.equals("en") ? "[A-Za-z ]+\\*?" : ".*\\p{IsHan}.*");
        }
      }
    }
  }

  @Test
  void homeVisitFilesOpenOnePerStudentAndAStudentsFileIsNotOpenedTwice() throws Exception {
    // VISIT_FILES counts the files of the students visited at home: two are
    Response visits = send("POST", "/api/school/schools/" + FILES + "/home-contacts", java.util.Map.of("contacts", List.of(
        java.util.Map.of("externalId", "HV-1", "classId", "C301", "studentRef", "STU-1", "date", "2026-10-01", "mode", "IN_HOME"),
        java.util.Map.of("externalId", "HV-2", "classId", "C301", "studentRef", "STU-2", "date", "2026-10-02", "mode", "IN_HOME"))));
    assertThat(visits.status()).as(visits.body()).isEqualTo(200);
    assertThat(figure(FILES, IndicatorCodes.VISIT_FILES, "2026-2027-1")[0]).isZero();
    long before = version(FILES, IndicatorCodes.VISIT_FILES, "2026-2027-1");
    byte[] file = filled(FILES, "home-visit-files", "zh-CN", s -> {
      row(s, 1, "STU-1", "C301", LocalDate.of(2026, 9, 15));
      row(s, 2, "STU-2", "C301", LocalDate.of(2026, 9, 16));
      row(s, 3, "STU-3", "C301", "2026-09-17");
      row(s, 4, "STU-4", "C999", LocalDate.of(2026, 9, 18));
    });
    JsonNode job = run(FILES, "home-visit-files", file);
    assertCounts(job, 4, 3, 1, 0);
    assertThat(count("home_visit_file", FILES)).isEqualTo(3);
    assertThat(figure(FILES, IndicatorCodes.VISIT_FILES, "2026-2027-1")[0]).isEqualTo(2);
    long after = version(FILES, IndicatorCodes.VISIT_FILES, "2026-2027-1");
    assertThat(after).isGreaterThan(before);
    try (XSSFWorkbook wb = errors(FILES, job)) {
      Row refused = rowWith(wb.getSheetAt(0), 0, "STU-4");
      assertRed(refused.getCell(1));
      assertThat(refused.getCell(3).getStringCellValue()).startsWith("第 5 行：班级编号：").contains("C999");
      assertThat(wb.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("错误说明");
    }

    JsonNode again = run(FILES, "home-visit-files", file);
    assertCounts(again, 4, 0, 1, 3);
    assertThat(version(FILES, IndicatorCodes.VISIT_FILES, "2026-2027-1")).as("no new snapshot").isEqualTo(after);

    // a student's file with another opening day is the batch's 409 naming the item: the row is refused at
    // the student cell with how to correct it (not the batch's "nothing was saved"), the others are applied
    JsonNode other = run(FILES, "home-visit-files", filled(FILES, "home-visit-files", "zh-CN", s -> {
      row(s, 1, "STU-1", "C301", LocalDate.of(2026, 10, 1));
      row(s, 2, "STU-5", "C301", LocalDate.of(2026, 10, 1));
    }));
    assertCounts(other, 2, 1, 1, 0);
    try (XSSFWorkbook wb = errors(FILES, other)) {
      assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("STU-1");
      assertThat(wb.getSheetAt(0).getRow(1).getCell(3).getStringCellValue()).startsWith("第 2 行：")
          .contains("该学生的档案已于 2026-09-15 在班级 C301 建立").contains("请在该记录上单独更正")
          .doesNotContain("本批次未保存任何内容");
      assertRed(wb.getSheetAt(0).getRow(1).getCell(0));
    }
    assertThat(jdbc.sql("select opened_on from home_visit_file where school_id = ? order by opened_on").param(FILES)
        .query(LocalDate.class).list().getFirst()).isEqualTo(LocalDate.of(2026, 9, 15));
  }

  @Test
  void specialStudentRowsArePutsAndACorrectionNeedsTheReasonColumn() throws Exception {
    byte[] file = filled(SPECIAL, "special-students", "zh-CN", s -> {
      row(s, 1, "SS-1", "C301", "STU-1", "留守儿童", LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 20),
          LocalDate.of(2026, 9, 25), null, "由祖母照看", null);
      row(s, 2, "SS-2", "C301", "STU-2", "HARDSHIP", LocalDate.of(2026, 9, 12), LocalDate.of(2026, 9, 20), null, null, null, null);
      row(s, 3, "SS-3", "C301", "STU-3", "特殊需要", LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 1), null, null, null, null);
      row(s, 4, "bad id!", "C301", "STU-4", "OTHER", LocalDate.of(2026, 9, 10), null, null, null, null, null);
    });
    JsonNode job = run(SPECIAL, "special-students", file);
    assertCounts(job, 4, 2, 2, 0);
    assertThat(count("special_student", SPECIAL)).isEqualTo(2);
    assertThat(figure(SPECIAL, IndicatorCodes.SPECIAL_CARE, "2026-2027-1")).containsExactly(1, 2);
    assertThat(jdbc.sql("select count(*) from special_student where school_id = ? and (student_key like 'STU-%' or "
        + "position(convert_to('祖母', 'UTF8') in notes) > 0)").param(SPECIAL).query(Long.class).single())
        .as("the student pseudonymised, the notes encrypted").isZero();
    long after = version(SPECIAL, IndicatorCodes.SPECIAL_CARE, "2026-2027-1");
    try (XSSFWorkbook wb = errors(SPECIAL, job)) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getRow(0).getCell(10).getStringCellValue()).isEqualTo("错误说明");
      Row early = rowWith(s, 0, "SS-3");
      assertRed(early.getCell(5));
      assertNotRed(early.getCell(4));
      assertThat(early.getCell(10).getStringCellValue()).startsWith("第 4 行：建立关爱档案日期：").contains("2026-09-01");
      Row badId = rowWith(s, 0, "bad id!");
      assertRed(badId.getCell(0));
      assertThat(badId.getCell(10).getStringCellValue()).startsWith("第 5 行：登记编号：");
    }

    JsonNode again = run(SPECIAL, "special-students", file);
    assertCounts(again, 4, 0, 2, 2);
    assertThat(version(SPECIAL, IndicatorCodes.SPECIAL_CARE, "2026-2027-1")).as("no new snapshot").isEqualTo(after);

    // SS-2's assistance plan: without a reason the correction is refused on the reason cell, with one it is recorded
    JsonNode correction = run(SPECIAL, "special-students", filled(SPECIAL, "special-students", "zh-CN", s -> {
      row(s, 1, "SS-2", "C301", "STU-2", "HARDSHIP", LocalDate.of(2026, 9, 12), LocalDate.of(2026, 9, 20),
          LocalDate.of(2026, 10, 8), null, null, null);
    }));
    assertCounts(correction, 1, 0, 1, 0);
    try (XSSFWorkbook wb = errors(SPECIAL, correction)) {
      assertRed(wb.getSheetAt(0).getRow(1).getCell(9));
      assertThat(wb.getSheetAt(0).getRow(1).getCell(10).getStringCellValue()).startsWith("第 2 行：更正原因：");
    }
    assertThat(figure(SPECIAL, IndicatorCodes.SPECIAL_CARE, "2026-2027-1")).containsExactly(1, 2);
    JsonNode corrected = run(SPECIAL, "special-students", filled(SPECIAL, "special-students", "zh-CN", s -> {
      row(s, 1, "SS-2", "C301", "STU-2", "HARDSHIP", LocalDate.of(2026, 9, 12), LocalDate.of(2026, 9, 20),
          LocalDate.of(2026, 10, 8), null, null, "帮扶计划已制定");
    }));
    assertCounts(corrected, 1, 1, 0, 0);
    assertThat(figure(SPECIAL, IndicatorCodes.SPECIAL_CARE, "2026-2027-1")).containsExactly(2, 2);
    assertThat(get("/api/school/schools/" + SPECIAL + "/special-students/SS-2/history").body()).contains("帮扶计划已制定");

    // a withdrawn entry is not recorded again: refused on its id, in the PUT's words
    Response withdrawn = send("POST", "/api/school/schools/" + SPECIAL + "/special-students/SS-1/withdrawal",
        java.util.Map.of("reason", "误登记"));
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    JsonNode repeated = run(SPECIAL, "special-students", file);
    assertCounts(repeated, 4, 0, 4, 0); // SS-2 as first uploaded is now a correction without a reason
    try (XSSFWorkbook wb = errors(SPECIAL, repeated)) {
      Row again1 = rowWith(wb.getSheetAt(0), 0, "SS-1");
      assertRed(again1.getCell(0));
      assertThat(again1.getCell(10).getStringCellValue()).startsWith("第 2 行：登记编号：").contains("已撤回");
    }
    assertThat(count("special_student", SPECIAL)).isEqualTo(1);
  }

  @Test
  void consultationCaseRowsArePutsAndARefusedTransitionIsNamedOnItsRow() throws Exception {
    byte[] file = filled(CASES, "consultations", "zh-CN", s -> {
      row(s, 1, "Q-1", "C301", "STU-1", "学业", LocalDate.of(2026, 10, 8), LocalDateTime.of(2026, 10, 15, 16, 0), "王老师",
          "处理中", null, "作业拖延", null);
      row(s, 2, "Q-2", "C301", "STU-2", "FAMILY_RELATIONS", LocalDate.of(2026, 10, 9), null, "李老师", "RESOLVED",
          LocalDate.of(2026, 10, 20), null, null);
      row(s, 3, "Q-3", "C301", "STU-3", "情绪", LocalDate.of(2026, 10, 9), null, "李老师", "已办结", null, null, null);
      row(s, 4, "Q_4", "C301", "STU-4", "情绪", LocalDate.of(2026, 10, 9), null, "李老师", "处理中", null, null, null);
    });
    JsonNode job = run(CASES, "consultations", file);
    assertCounts(job, 4, 2, 2, 0);
    assertThat(count("consultation_case", CASES)).isEqualTo(2);
    assertThat(figure(CASES, IndicatorCodes.CONSULTATION_RESOLUTION, "2026-2027")).containsExactly(1, 2);
    long after = version(CASES, IndicatorCodes.CONSULTATION_RESOLUTION, "2026-2027");
    try (XSSFWorkbook wb = errors(CASES, job)) {
      Sheet s = wb.getSheetAt(0);
      Row noDay = rowWith(s, 0, "Q-3");
      assertRed(noDay.getCell(8));
      assertThat(noDay.getCell(11).getStringCellValue()).startsWith("第 4 行：办结日期：");
      Row badId = rowWith(s, 0, "Q_4");
      assertRed(badId.getCell(0));
      assertThat(badId.getCell(11).getStringCellValue()).startsWith("第 5 行：个案编号：");
    }

    JsonNode again = run(CASES, "consultations", file);
    assertCounts(again, 4, 0, 2, 2);
    assertThat(version(CASES, IndicatorCodes.CONSULTATION_RESOLUTION, "2026-2027")).as("no new snapshot").isEqualTo(after);

    // Q-1 resolved (a correction with its reason); Q-2 back to OPEN is the PUT's 409, refused on its row in its words
    JsonNode next = run(CASES, "consultations", filled(CASES, "consultations", "zh-CN", s -> {
      row(s, 1, "Q-1", "C301", "STU-1", "学业", LocalDate.of(2026, 10, 8), LocalDateTime.of(2026, 10, 15, 16, 0), "王老师",
          "已办结", LocalDate.of(2026, 11, 2), "作业拖延", "已办结");
      row(s, 2, "Q-2", "C301", "STU-2", "FAMILY_RELATIONS", LocalDate.of(2026, 10, 9), null, "李老师", "OPEN", null, null, "重新打开");
    }));
    assertCounts(next, 2, 1, 1, 0);
    assertThat(figure(CASES, IndicatorCodes.CONSULTATION_RESOLUTION, "2026-2027")).containsExactly(2, 2);
    try (XSSFWorkbook wb = errors(CASES, next)) {
      assertRed(wb.getSheetAt(0).getRow(1).getCell(7));
      assertThat(wb.getSheetAt(0).getRow(1).getCell(11).getStringCellValue()).startsWith("第 3 行：办理状态：")
          .contains("个案 Q-2 当前状态为 RESOLVED，不能变为 OPEN");
    }
  }

  @Test
  void consultationOutreachFromATemplate() throws Exception {
    byte[] file = filled(OUTREACH, "consultation-outreach", "zh-CN", s -> {
      row(s, 1, "CO-1", "C301", "STU-1", "书面通知", LocalDate.of(2026, 10, 12));
      row(s, 2, "CO-2", "C301", "STU-2", "WECHAT", LocalDate.of(2026, 10, 12));
      row(s, 3, "CO-3", "C301", "STU-2", "家长会", LocalDate.of(2026, 11, 2));
      row(s, 4, "CO-4", "C301", "STU-4", "平台推送", LocalDate.of(2026, 12, 1));
    });
    JsonNode job = run(OUTREACH, "consultation-outreach", file);
    assertCounts(job, 4, 3, 1, 0);
    assertThat(count("consultation_outreach", OUTREACH)).isEqualTo(3);
    assertThat(figure(OUTREACH, IndicatorCodes.CONSULTATION_OUTREACH, "2026-2027")).containsExactly(2, 30);
    long after = version(OUTREACH, IndicatorCodes.CONSULTATION_OUTREACH, "2026-2027");
    try (XSSFWorkbook wb = errors(OUTREACH, job)) {
      Row future = rowWith(wb.getSheetAt(0), 0, "CO-4");
      assertRed(future.getCell(4));
      assertThat(future.getCell(5).getStringCellValue()).startsWith("第 5 行：告知日期：").contains("2026-12-01");
    }
    assertCounts(run(OUTREACH, "consultation-outreach", file), 4, 0, 1, 3);
    assertThat(version(OUTREACH, IndicatorCodes.CONSULTATION_OUTREACH, "2026-2027")).isEqualTo(after);
  }

  @Test
  void sixOnesParticipationsFromATemplate() throws Exception {
    byte[] file = filled(SIX_ONES, "six-ones", "zh-CN", s -> {
      row(s, 1, "SO-1", "C301", "STU-1", "读一本书", LocalDate.of(2026, 10, 12));
      row(s, 2, "SO-2", "C301", "STU-2", "HIKE", LocalDate.of(2026, 10, 13));
      row(s, 3, "SO-3", "C301", "STU-3", "唱一首歌", LocalDate.of(2026, 10, 14));
      row(s, 4, "SO-4", "C301", "STU-4", "跳一支舞", LocalDate.of(2026, 10, 14));
    });
    JsonNode job = run(SIX_ONES, "six-ones", file);
    assertCounts(job, 4, 3, 1, 0);
    assertThat(jdbc.sql("select activity from six_ones_participation where school_id = ? order by external_id").param(SIX_ONES)
        .query(String.class).list()).containsExactly("BOOK", "HIKE", "SONG");
    assertThat(figure(SIX_ONES, IndicatorCodes.SIX_ONES_PARTICIPATION, "2026-2027")).containsExactly(3, 30);
    long after = version(SIX_ONES, IndicatorCodes.SIX_ONES_PARTICIPATION, "2026-2027");
    try (XSSFWorkbook wb = errors(SIX_ONES, job)) {
      Row unknown = rowWith(wb.getSheetAt(0), 0, "SO-4");
      assertRed(unknown.getCell(3));
      assertThat(unknown.getCell(5).getStringCellValue()).startsWith("第 5 行：活动：");
    }
    assertCounts(run(SIX_ONES, "six-ones", file), 4, 0, 1, 3);
    assertThat(version(SIX_ONES, IndicatorCodes.SIX_ONES_PARTICIPATION, "2026-2027")).isEqualTo(after);
  }

  @Test
  void platformLearningFromAnEnglishTemplate() throws Exception {
    byte[] file = filled(LEARNING, "platform-learning", "en", s -> {
      row(s, 1, "LRN-1", "GDN-1", "RES-1", LocalDateTime.of(2026, 10, 12, 20, 0), 30);
      row(s, 2, "LRN-2", "GDN-1", "RES-2", LocalDateTime.of(2026, 10, 13, 20, 0), 45);
      row(s, 3, "LRN-3", "GDN-2", "RES-1", "2026-10-14 21:15", 0);
      row(s, 4, "LRN-4", "GDN-3", "RES-1", LocalDateTime.of(2026, 10, 14, 21, 0), 2000);
    });
    JsonNode job = run(LEARNING, "platform-learning", file, "en");
    assertCounts(job, 4, 3, 1, 0);
    assertThat(count("platform_learning", LEARNING)).isEqualTo(3);
    assertThat(jdbc.sql("select sum(minutes) from platform_learning where school_id = ?").param(LEARNING).query(Long.class).single())
        .isEqualTo(75);
    assertThat(figure(LEARNING, IndicatorCodes.PARENT_LEARNING_PER_CAPITA, "2026-2027")[0]).isEqualTo(3);
    long after = version(LEARNING, IndicatorCodes.PARENT_LEARNING_PER_CAPITA, "2026-2027");
    try (XSSFWorkbook wb = errors(LEARNING, job)) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(5).getStringCellValue()).isEqualTo("Errors");
      Row tooLong = rowWith(wb.getSheetAt(0), 0, "LRN-4");
      assertRed(tooLong.getCell(4));
      assertThat(tooLong.getCell(5).getStringCellValue()).startsWith("Row 5: Minutes:");
    }
    assertCounts(run(LEARNING, "platform-learning", file, "en"), 4, 0, 1, 3);
    assertThat(version(LEARNING, IndicatorCodes.PARENT_LEARNING_PER_CAPITA, "2026-2027")).isEqualTo(after);
  }

  @Test
  void platformRecommendationsFromATemplate() throws Exception {
    byte[] file = filled(RECOMMENDATIONS, "platform-recommendations", "zh-CN", s -> {
      row(s, 1, "REC-1", "RES-1", "如何陪伴孩子阅读", "VIDEO", "CITY", LocalDateTime.of(2026, 10, 12, 9, 0));
      row(s, 2, "REC-2", "RES-1", "如何陪伴孩子阅读", "VIDEO", "CITY", LocalDateTime.of(2026, 11, 2, 9, 0));
      row(s, 3, "REC-3", "RES-2", "亲子沟通十讲", "COURSE", "COUNTY", LocalDateTime.of(2026, 11, 3, 9, 0));
      row(s, 4, "REC-4", "RES-3", "青春期的孩子", "ARTICLE", "SCHOOL", LocalDateTime.of(2026, 12, 1, 9, 0));
    });
    JsonNode job = run(RECOMMENDATIONS, "platform-recommendations", file);
    assertCounts(job, 4, 3, 1, 0);
    assertThat(count("platform_recommendation", RECOMMENDATIONS)).isEqualTo(3);
    assertThat(figure(RECOMMENDATIONS, IndicatorCodes.RESOURCES_RECOMMENDED, "2026")[0]).isEqualTo(2);
    long after = version(RECOMMENDATIONS, IndicatorCodes.RESOURCES_RECOMMENDED, "2026");
    try (XSSFWorkbook wb = errors(RECOMMENDATIONS, job)) {
      Row future = rowWith(wb.getSheetAt(0), 0, "REC-4");
      assertRed(future.getCell(5));
      assertNotRed(future.getCell(1));
      assertThat(future.getCell(6).getStringCellValue()).startsWith("第 5 行：推荐时间：");
    }
    assertCounts(run(RECOMMENDATIONS, "platform-recommendations", file), 4, 0, 1, 3);
    assertThat(version(RECOMMENDATIONS, IndicatorCodes.RESOURCES_RECOMMENDED, "2026")).isEqualTo(after);
  }

  // ---------------------------------------------------------------------------------------------

  private static JsonNode json(String body) {
    return JSON.readTree(body);
  }

  private long count(String table, String school) {
    return jdbc.sql("select count(*) from " + table + " where school_id = ?").param(school).query(Long.class).single();
  }

  private static void assertCounts(JsonNode job, int read, int applied, int refused, int unchanged) {
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
    assertThat(new int[] {job.get("read").asInt(), job.get("applied").asInt(), job.get("refused").asInt(),
        job.get("unchanged").asInt()}).as("read, applied, refused, unchanged of " + job).containsExactly(read, applied, refused,
        unchanged);
  }

  private JsonNode run(String school, String family, byte[] file) {
    return run(school, family, file, "zh-CN");
  }

  /** Uploads, and answers the job once it ended. */
  private JsonNode run(String school, String family, byte[] file, String lang) {
    Upload up = upload(lang, school, family, file);
    assertThat(up.status()).as(up.body()).isEqualTo(202);
    JsonNode[] last = {null};
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
      last[0] = json(get(up.location()).body());
      return List.of("DONE", "FAILED", "CANCELLED").contains(last[0].get("status").asString());
    });
    return last[0];
  }

  private Upload upload(String lang, String school, String family, byte[] bytes) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return family + ".xlsx";
      }
    });
    return http.post().uri(base(school) + "/" + family).header(HttpHeaders.ACCEPT_LANGUAGE, lang)
        .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
        .exchange((req, res) -> new Upload(res.getStatusCode().value(), res.getHeaders().getFirst(HttpHeaders.LOCATION),
            new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
  }

  private byte[] download(String path) {
    return http.get().uri(path).exchange((req, res) -> {
      assertThat(res.getStatusCode().value()).as(path).isEqualTo(200);
      return res.getBody().readAllBytes();
    }, true);
  }

  private XSSFWorkbook errors(String school, JsonNode job) throws IOException {
    assertThat(job.get("hasErrorWorkbook").asBoolean()).isTrue();
    return new XSSFWorkbook(new ByteArrayInputStream(download(base(school) + "/jobs/" + job.get("jobId").asString() + "/errors.xlsx")));
  }

  /** The school's template (lang zh-CN or en), filled by {@code fill} on its data sheet (row 1 is the example row). */
  private byte[] filled(String school, String family, String lang, Consumer<Sheet> fill) throws IOException {
    byte[] template = download(base(school) + "/templates/" + family + ".xlsx?lang=" + lang);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill.accept(wb.getSheetAt(0));
      wb.write(out);
      return out.toByteArray();
    }
  }

  /** Writes a row's cells: dates and date-times as Excel dates, numbers as numbers, the rest as text, null blank. */
  static void row(Sheet s, int index, Object... values) {
    Row r = s.getRow(index) != null ? s.getRow(index) : s.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      Cell c = r.getCell(i, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
      switch (v) {
        case null -> c.setBlank();
        case LocalDate d -> c.setCellValue(d);
        case LocalDateTime t -> c.setCellValue(t);
        case Number n -> c.setCellValue(n.doubleValue());
        default -> c.setCellValue(String.valueOf(v));
      }
    }
  }

  private static Row rowWith(Sheet s, int column, String value) {
    for (Row r : s) {
      if (r.getRowNum() > 0 && r.getCell(column) != null && value.equals(r.getCell(column).getStringCellValue())) {
        return r;
      }
    }
    throw new AssertionError("no refused row " + value);
  }

  private static void assertRed(Cell cell) {
    assertThat(cell).isNotNull();
    assertThat(cell.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
    assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
    assertThat(cell.getCellComment()).isNotNull();
  }

  private static void assertNotRed(Cell cell) {
    assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
  }
}
