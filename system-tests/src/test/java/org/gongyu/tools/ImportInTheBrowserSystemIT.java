package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Excel in through the browser (issue 14 item 7), each person in their own Chromium, logged in
 * through Keycloak's form, on a county of its own (990304):
 *
 * <ol>
 *   <li>the county admin downloads the 学区 template on the import page, fills it in, uploads it and
 *       watches the job finish; then the schools template with one good school and one whose 学区
 *       does not exist: one applied, one refused, and the error workbook (downloaded from the page)
 *       has the refused row with its 错误说明 and the 学区 cell in red;
 *   <li>the school admin of the new school downloads the platform-registration template, uploads two
 *       good rows and one for a class the school does not have: two applied, one refused, and the
 *       school's registration figure becomes 2 of 4 enrolled; the same file uploaded again changes
 *       nothing (two unchanged, the figure the same).
 * </ol>
 *
 * Workbooks are filled as a person would: in the downloaded template, below the example row, enum
 * cells with the label the drop-down offers. Pages are checked with axe-core.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportInTheBrowserSystemIT extends BrowserSystemTest {

  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String CITY = "990100";
  static final String COUNTY = "990304";
  static final String SCHOOL = COUNTY + "0001";
  static final String XUEQU = COUNTY + "-XQ1";
  static final GongyuClient client = new GongyuClient(GATEWAY, SharedPlatform.KEYCLOAK, false);

  static Path files;

  @BeforeAll
  static void tools() throws IOException {
    files = Files.createTempDirectory("gongyu-import-");
    SharedPlatform.demoCity();
    client.putCounty(COUNTY, "导入县");
    client.accounts().tokenAs("im", "county-admin", COUNTY, CITY);
  }

  @Test
  @Order(1)
  void aCountyImportsItsRegistryAndReadsTheErrorWorkbook() throws IOException {
    String base = "/api/district/counties/" + COUNTY + "/imports";
    browser = new Chromium(GATEWAY);
    browser.logIn("im-county-admin-" + COUNTY);
    // the city learns of the county over Kafka; the county's page answers once the county tier knows it
    browser.open("/counties/" + COUNTY + "/imports");
    browser.await("import-family-xuequ");
    checkPage("county-imports");

    JsonNode done = upload("xuequ", base, "学区.xlsx", List.of(Map.of("xuequId", XUEQU, "name", "城关学区")));
    assertCounts(done, 1, 1, 0, 0);

    done = upload("schools", base, "学校.xlsx", List.of(
        Map.of("schoolId", SCHOOL, "name", "导入县第一小学", "schoolType", "小学", "xuequId", XUEQU),
        Map.of("schoolId", COUNTY + "0002", "name", "导入县第二小学", "schoolType", "小学", "xuequId", COUNTY + "-NOPE")));
    assertCounts(done, 2, 1, 1, 0);
    assertThat(browser.await("import-refused").getText()).contains("1");

    // the error workbook, as the page offers it: the refused row, its 错误说明, the 学区 cell in red
    String href = browser.await("import-error-workbook").getAttribute("href");
    try (Workbook errors = new XSSFWorkbook(new ByteArrayInputStream(browser.fetchFile(href)))) {
      Sheet sheet = errors.getSheetAt(0);
      Row header = sheet.getRow(0);
      int explanation = column(header, "错误说明");
      int xuequ = column(header, "所属学区编号");
      Row refused = sheet.getRow(1);
      assertThat(refused.getCell(column(header, "学校编号")).getStringCellValue()).isEqualTo(COUNTY + "0002");
      assertThat(refused.getCell(explanation).getStringCellValue()).contains(COUNTY + "-NOPE");
      assertThat(isRed(refused.getCell(xuequ))).as("the 学区 cell is marked").isTrue();
      assertThat(isRed(refused.getCell(column(header, "学校名称")))).as("a good cell is not marked").isFalse();
      assertThat(sheet.getRow(2)).as("only the refused row comes back").isNull();
    }
    checkPage("county-imports-done");

    JsonNode schools = GongyuClient.require(client.get("/api/district/counties/" + COUNTY + "/schools"), "schools").body();
    List<String> ids = schools.valueStream().map(s -> s.path("id").asString()).toList();
    assertThat(ids).contains(SCHOOL).doesNotContain(COUNTY + "0002");
  }

  @Test
  @Order(2)
  void aSchoolImportsRegistrationsAndSeesItsFigureThenUploadsTheSameFileAgain() throws IOException {
    client.accounts().tokenAs("im", "school-admin", SCHOOL, CITY);
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    Semester semester = Semester.containing(today, SchoolCalendar.DEFAULT);
    GongyuClient.require(client.putClass(SCHOOL, "C1", semester.schoolYear(), 3, "三年级一班", 4), "class C1");
    String base = "/api/school/schools/" + SCHOOL + "/imports";
    LocalDateTime at = today.minusDays(1).atTime(19, 30);

    browser = new Chromium(GATEWAY);
    browser.logIn("im-school-admin-" + SCHOOL);
    browser.open("/schools/" + SCHOOL + "/imports");
    browser.await("import-family-platform-registrations");
    checkPage("school-imports");

    List<Map<String, Object>> rows = List.of(
        registration(semester.id(), "IMP-1", "C1", "S-1", "G-1", at),
        registration(semester.id(), "IMP-2", "C1", "S-2", "G-2", at),
        registration(semester.id(), "IMP-3", "C9", "S-3", "G-3", at));
    JsonNode first = upload("platform-registrations", base, "平台注册.xlsx", rows);
    assertCounts(first, 3, 2, 1, 0);

    String report = "/api/reports/indicators/" + IndicatorCodes.PLATFORM_REGISTRATION + "/periods/" + semester.id()
        + "/schools/" + SCHOOL;
    GongyuClient.eventually("the school's registration figure is 2 of 4", () -> client.get(report),
        r -> r.ok() && rateIs(r.body(), "0.5"), Duration.ofSeconds(90));
    browser.open("/schools/" + SCHOOL + "?period=" + semester.id());
    String cellId = "cell-" + SCHOOL + "-" + IndicatorCodes.PLATFORM_REGISTRATION;
    Chromium.waitUntil("the school page shows 50 %", Duration.ofSeconds(30), () -> {
      String value = browser.await(cellId).getAttribute("data-value");
      return value != null && !value.isBlank() && new BigDecimal(value).compareTo(new BigDecimal("0.5")) == 0;
    });
    assertThat(browser.await(cellId).getText()).contains("50.0%");

    // the same file again: nothing recorded twice, the refused row refused again, the figure unchanged
    browser.open("/schools/" + SCHOOL + "/imports");
    browser.await("import-family-platform-registrations");
    JsonNode again = uploadFile("platform-registrations", base, files.resolve("平台注册.xlsx"));
    assertCounts(again, 3, 0, 1, 2);
    assertThat(browser.await("import-unchanged").getText()).contains("2");
    assertThat(browser.await("import-jobs").getText()).contains("平台注册.xlsx");
    checkPage("school-imports-again");
    JsonNode figure = GongyuClient.require(client.get(report), "figure").body();
    assertThat(rateIs(figure, "0.5")).as("the figure after the second upload: " + figure).isTrue();
  }

  @Test
  @Order(3)
  void theCountyImportsItsSchoolsClassesOnItsSecondTabAndTheSchoolsFigureFollows() throws IOException {
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    Semester semester = Semester.containing(today, SchoolCalendar.DEFAULT);
    String base = "/api/school/counties/" + COUNTY + "/imports";
    browser = new Chromium(GATEWAY);
    browser.logIn("im-county-admin-" + COUNTY);
    browser.open("/counties/" + COUNTY + "/imports");
    browser.await("import-family-xuequ");
    browser.driver().findElements(By.cssSelector(".import-tabs [role=tab]")).get(1).click();
    browser.await("import-family-classes");
    assertThat(browser.driver().getCurrentUrl()).as("the tab is in the address").endsWith("/counties/" + COUNTY + "/imports?tab=schools");
    checkPage("county-imports-schools");

    // a second class of four students at the school; a school the county does not have is refused at its cell
    JsonNode done = upload("classes", base, "各校班级.xlsx", List.of(
        Map.of("schoolId", SCHOOL, "classId", "C2", "schoolYear", semester.schoolYear(), "grade", 3, "name", "三年级二班",
            "enrolment", 4),
        Map.of("schoolId", COUNTY + "0002", "classId", "C1", "schoolYear", semester.schoolYear(), "grade", 1, "name", "一年级一班",
            "enrolment", 30)));
    assertCounts(done, 2, 1, 1, 0);
    try (Workbook errors = new XSSFWorkbook(new ByteArrayInputStream(browser.fetchFile(browser.await("import-error-workbook")
        .getAttribute("href"))))) {
      Row header = errors.getSheetAt(0).getRow(0);
      Row refused = errors.getSheetAt(0).getRow(1);
      assertThat(isRed(refused.getCell(column(header, "学校编号")))).as("the school cell is marked").isTrue();
      assertThat(refused.getCell(column(header, "错误说明")).getStringCellValue()).contains("不是本区县");
    }

    // the school keeps the class, and its registration rate is now 2 of 8
    String report = "/api/reports/indicators/" + IndicatorCodes.PLATFORM_REGISTRATION + "/periods/" + semester.id()
        + "/schools/" + SCHOOL;
    GongyuClient.eventually("the school's registration figure is 2 of 8", () -> client.get(report),
        r -> r.ok() && rateIs(r.body(), "0.25"), Duration.ofSeconds(90));
  }

  /** Downloads the family's zh template on the page, fills {@code rows} below the example row, uploads it, waits for the end. */
  private JsonNode upload(String family, String base, String fileName, List<Map<String, Object>> rows) throws IOException {
    browser.await("import-family-" + family).click();
    browser.awaitAttribute("import-template", "data-family", family, Duration.ofSeconds(10));
    String href = browser.await("import-template-zh").getAttribute("href");
    Map<String, String> headers = new HashMap<>();
    for (JsonNode t : browser.fetchJson(base + "/templates").path("body")) {
      if (t.path("family").asString().equals(family)) {
        t.path("columns").forEach(c -> headers.put(c.path("key").asString(), c.path("headerZh").asString()));
      }
    }
    assertThat(headers).as("the template's columns of " + family).isNotEmpty();
    byte[] filled;
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(browser.fetchFile(href)))) {
      Sheet data = wb.getSheetAt(0);
      Row header = data.getRow(0);
      Row example = data.getRow(1);
      for (int r = 0; r < rows.size(); r++) {
        Row row = data.createRow(2 + r);
        for (Map.Entry<String, Object> v : rows.get(r).entrySet()) {
          int col = column(header, headers.get(v.getKey()));
          Cell cell = row.createCell(col);
          Cell model = example == null ? null : example.getCell(col);
          if (model != null) {
            CellStyle style = wb.createCellStyle();
            style.cloneStyleFrom(model.getCellStyle());
            style.setFont(wb.getFontAt(0));
            cell.setCellStyle(style);
          }
          switch (v.getValue()) {
            case LocalDateTime t -> cell.setCellValue(t);
            case LocalDate d -> cell.setCellValue(d);
            case Number n -> cell.setCellValue(n.doubleValue());
            default -> cell.setCellValue(String.valueOf(v.getValue()));
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      filled = out.toByteArray();
    }
    Path file = files.resolve(fileName);
    Files.write(file, filled);
    return uploadFile(family, base, file);
  }

  /** Drops {@code file} on the page's upload field and waits until its job has finished; answers the job as the API has it. */
  private JsonNode uploadFile(String family, String base, Path file) {
    browser.await("import-family-" + family).click();
    String before = browser.await("import-current").getAttribute("data-status");
    WebElement input = browser.await("import-upload").findElement(By.cssSelector("input[type=file]"));
    input.sendKeys(file.toAbsolutePath().toString());
    Chromium.waitUntil("the upload of " + file.getFileName() + " finished", Duration.ofSeconds(90), () -> {
      String status = browser.await("import-current").getAttribute("data-status");
      String job = browser.await("import-current").getText();
      return List.of("DONE", "FAILED", "CANCELLED").contains(status) && job.contains(file.getFileName().toString())
          && !(status.equals(before) && browser.all(browser.testId("import-summary")).isEmpty());
    });
    assertThat(browser.await("import-current").getAttribute("data-status")).isEqualTo("DONE");
    JsonNode jobs = browser.fetchJson(base + "/jobs").path("body");
    return jobs.get(0);
  }

  private static void assertCounts(JsonNode job, int read, int applied, int refused, int unchanged) {
    assertThat(job.path("status").asString()).as("job " + job).isEqualTo("DONE");
    assertThat(List.of(job.path("read").asInt(), job.path("applied").asInt(), job.path("refused").asInt(), job.path("unchanged").asInt()))
        .as("read, applied, refused, unchanged of " + job).containsExactly(read, applied, refused, unchanged);
    assertThat(job.path("hasErrorWorkbook").asBoolean()).isEqualTo(refused > 0);
  }

  private static Map<String, Object> registration(String period, String id, String classId, String student, String guardian,
      LocalDateTime at) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("period", period);
    row.put("externalId", id);
    row.put("classId", classId);
    row.put("studentRef", student);
    row.put("guardianRef", guardian);
    row.put("registeredAt", at);
    return row;
  }

  private static boolean rateIs(JsonNode schoolView, String expected) {
    try {
      return WebAppSystemIT.schoolValue(schoolView).compareTo(new BigDecimal(expected)) == 0;
    } catch (AssertionError noFigureYet) {
      return false;
    }
  }

  private static int column(Row header, String title) {
    for (Cell c : header) {
      if (c.getStringCellValue().strip().replace("*", "").equals(title)) {
        return c.getColumnIndex();
      }
    }
    throw new AssertionError("no column " + title + " in the header row");
  }

  private static boolean isRed(Cell cell) {
    if (cell == null || cell.getCellStyle().getFillPattern() != FillPatternType.SOLID_FOREGROUND) {
      return false;
    }
    XSSFColor color = ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundXSSFColor();
    if (color == null) {
      return false;
    }
    byte[] rgb = color.getRGB();
    return rgb != null && (rgb[0] & 0xff) > 0xc0 && (rgb[1] & 0xff) < 0xe0 && (rgb[2] & 0xff) < 0xe0;
  }

  private void checkPage(String name) {
    WebAppSystemIT.checkPage(browser, axeSource, name);
  }

  static {
    // a template in memory must not trip POI's zip-bomb guard in the test itself
    org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0.001);
  }
}
