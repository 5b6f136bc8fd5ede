package org.gongyu.school.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.chassis.excel.ImportRunner;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.school.StudentRecordsItSupport;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14: template → fill → upload → job → figures, the error workbook cell by cell, re-upload
 * idempotence, hostile files through HTTP, cancellation, another school's access, and a job of a
 * dead process. Own school and county ids (990141xxxx).
 */
class ExcelImportIT extends StudentRecordsItSupport {

  static final String COUNTY = "990141";
  static final String SCHOOL = "9901014101";
  static final String CONTACTS_SCHOOL = "9901014102";
  static final String OTHER = "9901014103";
  static final String BIG = "9901014104";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired ImportRunner runner;

  record Upload(int status, String location, String contentType, String body) {}

  record Download(int status, String contentType, String disposition, byte[] body) {}

  @BeforeAll
  void schools() {
    for (String s : List.of(SCHOOL, CONTACTS_SCHOOL, OTHER, BIG)) {
      registerSchool(s, COUNTY);
    }
    putClass(SCHOOL, "C301", "2026-2027", 40);
    putClass(SCHOOL, "C302", "2026-2027", 3);
    putClass(CONTACTS_SCHOOL, "C301", "2026-2027", 30);
    for (int c = 1; c <= 6; c++) {
      putClass(BIG, "C" + c, "2026-2027", 5000); // the most a class enrols
    }
  }

  static String base(String school) {
    return "/api/school/schools/" + school + "/imports";
  }

