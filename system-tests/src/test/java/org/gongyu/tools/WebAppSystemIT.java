package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The web app in a real browser (Debian's headless Chromium through Selenium) against the whole
 * platform with the demo city loaded ({@link SharedPlatform#demoCity()}), each person logging in
 * once through Keycloak's real login form (the realm locks a user out after logins in parallel):
 *
 * <ul>
 *   <li>city staff land on the city scorecard, whose cell for 990101 × PLATFORM_REGISTRATION holds
 *       the reports API's value; drill down city → county → school, where the school's figure is the
 *       API's; the language switch turns the headings English and a reload keeps it; the xlsx
 *       export reads back with Apache POI (numbers as numeric cells, Chinese headers) and the PDF's
 *       text, extracted with PDFBox, names the counties in Chinese;
 *   <li>a county admin lands on their county, an assessor on their assignments and from there on
 *       their county; both see only it; another county's page is the not-found page with no figures;
 *   <li>a school admin lands on their school; another school's page is the not-found page; logout
 *       ends at Keycloak's login form, and the app's pages ask for the login again.
 *   <li>an assessor of county 990302 declares, reads the file, scores every criterion (one changed),
 *       submits and sees the scoresheet; the API's scoresheet holds the points typed;
 *   <li>Swagger UI at the gateway shows the specs, each naming the gateway as its server.
 * </ul>
 *
 * axe-core runs on each main page (city scorecard, county, school, indicator, attention, 我的通知 and its settings) and any
 * violation of impact serious or critical fails the test, naming the rule and the nodes. Every main
 * page is kept as a screenshot under {@code system-tests/target/screenshots/}, and the page a test
 * failed on as {@code FAILED-<test>.png}.
 */
@ExtendWith(SharedPlatform.class)
class WebAppSystemIT {

  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String INDICATOR = IndicatorCodes.PLATFORM_REGISTRATION;
  static final Path SCREENSHOTS = SharedPlatform.ROOT.resolve("system-tests/target/screenshots");
  /** axe-core from the web module's devDependencies ({@code -Dgongyu.axe=<file>} points elsewhere). */
  static final Path AXE = Path.of(System.getProperty("gongyu.axe",
      SharedPlatform.ROOT.resolve("web/node_modules/axe-core/axe.min.js").toString()));
  static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
  static final List<String> DEMO_COUNTIES = List.of("东城县", "西山县", "南湖区");

  static Semester semester;
  static String axeSource;

  private Chromium browser;

  /** Keeps the page a test failed on, before {@link #closeBrowser} closes it. */
  @RegisterExtension
  final AfterTestExecutionCallback failureScreenshot = (ExtensionContext context) -> {
    if (context.getExecutionException().isPresent() && browser != null) {
      try {
        browser.screenshot(SCREENSHOTS.resolve("FAILED-" + context.getRequiredTestMethod().getName() + ".png"));
        System.out.println("failed on " + browser.driver().getCurrentUrl() + "; screenshot in " + SCREENSHOTS);
      } catch (RuntimeException e) {
        System.out.println("no failure screenshot: " + e);
      }
    }
  };

  @BeforeAll
  static void demoCityAndTools() {
    boolean installed = Chromium.installed();
    if (!installed && System.getenv("CI") != null) {
      throw new AssertionError("Chromium is not installed (apt-get install chromium chromium-driver; .ci/run and deploy/local/test.sh do)");
    }
    Assumptions.assumeTrue(installed, "Chromium is not installed here; CI installs it");
    if (!Files.isReadable(AXE)) {
      throw new AssertionError(AXE + " is missing: axe-core is a devDependency of web (npm ci in web/ installs it)");
    }
    axeSource = Chromium.read(AXE);
    DemoCity demo = SharedPlatform.demoCity();
    semester = demo.semester();
    assertThat(semester).isEqualTo(Semester.containing(Instant.now().atZone(DemoCity.ZONE).toLocalDate(), SchoolCalendar.DEFAULT));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void cityStaffSeeTheCityScorecardDrillDownSwitchLanguageAndExport() throws Exception {
    browser = new Chromium(GATEWAY);
    browser.logIn("city-staff");
    awaitPath("/city");

    // the city cell of 990101 × PLATFORM_REGISTRATION is the reports API's value for that county
    WebElement cell = awaitFigure("cell-990101-" + INDICATOR);
    JsonNode scorecard = api("/api/reports/periods/" + semester.id() + "/scorecard");
    JsonNode county = countyCell(scorecard, INDICATOR, "990101");
    assertThat(county.path("value").isNull()).as("the demo city has a figure for 990101").isFalse();
    assertThat(new BigDecimal(cell.getAttribute("data-value"))).as("data-value of the city cell")
        .isEqualByComparingTo(county.path("value").decimalValue());
    assertThat(cell.getText()).as("formatted as a rate").matches("(?s).*\\d+\\.\\d\\s?%.*");
    assertThat(browser.await("user-name").getText()).as("the name from /me").contains("工作人员");
    for (String other : List.of("990102", "990103")) {
      assertThat(new BigDecimal(awaitFigure("cell-" + other + "-" + INDICATOR).getAttribute("data-value")))
          .isEqualByComparingTo(countyCell(scorecard, INDICATOR, other).path("value").decimalValue());
    }
    checkPage("city-scorecard");

    String xlsxHref = browser.await("export-xlsx").getAttribute("href");
    String pdfHref = browser.await("export-pdf").getAttribute("href");

    // the xlsx export, with the browser's session: real cells, Chinese headers
    byte[] xlsx = download(xlsxHref, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    Files.write(SCREENSHOTS.resolve("city-scorecard.xlsx"), xlsx);
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      List<String> texts = texts(sheet);
      assertThat(texts).as("Chinese headers and county names").anyMatch(t -> CJK.matcher(t).find());
      assertThat(String.join("|", texts)).contains("东城县");
      List<Cell> numbers = numericCells(sheet);
      assertThat(numbers).as("figures as numeric cells").isNotEmpty();
      double expected = county.path("value").asDouble();
      assertThat(numbers).as("990101's registration rate %s as a number formatted as a percentage", expected)
          .anySatisfy(c -> {
            assertThat(c.getNumericCellValue()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.00005));
            assertThat(c.getCellStyle().getDataFormatString()).contains("%");
          });
      assertThat(sheet.getPaneInformation()).as("a frozen header row").isNotNull();
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
    }

    // the PDF export: Chinese text extractable (an embedded CJK font, not blank boxes)
    byte[] pdf = download(pdfHref, "application/pdf");
    Files.write(SCREENSHOTS.resolve("city-scorecard.pdf"), pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).as("the PDF's text").contains(DEMO_COUNTIES);
      assertThat(text).contains("演示市");
    }

    // Swagger UI at the gateway: each service's spec names the gateway as its server, so "try it
    // out" goes through the gateway's /api routes with this session (or a token under Authorize)
    for (String service : List.of("reporting", "school", "district", "city")) {
      JsonNode spec = api("/api-docs/" + service);
      assertThat(spec.path("servers").path(0).path("url").asString()).as("servers of the %s spec", service).isEqualTo(GATEWAY);
      assertThat(spec.path("components").path("securitySchemes").size()).as("%s declares the bearer scheme", service).isPositive();
    }
    browser.open("/swagger-ui.html");
    Chromium.waitUntil("Swagger UI with the reporting spec", Duration.ofSeconds(30),
        () -> !browser.all(By.cssSelector(".swagger-ui .opblock")).isEmpty());
    browser.screenshot(SCREENSHOTS.resolve("swagger-ui.png"));
    swaggerTryItOut();

    // indicator and attention pages of the city
    browser.open("/indicators/" + INDICATOR + "?period=" + semester.id());
    browser.await("ranking-chart");
    browser.await("trend-chart");
    checkPage("indicator");
    browser.open("/attention?period=" + semester.id());
    browser.await("attention-table");
    checkPage("attention");

    // drill down: city → county 990101 → one of its schools
    browser.open("/city?period=" + semester.id());
    awaitFigure("cell-990101-" + INDICATOR);
    browser.await("unit-link-990101").click();
    awaitPath("/counties/990101");
    awaitFigure("cell-990101-" + INDICATOR);
    Chromium.waitUntil("school links of 990101", Duration.ofSeconds(30),
        () -> browser.testIds("unit-link-99010100").size() >= 10);
    assertThat(browser.testIds("unit-link-")).as("only 990101's schools (and the county itself)")
        .allMatch(id -> id.startsWith("unit-link-990101"));
    checkPage("county");
    String schoolLink = browser.testIds("unit-link-99010100").getFirst();
    String schoolId = schoolLink.substring("unit-link-".length());
    browser.await(schoolLink).click();
    awaitPath("/schools/" + schoolId);
    WebElement schoolCell = awaitFigure("cell-" + schoolId + "-" + INDICATOR);
    JsonNode schoolRow = api("/api/reports/indicators/" + INDICATOR + "/periods/" + semester.id() + "/schools/" + schoolId);
    BigDecimal schoolValue = schoolValue(schoolRow);
    assertThat(new BigDecimal(schoolCell.getAttribute("data-value"))).as("the school page's figure is the API's")
        .isEqualByComparingTo(schoolValue);
    checkPage("school");

    // language: English headings, kept over a reload
    browser.open("/city?period=" + semester.id());
    awaitFigure("cell-990101-" + INDICATOR);
    String zhTitle = browser.await("page-title").getText();
    assertThat(zhTitle).as("zh-CN first").containsPattern(CJK);
    assertThat(browser.script("return document.documentElement.lang")).isEqualTo("zh-CN");
    browser.await("lang-switch").click();
    Chromium.waitUntil("English headings", Duration.ofSeconds(10),
        () -> "en".equals(browser.script("return document.documentElement.lang"))
            && !CJK.matcher(browser.await("page-title").getText()).find());
    browser.screenshot(SCREENSHOTS.resolve("city-scorecard-en.png"));
    browser.driver().navigate().refresh();
    awaitFigure("cell-990101-" + INDICATOR);
    Chromium.waitUntil("English after a reload", Duration.ofSeconds(10),
        () -> "en".equals(browser.script("return document.documentElement.lang")));
    assertThat(browser.await("page-title").getText()).as("the heading after a reload").doesNotContainPattern(CJK);
    assertThat(browser.await("indicator-link-" + INDICATOR).getText()).as("indicator names in English").doesNotContainPattern(CJK);
  }

  @Test
  void aCountyAdminSeesOnlyTheirCounty() {
    countyUserSeesOnlyTheirCounty("county-admin-990101", "/counties/990101");
  }

  @Test
  void anAssessorSeesOnlyTheirCounty() {
    countyUserSeesOnlyTheirCounty("assessor-990101", "/assessor");
  }

  private void countyUserSeesOnlyTheirCounty(String username, String home) {
    browser = new Chromium(GATEWAY);
    browser.logIn(username);
    awaitPath(home);
    if (!home.equals("/counties/990101")) {
      browser.await("nav-county").click();
      awaitPath("/counties/990101");
    }
    WebElement own = awaitFigure("cell-990101-" + INDICATOR);
    JsonNode api = api("/api/reports/periods/" + semester.id() + "/counties/990101/scorecard");
    assertThat(new BigDecimal(own.getAttribute("data-value")))
        .isEqualByComparingTo(countyOwnCell(api, INDICATOR).path("value").decimalValue());
    Chromium.waitUntil("school rows", Duration.ofSeconds(30), () -> browser.testIds("unit-link-99010100").size() >= 10);
    assertThat(browser.testIds("cell-")).as("figures of 990101 and its schools only")
        .allMatch(id -> id.startsWith("cell-990101"));
    assertThat(browser.testIds("nav-")).as("no city menu").doesNotContain("nav-city");
    browser.screenshot(SCREENSHOTS.resolve("county-" + username + ".png"));

    browser.open("/counties/990102?period=" + semester.id());
    browser.await("not-found");
    assertNoFigures("another county's page");
    browser.screenshot(SCREENSHOTS.resolve("not-found-" + username + ".png"));
  }

  @Test
  void aSchoolAdminSeesTheirSchoolAndNotAnother() {
    browser = new Chromium(GATEWAY);
    browser.logIn("admin-9901010001");
    awaitPath("/schools/9901010001");
    WebElement own = awaitFigure("cell-9901010001-" + INDICATOR);
    JsonNode row = api("/api/reports/indicators/" + INDICATOR + "/periods/" + semester.id() + "/schools/9901010001");
    assertThat(new BigDecimal(own.getAttribute("data-value"))).isEqualByComparingTo(schoolValue(row));
    assertThat(browser.testIds("cell-")).allMatch(id -> id.startsWith("cell-9901010001-"));
    browser.screenshot(SCREENSHOTS.resolve("school-admin-9901010001.png"));

    browser.open("/schools/9901010002?period=" + semester.id());
    browser.await("not-found");
    assertNoFigures("another school's page");
    assertThat(browser.driver().getPageSource()).as("nothing of the other school").doesNotContain("9901010002-");
    browser.screenshot(SCREENSHOTS.resolve("not-found-admin-9901010001.png"));

    // 我的通知 (issue 15 item 5): the bell's 查看全部通知 opens the inbox page of school-service's inbox,
    // and 通知设置 lists the kinds school-service sends, each with its e-mail switch
    browser.await("notify-bell").click();
    browser.await("notify-all").click();
    awaitPath("/me/notifications");
    browser.await("inbox-summary");
    checkPage("notifications");
    browser.await("tab-settings").click();
    Chromium.waitUntil("a row per kind of school-service", Duration.ofSeconds(30), () -> !browser.testIds("pref-row").isEmpty());
    browser.await("always");
    checkPage("notification-settings");

    // logout ends the session here and at Keycloak: the browser is back at the login form
    browser.await("logout").click();
    Chromium.waitUntil("Keycloak's login form after logging out (now " + browser.driver().getCurrentUrl() + ")",
        Duration.ofSeconds(30), () -> browser.driver().getCurrentUrl().startsWith(SharedPlatform.KEYCLOAK)
            && !browser.all(By.id("username")).isEmpty());
    // neither the gateway's session nor Keycloak's is left: a page of the app asks for the password
    browser.open("/schools/9901010001");
    Chromium.waitUntil("the login form again for a page of the app", Duration.ofSeconds(30),
        () -> browser.driver().getCurrentUrl().startsWith(SharedPlatform.KEYCLOAK) && !browser.all(By.id("username")).isEmpty());
  }

  /**
   * The assessor workspace (issue 13 item 4) in the browser: an application of county 990302 made
   * ready through the API (programme, application, self-evaluation after the creation month: the
   * services' clocks move 32 days and come back), then an assessor lands on their assignments,
   * declares no conflict in the form, reads the file while the county has not started, and after
   * the start scores every criterion as a draft, changes one, submits after the confirmation and
   * sees the scoresheet; the API's scoresheet holds the points typed in the browser. An assessor of
   * another county who opens the same file or declaration gets the not-found page, with nothing of
   * the school on it.
   */
  @Test
  void anAssessorDeclaresScoresAndSubmitsInTheBrowser() {
    GongyuClient client = new GongyuClient(GATEWAY, SharedPlatform.KEYCLOAK, false);
    String county = "990302";
    String school = "9903020001";
    String demo = "/api/district/counties/" + county + "/demonstration";
    String cityAdmin = client.accounts().token("city-admin");
    String assessor = "web-county-assessor-" + county;
    String second = "web2-county-assessor-" + county;
    client.accounts().tokenAs("web", "county-assessor", county, "990100");
    client.accounts().tokenAs("web2", "county-assessor", county, "990100");
    String applicationId;
    try {
      client.putCounty(county, "评审县");
      client.putXuequ(county, county + "-XQ1", "城关学区");
      client.putSchool(county, school, "评审县实验小学", "PRIMARY", county + "-XQ1");
      eventually("the county has the city's standard", () -> client.get(demo + "/standards"),
          r -> r.ok() && r.body().toString().contains("DEMO-SCHOOL"));
      java.time.LocalDate today = java.time.LocalDate.now(DemoCity.ZONE);
      java.util.Map<String, Object> programme = ProgrammeFixture.openToday("评审县示范学校创建", 1, today, "DEMO-SCHOOL");
      GongyuClient.require(client.put(demo + "/programmes/" + county + "-WEB", programme), "programme");
      String schoolDemo = "/api/school/schools/" + school + "/demonstration";
      eventually("the school sees the programme", () -> client.get(schoolDemo + "/programmes"),
          r -> r.ok() && r.body().toString().contains(county + "-WEB"));
      applicationId = GongyuClient.require(client.post(schoolDemo + "/applications", java.util.Map.of("programmeId", county + "-WEB",
          "baseline", List.of(java.util.Map.of("areaCode", "A1", "level", 3, "note", "家长学校已建立")), "plan", "一校一案")), "apply").body().path("applicationId").asString();
      String app = demo + "/applications/" + applicationId;
      eventually("the county has the application", () -> client.get(app),
          r -> r.ok() && "APPLIED".equals(r.body().path("status").asString()));
      GongyuClient.require(client.post(app + "/accept", java.util.Map.of("note", "推荐")), "accept");
      eventually("the school sees CREATING", () -> client.get(schoolDemo + "/applications/" + applicationId),
          r -> r.ok() && "CREATING".equals(r.body().path("status").asString()));
      JsonNode standard = GongyuClient.require(client.get("/api/city/standards/DEMO-SCHOOL/versions/1"), "standard").body();
      List<JsonNode> criteria = new ArrayList<>();
      standard.path("areas").forEach(a -> a.path("criteria").forEach(criteria::add));
      String selfEval = schoolDemo + "/applications/" + applicationId + "/self-evaluation";
      for (JsonNode c : criteria) {
        GongyuClient.require(client.put(selfEval + "/items/" + c.path("code").asString(), java.util.Map.of(
            "selfScore", c.path("points").decimalValue().subtract(BigDecimal.ONE), "narrative", "按标准落实",
            "evidence", List.of(java.util.Map.of("title", "台账", "reference", "档案室 " + c.path("code").asString())))), "self " + c);
      }
      SharedPlatform.shiftClocks(Duration.ofDays(32), cityAdmin);
      GongyuClient.require(client.post(selfEval + "/submit", java.util.Map.of()), "submit the self-evaluation");
      eventually("the county has the self-evaluation", () -> client.get(app),
          r -> r.ok() && "SELF_EVALUATED".equals(r.body().path("status").asString()));
      for (String a : List.of(assessor, second)) {
        GongyuClient.require(client.put(demo + "/assessors/" + a, java.util.Map.of("name", "评估专家 " + a)), "panel " + a);
        GongyuClient.require(client.post(app + "/assignments", java.util.Map.of("assessor", a)), "assign " + a);
      }

      // ---- the assessor in the browser: assignments → declaration → the file (not started yet)
      browser = new Chromium(GATEWAY);
      browser.logIn(assessor);
      awaitPath("/assessor");
      WebElement row = browser.await("assignment-row");
      assertThat(row.getAttribute("data-due")).isEqualTo("DECLARE");
      assertThat(row.getText()).contains("评审县实验小学");
      checkPage("assessor-assignments");
      row.findElement(browser.testId("assignment-action")).click();
      awaitPath("/assessor/applications/" + applicationId + "/declaration");
      browser.await("declaration-submit").click();
      assertThat(browser.await("statement-error").getText()).isEqualTo("请填写声明内容");
      browser.await("statement").sendKeys("本人与该校不存在利益冲突，将客观公正地评审。");
      browser.await("confirm").click();
      checkPage("assessor-declaration");
      browser.await("declaration-submit").click();
      awaitPath("/assessor/applications/" + applicationId);
      browser.await("wait");
      String first = criteria.getFirst().path("code").asString();
      assertThat(browser.await("self-" + first).getText()).isEqualTo(plain(criteria.getFirst().path("points").decimalValue().subtract(BigDecimal.ONE)));

      // ---- the county starts once both assessors are cleared
      GongyuClient.require(client.as(second).post(app + "/assignments/" + second + "/declaration",
          java.util.Map.of("conflicts", List.of(), "statement", "无利益冲突")), "declare " + second);
      GongyuClient.require(client.post(app + "/assessment/start", java.util.Map.of()), "start");

      browser.driver().navigate().refresh();
      java.util.Map<String, BigDecimal> typed = new java.util.LinkedHashMap<>();
      for (JsonNode c : criteria) {
        String code = c.path("code").asString();
        BigDecimal points = c.path("points").decimalValue().subtract(new BigDecimal("0.5"));
        WebElement input = browser.await("points-" + code);
        input.clear();
        input.sendKeys(points.toPlainString());
        browser.await("comment-" + code).sendKeys("现场查看资料齐全");
        centreAndClick(browser.await("save-" + code));
        awaitSaved(code);
        typed.put(code, points);
      }
      // a draft changes until submitted
      WebElement change = browser.await("points-" + first);
      change.clear();
      change.sendKeys("0");
      centreAndClick(browser.await("save-" + first));
      awaitSaved(first);
      typed.put(first, BigDecimal.ZERO);
      checkPage("assessor-file");
      centreAndClick(browser.await("submit-scores"));
      centreAndClick(browser.await("confirm-submit"));
      assertThat(browser.await("submitted").getText()).contains("评分已于");
      browser.await("scoresheet");
      assertThat(browser.all(browser.testId("submit-scores"))).isEmpty();
      browser.screenshot(SCREENSHOTS.resolve("assessor-submitted.png"));

      JsonNode sheet = GongyuClient.require(client.get(app + "/scoresheet"), "scoresheet").body();
      java.util.Map<String, BigDecimal> stored = new java.util.LinkedHashMap<>();
      sheet.path("criteria").forEach(line -> line.path("scores").forEach(sc -> {
        if (assessor.equals(sc.path("assessor").asString())) {
          stored.put(line.path("criterionCode").asString(), sc.path("points").decimalValue());
        }
      }));
      assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(typed.keySet());
      typed.forEach((code, points) -> assertThat(stored.get(code)).as(code).isEqualByComparingTo(points));
      sheet.path("assessors").forEach(a -> {
        if (assessor.equals(a.path("assessor").asString())) {
          assertThat(a.path("submittedAt").isNull()).as("submitted").isFalse();
        }
      });

      // ---- an assessor of another county: the file, the declaration and the scores are the not-found page
      browser.close();
      browser = new Chromium(GATEWAY);
      browser.logIn("assessor-990101");
      awaitPath("/assessor");
      for (String page : List.of("/assessor/applications/" + applicationId, "/assessor/applications/" + applicationId + "/declaration")) {
        browser.open(page);
        browser.await("not-found");
        assertThat(browser.all(browser.testId("points-" + first))).as("no scoring form on %s", page).isEmpty();
        assertThat(browser.driver().getPageSource()).as("nothing of the other county's school on %s", page)
            .doesNotContain("评审县实验小学");
      }
      browser.screenshot(SCREENSHOTS.resolve("not-found-other-county-assessor.png"));
    } finally {
      SharedPlatform.shiftClocks(Duration.ZERO, cityAdmin);
    }
  }

  private void centreAndClick(WebElement element) {
    browser.centreAndClick(element);
  }

  private void awaitSaved(String code) {
    Chromium.waitUntil("criterion " + code + " saved", Duration.ofSeconds(15),
        () -> "saved".equals(browser.await("criterion-" + code).getAttribute("data-state")));
  }

  private static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }

  private static GongyuClient.Reply eventually(String what, java.util.function.Supplier<GongyuClient.Reply> call,
      java.util.function.Predicate<GongyuClient.Reply> done) {
    return GongyuClient.eventually(what, call, done, Duration.ofSeconds(60));
  }


  // ---- helpers

  /**
   * "Try it out" on {@code GET /api/reports/calendar} in Swagger UI: first with the login session
   * (the gateway relays the session's token), then with a token pasted under Authorize (sent as
   * {@code Authorization: Bearer}); both answer 200 through the gateway.
   */
  private void swaggerTryItOut() {
    By calendar = By.cssSelector(".opblock-summary-path[data-path='/api/reports/calendar']");
    Chromium.waitUntil("the calendar operation in Swagger UI", Duration.ofSeconds(30), () -> !browser.all(calendar).isEmpty());
    browser.driver().findElement(calendar).click();
    clickWhenThere(By.cssSelector(".opblock.is-open .try-out__btn"));
    clickWhenThere(By.cssSelector(".opblock.is-open .execute"));
    assertThat(liveStatus()).as("try it out with the session").isEqualTo("200");
    assertThat(curl()).doesNotContain("Authorization");

    String token = new org.gongyu.testing.KeycloakAccounts(SharedPlatform.KEYCLOAK).token("city-admin");
    clickWhenThere(By.cssSelector(".swagger-ui .btn.authorize"));
    By tokenField = By.cssSelector(".dialog-ux .modal-ux input[type=text], .dialog-ux .modal-ux input[type=password]");
    Chromium.waitUntil("the Authorize dialog", Duration.ofSeconds(10), () -> !browser.all(tokenField).isEmpty());
    browser.driver().findElement(tokenField).sendKeys(token);
    clickWhenThere(By.cssSelector(".dialog-ux .modal-ux .auth-btn-wrapper .authorize"));
    clickWhenThere(By.cssSelector(".dialog-ux .modal-ux .btn-done, .dialog-ux .modal-ux .close-modal"));
    browser.screenshot(SCREENSHOTS.resolve("swagger-ui-authorized.png"));
    clickWhenThere(By.cssSelector(".opblock.is-open .execute"));
    Chromium.waitUntil("the request with the pasted token", Duration.ofSeconds(20), () -> curl().contains("Authorization: Bearer"));
    assertThat(liveStatus()).as("try it out with the pasted bearer token").isEqualTo("200");
  }

  private void clickWhenThere(By by) {
    Chromium.waitUntil(by + " in Swagger UI", Duration.ofSeconds(15),
        () -> browser.all(by).stream().anyMatch(WebElement::isDisplayed));
    browser.all(by).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
  }

  private String liveStatus() {
    By status = By.cssSelector(".opblock.is-open .live-responses-table .response .response-col_status");
    Chromium.waitUntil("a response in Swagger UI", Duration.ofSeconds(20),
        () -> !browser.all(status).isEmpty() && !browser.all(status).getFirst().getText().isBlank());
    return browser.all(status).getFirst().getText().trim().split("\\s+")[0];
  }

  private String curl() {
    return browser.all(By.cssSelector(".opblock.is-open .curl-command")).stream().map(WebElement::getText)
        .findFirst().orElse("");
  }

  /** A screenshot of a main page and the axe-core check of it. */
  private void checkPage(String name) {
    checkPage(browser, axeSource, name);
  }

  /** A screenshot of the page the browser is on, and the axe-core check of it (shared with the other browser tests). */
  static void checkPage(Chromium browser, String axeSource, String name) {
    GongyuClient.sleep(300); // let charts and transitions settle before the picture and the audit
    awaitStill(browser, name);
    browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
    List<String> violations = browser.seriousAccessibilityViolations(axeSource);
    if (!violations.isEmpty()) {
      // a toast may begin to fade out while axe runs (its 3 s are up), and a fading toast has a
      // contrast of nearly nothing (CI saw 1.42); once the page is still again, a real violation is
      // still there and a fading one is gone
      awaitStill(browser, name);
      violations = browser.seriousAccessibilityViolations(axeSource);
    }
    assertThat(violations).as("axe-core: serious or critical violations on the %s page (%s)", name,
        browser.driver().getCurrentUrl()).isEmpty();
  }

  /** Never audit an element mid-animation: waits for Vue's enter and leave transitions to end. */
  private static void awaitStill(Chromium browser, String name) {
    Chromium.waitUntil("transitions on " + name + " to end", Duration.ofSeconds(10), () -> browser.driver()
        .findElements(org.openqa.selenium.By.cssSelector("[class*='-leave-active'], [class*='-enter-active']")).isEmpty());
  }

  private void awaitPath(String path) {
    browser.awaitPath(path);
  }

  /** The cell, once it holds a figure (data-value set, or withheld). */
  private WebElement awaitFigure(String testId) {
    Chromium.waitUntil(testId + " with a figure on " + browser.driver().getCurrentUrl(), Duration.ofSeconds(30), () -> {
      List<WebElement> found = browser.all(browser.testId(testId));
      return !found.isEmpty() && !String.valueOf(found.getFirst().getAttribute("data-value")).isEmpty();
    });
    return browser.await(testId);
  }

  private void assertNoFigures(String what) {
    GongyuClient.sleep(500); // a page that would render figures has had its answers by now
    assertThat(browser.testIds("cell-")).as("figures on %s", what).isEmpty();
    assertThat(browser.all(browser.testId("scorecard"))).as("a scorecard on %s", what).isEmpty();
  }

  /** A GET of the reports API through the browser's own session; must answer 200. */
  private JsonNode api(String path) {
    JsonNode reply = browser.fetchJson(path);
    assertThat(reply.path("status").asInt()).as("GET %s through the session: %s", path, reply.path("body")).isEqualTo(200);
    return reply.path("body");
  }

  /** Downloads an export the way the browser would, with its session cookie. */
  private byte[] download(String href, String contentType) throws Exception {
    assertThat(href).as("export link").isNotBlank();
    URI uri = URI.create(GATEWAY).resolve(href);
    assertThat(uri.toString()).startsWith(GATEWAY + "/api/reports/").contains("lang=");
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      long started = System.nanoTime();
      HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(uri)
          .header("Cookie", "SESSION=" + browser.cookie("SESSION"))
          .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
      System.out.printf("export %s: HTTP %d, %d bytes in %d ms%n", uri.getPath(), answer.statusCode(), answer.body().length,
          (System.nanoTime() - started) / 1_000_000);
      assertThat(answer.statusCode()).as("GET %s: %s", uri, new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(contentType));
      assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
          assertThat(v).startsWith("attachment").contains("filename*=UTF-8''"));
      return answer.body();
    }
  }

  private static JsonNode indicatorEntry(JsonNode scorecard, String code) {
    for (JsonNode entry : scorecard.path("indicators")) {
      if (entry.path("indicator").path("code").asString().equals(code)) {
        return entry;
      }
    }
    throw new AssertionError(code + " not in the scorecard " + scorecard);
  }

  private static JsonNode countyCell(JsonNode cityScorecard, String code, String countyId) {
    for (JsonNode c : indicatorEntry(cityScorecard, code).path("counties")) {
      if (c.path("id").asString().equals(countyId)) {
        return c;
      }
    }
    throw new AssertionError("county " + countyId + " not in the city scorecard's " + code);
  }

  private static JsonNode countyOwnCell(JsonNode countyScorecard, String code) {
    return indicatorEntry(countyScorecard, code).path("county");
  }

  /** The school's rate as the reports API's school view answers it. */
  static BigDecimal schoolValue(JsonNode schoolView) {
    for (JsonNode node : List.of(schoolView.path("school"), schoolView)) {
      for (String field : List.of("rate", "value")) {
        JsonNode v = node.path(field);
        if (v.isNumber() || (v.isString() && !v.asString().isBlank())) {
          return new BigDecimal(v.asString());
        }
      }
    }
    throw new AssertionError("no rate in the school view " + schoolView);
  }

  private static List<String> texts(Sheet sheet) {
    List<String> texts = new ArrayList<>();
    for (Row row : sheet) {
      for (Cell cell : row) {
        if (cell.getCellType() == CellType.STRING) {
          texts.add(cell.getStringCellValue());
        }
      }
    }
    return texts;
  }

  private static List<Cell> numericCells(Sheet sheet) {
    List<Cell> cells = new ArrayList<>();
    for (Row row : sheet) {
      for (Cell cell : row) {
        if (cell.getCellType() == CellType.NUMERIC) {
          cells.add(cell);
        }
      }
    }
    return cells;
  }
}