  @Test
  void listsTheTemplatesWithTheirColumns() {
    JsonNode templates = json(get(base(SCHOOL) + "/templates").body());
    assertThat(templates.findValuesAsString("family")).contains("platform-registrations", "home-contacts");
    JsonNode reg = null;
    for (JsonNode t : templates) {
      if (t.get("family").asString().equals("platform-registrations")) {
        reg = t;
      }
    }
    assertThat(reg.get("titleZh").asString()).isEqualTo("家长平台注册记录");
    assertThat(reg.get("templateVersion").asInt()).isEqualTo(1);
    assertThat(reg.get("columns").get(5).get("key").asString()).isEqualTo("registeredAt");
    assertThat(reg.get("columns").get(5).get("type").asString()).isEqualTo("DATETIME");
    assertThat(reg.get("columns").get(5).get("required").asBoolean()).isTrue();
    Download en = download(base(SCHOOL) + "/templates/platform-registrations.xlsx?lang=en");
    assertThat(en.status()).isEqualTo(200);
    assertThat(en.disposition()).contains("filename*=UTF-8''Platform%20registrations%20import%20template%20v1.xlsx");
    Download zh = download(base(SCHOOL) + "/templates/platform-registrations.xlsx");
    assertThat(zh.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(zh.disposition()).contains("filename*=UTF-8''%E5%AE%B6%E9%95%BF");
    assertThat(download(base(SCHOOL) + "/templates/no-such-thing.xlsx").status()).isEqualTo(404);
  }

  @Test
  void registrationsFromATemplateChangeTheFiguresRefusedRowsComeBackAndAReuploadChangesNothing() throws Exception {
    byte[] file = filled(SCHOOL, "platform-registrations", "zh-CN", s -> {
      for (int i = 0; i < 10; i++) {
        row(s, 2 + i, "2026-2027-1", "REG-" + i, "C301", "STU-" + i, "GDN-" + i, LocalDateTime.of(2026, 9, 10, 8, i));
      }
      row(s, 12, "2026-2027-1", "REG-unknown-class", "C999", "STU-90", "GDN-90", LocalDateTime.of(2026, 9, 10, 9, 0));
      row(s, 13, "2026-2027-1", "bad id!", "C301", "STU-91", "GDN-91", LocalDateTime.of(2026, 9, 10, 9, 0));
      row(s, 14, "2026-2027-1", "REG-future", "C301", "STU-92", "GDN-92", LocalDateTime.of(2027, 1, 10, 9, 0));
      row(s, 15, "2026-2027-1", "REG-no-student", "C301", null, "GDN-93", LocalDateTime.of(2026, 9, 10, 9, 0));
    });
    Upload up = upload(SCHOOL, "platform-registrations", file, "九月注册.xlsx");
    assertThat(up.status()).as(up.body()).isEqualTo(202);
    assertThat(up.location()).startsWith(base(SCHOOL) + "/jobs/");
    JsonNode job = finished(up.location());
    assertThat(job.get("status").asString()).isEqualTo("DONE");
    assertThat(job.get("fileName").asString()).isEqualTo("九月注册.xlsx");
    assertThat(job.get("rowsTotal").asInt()).isEqualTo(14);
    assertThat(job.get("rowsDone").asInt()).isEqualTo(14);
    assertThat(job.get("read").asInt()).isEqualTo(14);
    assertThat(job.get("applied").asInt()).isEqualTo(10);
    assertThat(job.get("refused").asInt()).isEqualTo(4);
    assertThat(job.get("unchanged").asInt()).isZero();
    assertThat(job.get("hasErrorWorkbook").asBoolean()).isTrue();
    assertThat(job.get("expiresAt").asString()).isNotBlank();
    assertThat(figure(SCHOOL, IndicatorCodes.PLATFORM_REGISTRATION, "2026-2027-1")).containsExactly(10, 43);
    long version = version(SCHOOL, IndicatorCodes.PLATFORM_REGISTRATION, "2026-2027-1");
    assertThat(jdbc.sql("select count(*) from platform_registration where school_id = ? and student_key like 'STU-%'")
        .param(SCHOOL).query(Long.class).single()).as("references are stored pseudonymised").isZero();

    Download errors = download(up.location() + "/errors.xlsx");
    assertThat(errors.status()).isEqualTo(200);
    assertThat(errors.disposition()).contains("filename*=UTF-8''");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(errors.body()))) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getRow(0).getCell(6).getStringCellValue()).isEqualTo("错误说明");
      assertThat(s.getLastRowNum()).isEqualTo(4);
      Row unknownClass = rowWith(s, "REG-unknown-class");
      assertRed(unknownClass.getCell(2), "C999");
      assertNotRed(unknownClass.getCell(1));
      assertThat(unknownClass.getCell(6).getStringCellValue()).startsWith("第 13 行：班级编号：").contains("C999");
      Row badId = rowWith(s, "bad id!");
      assertRed(badId.getCell(1), null);
      assertThat(badId.getCell(6).getStringCellValue()).startsWith("第 14 行：记录编号：");
      Row future = rowWith(s, "REG-future");
      assertRed(future.getCell(5), null);
      assertThat(future.getCell(6).getStringCellValue()).startsWith("第 15 行：注册时间：");
      Row noStudent = rowWith(s, "REG-no-student");
      assertRed(noStudent.getCell(3), null);
      assertThat(noStudent.getCell(6).getStringCellValue()).isEqualTo("第 16 行：学生编号：为必填项");
      Sheet summary = wb.getSheet("汇总");
      assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(14.0);
      assertThat(summary.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(10.0);
      assertThat(summary.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(4.0);
    }

    Upload again = upload(SCHOOL, "platform-registrations", file, "九月注册.xlsx");
    JsonNode second = finished(again.location());
    assertThat(second.get("applied").asInt()).isZero();
    assertThat(second.get("unchanged").asInt()).isEqualTo(10);
    assertThat(second.get("refused").asInt()).isEqualTo(4);
    assertThat(version(SCHOOL, IndicatorCodes.PLATFORM_REGISTRATION, "2026-2027-1")).as("no new snapshot").isEqualTo(version);

    JsonNode jobs = json(get(base(SCHOOL) + "/jobs").body());
    assertThat(jobs.get(0).get("jobId").asString()).isEqualTo(second.get("jobId").asString());
    assertThat(send("POST", again.location() + "/cancellation", null).status()).as("already finished").isEqualTo(409);
  }

  @Test
  void homeContactsTakeLabelsAndYesNoAndAClassOverItsEnrolmentIsFoundRowByRow() throws Exception {
    byte[] file = filled(CONTACTS_SCHOOL, "home-contacts", "en", s -> {
      row(s, 1, "HC-1", "C301", "STU-1", LocalDate.of(2026, 10, 12), "Home visit", "Yes");
      row(s, 2, "HC-2", "C301", "STU-2", LocalDate.of(2026, 10, 13), "电话", "否");
      row(s, 3, "HC-3", "C301", "STU-3", "2026-10-14", "WECHAT", null);
      row(s, 4, "HC-4", "C301", "STU-4", LocalDate.of(2026, 12, 14), "AT_SCHOOL", null);
    });
    JsonNode job = finished(uploadIn("en", CONTACTS_SCHOOL, "home-contacts", file, "contacts.xlsx").location());
    assertThat(job.get("applied").asInt()).isEqualTo(3);
    assertThat(job.get("refused").asInt()).isEqualTo(1);
    assertThat(jdbc.sql("select mode || ':' || priority from home_contact where school_id = ? order by external_id")
        .param(CONTACTS_SCHOOL).query(String.class).list()).containsExactly("IN_HOME:true", "PHONE:false", "WECHAT:false");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(
        base(CONTACTS_SCHOOL) + "/jobs/" + job.get("jobId").asString() + "/errors.xlsx").body()))) {
      Row future = wb.getSheetAt(0).getRow(1);
      assertThat(wb.getSheetAt(0).getRow(0).getCell(6).getStringCellValue()).isEqualTo("Errors");
      assertRed(future.getCell(3), null);
      assertThat(future.getCell(6).getStringCellValue()).startsWith("Row 5: Date:").contains("in the future");
    }
  }

  @Test
  void hostileFilesAreRefusedUpFrontAndNoJobIsMade() throws Exception {
    int before = json(get(base(SCHOOL) + "/jobs").body()).size();
    Upload csv = upload(SCHOOL, "platform-registrations", "记录编号,班级\nA,B\n".getBytes(StandardCharsets.UTF_8), "data.xlsx");
    assertThat(csv.status()).isEqualTo(415);
    assertThat(csv.contentType()).startsWith("application/problem+json");
    byte[] template = download(base(SCHOOL) + "/templates/platform-registrations.xlsx").body();
    Upload encrypted = uploadIn("en", SCHOOL, "platform-registrations", encrypt(template), "locked.xlsx");
    assertThat(encrypted.status()).isEqualTo(422);
    assertThat(encrypted.body()).contains("workbook is password-protected");
    Upload wrongFamily = upload(SCHOOL, "home-contacts", template, "wrong.xlsx");
    assertThat(wrongFamily.status()).isEqualTo(422);
    assertThat(wrongFamily.body()).contains("platform-registrations");
    Upload oldVersion = upload(SCHOOL, "platform-registrations", replace(template, "xl/worksheets/sheet3.xml",
        sheet3 -> sheet3.replace("<v>1.0</v>", "<v>0</v>")), "old.xlsx");
    assertThat(oldVersion.status()).as(oldVersion.body()).isEqualTo(422);
    assertThat(oldVersion.body()).contains("模板版本为 0");
    Upload bomb = upload(SCHOOL, "platform-registrations", zipBomb(template), "bomb.xlsx");
    assertThat(bomb.status()).isEqualTo(422);
    Upload xxe = upload(SCHOOL, "platform-registrations", replace(template, "xl/worksheets/sheet1.xml",
        sheet -> sheet.replaceFirst("<worksheet", "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet")),
        "xxe.xlsx");
    assertThat(xxe.status()).isEqualTo(422);
    assertThat(xxe.body()).doesNotContain("root:");
    Upload big = upload(SCHOOL, "platform-registrations", new byte[21 * 1024 * 1024], "big.xlsx");
    assertThat(big.status()).isEqualTo(413);
    Upload empty = upload(SCHOOL, "platform-registrations", template, "empty.xlsx");
    assertThat(empty.status()).as("only the example row").isEqualTo(422);
    assertThat(json(get(base(SCHOOL) + "/jobs").body()).size()).isEqualTo(before);

    Upload chinese = uploadIn("zh-CN", SCHOOL, "platform-registrations", encrypt(template), "locked.xlsx");
    assertThat(chinese.body()).contains("工作簿设置了密码保护");
  }

  @Test
  void formulaCellsAreRefusedRowByRow() throws Exception {
    byte[] file = filled(SCHOOL, "platform-registrations", "zh-CN", s -> {
      row(s, 1, "2026-2027-1", "REG-F1", "C302", "STU-F1", "GDN-F1", LocalDateTime.of(2026, 9, 11, 8, 0));
      s.getRow(1).getCell(2).setCellFormula("\"C3\"&\"02\"");
    });
    JsonNode job = finished(upload(SCHOOL, "platform-registrations", file, "formula.xlsx").location());
    assertThat(job.get("refused").asInt()).isEqualTo(1);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(
        base(SCHOOL) + "/jobs/" + job.get("jobId").asString() + "/errors.xlsx").body()))) {
      assertRed(wb.getSheetAt(0).getRow(1).getCell(2), null);
      assertThat(wb.getSheetAt(0).getRow(1).getCell(6).getStringCellValue()).contains("不接受公式，请粘贴为数值");
    }
  }

  @Test
  void aRunningImportCanBeCancelledBetweenChunks() throws Exception {
    byte[] file = filled(BIG, "platform-registrations", "zh-CN", s -> {
      for (int i = 0; i < 30_000; i++) {
        row(s, 1 + i, "2026-2027-1", "BIG-" + i, "C" + (1 + i / 5000), "S" + i, "G" + i, LocalDateTime.of(2026, 9, 12, 8, 0));
      }
    });
    Upload up = upload(BIG, "platform-registrations", file, "big.xlsx");
    assertThat(up.status()).isEqualTo(202);
    Response cancel = send("POST", up.location() + "/cancellation", null);
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
    JsonNode job = finished(up.location());
    assertThat(job.get("status").asString()).isEqualTo("CANCELLED");
    assertThat(job.get("applied").asInt()).isLessThan(30_000);
    assertThat(jdbc.sql("select count(*) from platform_registration where school_id = ?").param(BIG).query(Long.class).single())
        .isEqualTo(job.get("applied").asLong());
  }

  @Test
  void anotherSchoolCannotSeeOrTouchTheJobs() throws Exception {
    byte[] file = filled(OTHER, "home-contacts", "zh-CN", s -> row(s, 1, "HC-O1", "C9", "STU-1", LocalDate.of(2026, 10, 12),
        "电话", null));
    Upload up = upload(OTHER, "home-contacts", file, "o.xlsx");
    String job = up.location().substring(up.location().lastIndexOf('/') + 1);
    finished(up.location());
    String otherToken = Keycloak.tokenForPath(base(OTHER)).orElseThrow();
    assertThat(statusOf("GET", base(SCHOOL) + "/jobs", null, otherToken)).isIn(403, 404);
    assertThat(statusOf("GET", base(SCHOOL) + "/templates", null, otherToken)).isIn(403, 404);
    assertThat(statusOf("GET", base(SCHOOL) + "/jobs/" + job, null, otherToken)).isIn(403, 404);
    assertThat(get(base(SCHOOL) + "/jobs/" + job).status()).as("not this school's job").isEqualTo(404);
    assertThat(get(base(SCHOOL) + "/jobs/" + job + "/errors.xlsx").status()).isEqualTo(404);
    assertThat(send("POST", base(SCHOOL) + "/jobs/" + job + "/cancellation", null).status()).isEqualTo(404);
    assertThat(statusOf("GET", base(SCHOOL) + "/jobs", null, null)).isEqualTo(401);
  }

  @Test
  void aJobOfAProcessThatDiedIsMarkedFailed() {
    java.util.UUID id = java.util.UUID.randomUUID();
    jdbc.sql("""
            insert into import_job (job_id, unit, family, file_name, lang, status, rows_total, created_at, heartbeat_at, started_at)
            values (?, 'school:9901014101', 'home-contacts', 'x.xlsx', 'zh-CN', 'RUNNING', 10, ?, ?, ?)""")
        .params(id, java.sql.Timestamp.from(NOW.minusSeconds(3600)), java.sql.Timestamp.from(NOW.minusSeconds(3600)),
            java.sql.Timestamp.from(NOW.minusSeconds(3600)))
        .update();
    runner.sweep();
    JsonNode job = json(get(base(SCHOOL) + "/jobs/" + id).body());
    assertThat(job.get("status").asString()).isEqualTo("FAILED");
    assertThat(job.get("problem").get("detail").asString()).contains("stopped");
  }

  // ---------------------------------------------------------------------------------------------

  private static JsonNode json(String body) {
    return JSON.readTree(body);
  }

  private JsonNode finished(String location) {
    JsonNode[] last = {null};
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
      last[0] = json(get(location).body());
      return List.of("DONE", "FAILED", "CANCELLED").contains(last[0].get("status").asString());
    });
    return last[0];
  }

  private Upload upload(String school, String family, byte[] bytes, String name) {
    return uploadIn("zh-CN", school, family, bytes, name);
  }

  private Upload uploadIn(String lang, String school, String family, byte[] bytes, String name) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    return http.post().uri(base(school) + "/" + family).header(HttpHeaders.ACCEPT_LANGUAGE, lang)
        .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
        .exchange((req, res) -> new Upload(res.getStatusCode().value(), res.getHeaders().getFirst(HttpHeaders.LOCATION),
            String.valueOf(res.getHeaders().getContentType()), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)),
            true);
  }

  private Download download(String path) {
    return http.get().uri(path).exchange((req, res) -> new Download(res.getStatusCode().value(),
        String.valueOf(res.getHeaders().getContentType()), res.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION),
        res.getBody().readAllBytes()), true);
  }

  /** The school's template (lang zh-CN or en), filled by {@code fill} on its data sheet. */
  private byte[] filled(String school, String family, String lang, Consumer<Sheet> fill) throws IOException {
    byte[] template = download(base(school) + "/templates/" + family + ".xlsx?lang=" + lang).body();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill.accept(wb.getSheetAt(0));
      wb.write(out);
      return out.toByteArray();
    }
  }

  static void row(Sheet s, int index, Object... values) {
    Row r = s.getRow(index) != null ? s.getRow(index) : s.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      Cell c = r.getCell(i, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
      switch (v) {
        case null -> c.setBlank();
        case LocalDate d -> c.setCellValue(d);
        case LocalDateTime t -> c.setCellValue(t);
        default -> c.setCellValue(String.valueOf(v));
      }
    }
  }

  private static Row rowWith(Sheet s, String externalId) {
    for (Row r : s) {
      if (r.getRowNum() > 0 && externalId.equals(r.getCell(1).getStringCellValue())) {
        return r;
      }
    }
    throw new AssertionError("no refused row " + externalId);
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

  private static byte[] encrypt(byte[] plain) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Encryptor enc = new EncryptionInfo(EncryptionMode.standard).getEncryptor();
      enc.confirmPassword("secret");
      try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(plain)); OutputStream os = enc.getDataStream(fs)) {
        opc.save(os);
      }
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static byte[] replace(byte[] zip, String name, java.util.function.UnaryOperator<String> edit) throws IOException {
    return rezip(zip, name, null, edit);
  }

  private static byte[] zipBomb(byte[] zip) throws IOException {
    return rezip(zip, "xl/sharedStrings.xml", out -> {
      out.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'a');
      for (int i = 0; i < 300; i++) {
        out.write(chunk);
      }
      out.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
    }, null);
  }

  private static byte[] rezip(byte[] zip, String name, Body body, java.util.function.UnaryOperator<String> edit) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals(name)) {
          if (body != null) {
            body.write(out);
          } else {
            out.write(edit.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
          }
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
