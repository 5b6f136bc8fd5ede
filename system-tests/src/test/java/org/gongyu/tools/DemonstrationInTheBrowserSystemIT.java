package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.junit.jupiter.api.AfterAll;
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
 * One demonstration-school application through its whole life in the browser (issue 13 item 7),
 * each person in their own Chromium, logged in through Keycloak's form, on a county of its own
 * (990303) so that nothing else on the shared platform moves its figures:
 *
 * <ol>
 *   <li>the school admin applies inside the window;
 *   <li>the county admin accepts it on the applications board;
 *   <li>the school admin fills in the self-evaluation criterion by criterion, attaches a PDF, and a
 *       month later (every service's clock moves 32 days) submits it after the confirmation;
 *   <li>the county admin assigns two assessors; one declares a conflict in the form and the county
 *       assigns a third in their place;
 *   <li>both remaining assessors declare no conflict, open the file (the attachment is listed and
 *       downloads as the PDF uploaded), score every criterion and submit; one criterion's scores
 *       spread beyond the programme's margin;
 *   <li>the county admin enters the consensus for that criterion and awards the title;
 *   <li>the county page and the city page show the county's title for the programme cycle, equal to
 *       the reports API.
 * </ol>
 *
 * The county's set-up (county, 学区, school, assessor panel, programme) is written through the API
 * first: it is not what this test is about. Pages are checked with axe-core as they go.
 *
 * <p>Before that (the clocks still on today), a school of the same county corrects one of its
 * parent-school sessions and withdraws another, each with a reason, on its records page, and sees
 * its figure for collective sessions fall from 2 to 1 on its own page; the withdrawn session stays
 * listed as withdrawn and its trail shows both versions.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemonstrationInTheBrowserSystemIT extends BrowserSystemTest {

  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String CITY = "990100";
  static final String COUNTY = "990303";
  static final String SCHOOL = "9903030001";
  static final String PROGRAMME = COUNTY + "-BROWSER";
  static final String DEMO = "/api/district/counties/" + COUNTY + "/demonstration";
  static final String SCHOOL_DEMO = "/api/school/schools/" + SCHOOL + "/demonstration";
  static final GongyuClient client = new GongyuClient(GATEWAY, SharedPlatform.KEYCLOAK, false);

  static String schoolAdmin;
  static String countyAdmin;

  @BeforeAll
  static void tools() {
    SharedPlatform.demoCity();
    client.accounts().tokenAs("lc", "school-admin", SCHOOL, CITY);
    client.accounts().tokenAs("lc", "county-admin", COUNTY, CITY);
    schoolAdmin = "lc-school-admin-" + SCHOOL;
    countyAdmin = "lc-county-admin-" + COUNTY;
  }

  @AfterAll
  static void clocksBack() {
    SharedPlatform.shiftClocks(Duration.ZERO, client.accounts().token("city-admin"));
  }

  @Test
  @Order(1)
  void aSchoolCorrectsAndWithdrawsARecordAndSeesItsFigureChange() {
    String school = COUNTY + "0002";
    String indicator = IndicatorCodes.COLLECTIVE_SESSIONS;
    client.putCounty(COUNTY, "示范县");
    client.putXuequ(COUNTY, COUNTY + "-XQ1", "城关学区");
    client.putSchool(COUNTY, school, "示范县第二小学", "PRIMARY", COUNTY + "-XQ1");
    client.accounts().tokenAs("lc", "school-admin", school, CITY);
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    String semester = org.gongyu.contracts.period.Semester.containing(today, org.gongyu.contracts.period.SchoolCalendar.DEFAULT).id();
    String sessions = "/api/school/schools/" + school + "/parent-school/sessions/";
    eventually("the school tier knows " + school, () -> client.put(sessions + "web-s1", session("家庭教育促进法解读", today)),
        GongyuClient.Reply::ok);
    GongyuClient.require(client.put(sessions + "web-s2", session("亲子沟通", today)), "second session");
    String report = "/api/reports/indicators/" + indicator + "/periods/" + semester + "/schools/" + school;
    eventually("the reports count two sessions", () -> client.get(report), r -> r.ok() && hasValue(r.body(), 2));

    browser = new Chromium(GATEWAY);
    browser.logIn("lc-school-admin-" + school);
    browser.awaitPath("/schools/" + school);
    assertThat(new BigDecimal(awaitFigure("cell-" + school + "-" + indicator).getAttribute("data-value"))).isEqualByComparingTo("2");

    // correct the first session's topic, with a reason: version 2, the figure unchanged
    browser.open("/schools/" + school + "/records/sessions?period=" + semester);
    WebElement first = recordRow("web-s1");
    first.findElement(browser.testId("record-edit")).click();
    browser.await("record-form");
    typeInto("input-topic", "《家庭教育促进法》解读");
    browser.await("record-save").click();
    assertThat(browser.await("error-reason").getText()).as("a correction without a reason").isNotBlank();
    typeInto("input-reason", "主题录入有误");
    browser.await("record-save").click();
    Chromium.waitUntil("the corrected topic in the list", Duration.ofSeconds(20),
        () -> recordRow("web-s1").getText().contains("《家庭教育促进法》解读"));
    checkPage("school-records-sessions");

    // withdraw the second, with a reason: listed as withdrawn, the figure falls to 1
    recordRow("web-s2").findElement(browser.testId("record-withdraw")).click();
    browser.await("withdraw-form");
    typeInto("input-withdraw-reason", "重复录入");
    browser.await("withdraw-confirm").click();
    Chromium.waitUntil("the second session listed as withdrawn", Duration.ofSeconds(20),
        () -> "true".equals(recordState("web-s2").getAttribute("data-withdrawn")));
    assertThat(recordRow("web-s2").getText()).contains("重复录入");
    recordRow("web-s2").findElement(browser.testId("record-history")).click();
    browser.await("history-action-2");
    assertThat(browser.await("history-table").getText()).contains("重复录入");
    checkPage("school-records-history");

    eventually("the reports count one session", () -> client.get(report), r -> r.ok() && hasValue(r.body(), 1));
    browser.open("/schools/" + school + "?period=" + semester);
    assertThat(new BigDecimal(awaitFigure("cell-" + school + "-" + indicator).getAttribute("data-value"))).isEqualByComparingTo("1");
    JsonNode history = GongyuClient.require(client.get(sessions + "web-s1/history"), "trail").body();
    assertThat(history.size()).as("created and corrected").isEqualTo(2);
    assertThat(history.get(1).path("reason").asString()).isEqualTo("主题录入有误");
  }

  private static boolean hasValue(JsonNode schoolView, int expected) {
    try {
      return WebAppSystemIT.schoolValue(schoolView).compareTo(BigDecimal.valueOf(expected)) == 0;
    } catch (AssertionError noFigureYet) {
      return false;
    }
  }

  private static Map<String, Object> session(String topic, LocalDate date) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "COLLECTIVE");
    body.put("date", date.toString());
    body.put("topic", topic);
    body.put("lecturer", "李老师");
    body.put("mode", "OFFLINE");
    body.put("attendance", 120);
    return body;
  }

  private WebElement recordState(String id) {
    Chromium.waitUntil("record " + id + " listed", Duration.ofSeconds(30),
        () -> browser.all(By.cssSelector("[data-testid=record-state][data-id='" + id + "']")).size() == 1);
    return browser.driver().findElement(By.cssSelector("[data-testid=record-state][data-id='" + id + "']"));
  }

  private WebElement recordRow(String id) {
    return recordState(id).findElement(By.xpath("ancestor::tr"));
  }

  /** Types into a form field by its test id, whether the id sits on the input or on its wrapper. */
  private void typeInto(String testId, String text) {
    WebElement field = browser.await(testId);
    if (!List.of("input", "textarea").contains(field.getTagName())) {
      field = field.findElement(By.cssSelector("input, textarea"));
    }
    field.clear();
    field.sendKeys(text);
  }

  @Test
  @Order(2)
  void anApplicationFromApplyingToTheTitleInTheBrowser() throws Exception {
    // ---- set-up through the API: the county, its school, three assessors, a programme open today
    client.putCounty(COUNTY, "示范县");
    client.putXuequ(COUNTY, COUNTY + "-XQ1", "城关学区");
    client.putSchool(COUNTY, SCHOOL, "示范县实验小学", "PRIMARY", COUNTY + "-XQ1");
    eventually("the county has the city's standard", () -> client.get(DEMO + "/standards"),
        r -> r.ok() && r.body().toString().contains("DEMO-SCHOOL"));
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    GongyuClient.require(client.put(DEMO + "/programmes/" + PROGRAMME,
        ProgrammeFixture.openToday("示范县示范学校创建", 1, today, "DEMO-SCHOOL")), "programme");
    List<String> assessors = new ArrayList<>();
    for (String prefix : List.of("lca", "lcb", "lcc")) {
      client.accounts().tokenAs(prefix, "county-assessor", COUNTY, CITY);
      String username = prefix + "-county-assessor-" + COUNTY;
      GongyuClient.require(client.put(DEMO + "/assessors/" + username, Map.of("name", "评估专家" + prefix.charAt(2))), "panel " + username);
      assessors.add(username);
    }
    JsonNode standard = GongyuClient.require(client.get("/api/city/standards/DEMO-SCHOOL/versions/1"), "standard").body();
    List<JsonNode> criteria = new ArrayList<>();
    standard.path("areas").forEach(a -> a.path("criteria").forEach(criteria::add));
    eventually("the school sees the programme", () -> client.get(SCHOOL_DEMO + "/programmes"),
        r -> r.ok() && r.body().toString().contains(PROGRAMME));

    // ---- 1. the school applies
    browser = new Chromium(GATEWAY);
    browser.logIn(schoolAdmin);
    browser.open("/schools/" + SCHOOL + "/demonstration");
    WebElement programme = awaitProgramme(PROGRAMME);
    programme.findElement(browser.testId("apply")).click();
    browser.await("apply-form");
    for (JsonNode area : standard.path("areas")) {
      WebElement level = browser.await("level-" + area.path("code").asString());
      level.clear();
      level.sendKeys("3");
    }
    browser.await("plan").sendKeys("一校一案：三年内建成家长学校课程体系。");
    checkPage("school-demo-apply");
    browser.centreAndClick(browser.await("apply-send"));
    WebElement applied = browser.awaitAttribute("school-application", "data-status", "APPLIED", Duration.ofSeconds(30));
    String applicationId = onlyApplication();
    String app = DEMO + "/applications/" + applicationId;
    eventually("the county has the application", () -> client.get(app),
        r -> r.ok() && "APPLIED".equals(r.body().path("status").asString()));
    assertThat(applied.getText()).contains("示范县示范学校创建");
    browser.close();

    // ---- 2. the county accepts it on the board
    browser = new Chromium(GATEWAY);
    browser.logIn(countyAdmin);
    browser.open("/counties/" + COUNTY + "/demonstration/applications?programme=" + PROGRAMME);
    WebElement card = awaitCard(applicationId, "APPLIED");
    checkPage("county-demo-board");
    card.findElement(browser.testId("accept")).click();
    awaitCard(applicationId, "CREATING");
    browser.close();

    // ---- 3. the school writes its self-evaluation with an attachment and, a month later, submits it
    Path pdf = samplePdf();
    browser = new Chromium(GATEWAY);
    browser.logIn(schoolAdmin);
    browser.open("/schools/" + SCHOOL + "/demonstration/applications/" + applicationId);
    browser.awaitAttribute("application-status", "data-status", "CREATING", Duration.ofSeconds(60));
    for (JsonNode c : criteria) {
      String code = c.path("code").asString();
      WebElement score = browser.await("score-" + code);
      score.clear();
      score.sendKeys(c.path("points").decimalValue().subtract(BigDecimal.ONE).toPlainString());
      browser.await("narrative-" + code).sendKeys("按标准逐项落实，台账齐全。");
      browser.await("evidence-title-" + code + "-0").sendKeys("工作台账");
      browser.await("evidence-reference-" + code + "-0").sendKeys("档案室 " + code);
      browser.centreAndClick(browser.await("save-" + code));
      browser.awaitAttribute("criterion-" + code, "data-state", "saved", Duration.ofSeconds(15));
    }
    String first = criteria.getFirst().path("code").asString();
    browser.await("upload-" + first).sendKeys(pdf.toString());
    Chromium.waitUntil("the attachment listed under " + first, Duration.ofSeconds(30),
        () -> !browser.await("attachments-" + first).findElements(browser.testId("attachment")).isEmpty());
    checkPage("school-demo-self-evaluation");
    SharedPlatform.shiftClocks(Duration.ofDays(32), client.accounts().token("city-admin"));
    browser.driver().navigate().refresh();
    browser.centreAndClick(browser.await("submit"));
    browser.await("confirm-dialog");
    browser.await("confirm-submit").click();
    eventually("the county has the self-evaluation", () -> client.get(app),
        r -> r.ok() && "SELF_EVALUATED".equals(r.body().path("status").asString()));
    browser.driver().navigate().refresh();
    browser.awaitAttribute("application-status", "data-status", "SELF_EVALUATED", Duration.ofSeconds(60));
    browser.await("read-only");
    checkPage("school-demo-submitted");
    browser.close();

    // ---- 4. the county assigns two assessors; the first declares a conflict; a third replaces them
    String conflicted = assessors.get(0);
    String second = assessors.get(1);
    String third = assessors.get(2);
    browser = new Chromium(GATEWAY);
    browser.logIn(countyAdmin);
    String applicationPage = "/counties/" + COUNTY + "/demonstration/applications/" + applicationId;
    browser.open(applicationPage);
    assign(conflicted);
    assign(second);
    checkPage("county-demo-application");

    declare(conflicted, true);
    declare(second, false);

    browser = new Chromium(GATEWAY);
    browser.logIn(countyAdmin);
    browser.open(applicationPage);
    Chromium.waitUntil("the recusal shown on the panel", Duration.ofSeconds(30),
        () -> browser.all(browser.testId("panel-row")).stream().anyMatch(r -> conflicted.equals(r.getAttribute("data-assessor"))
            && r.getText().contains("回避")));
    assign(third);
    browser.close();
    declare(third, false);

    browser = new Chromium(GATEWAY);
    browser.logIn(countyAdmin);
    browser.open(applicationPage);
    browser.centreAndClick(browser.await("start"));
    eventually("the assessment started", () -> client.get(app),
        r -> r.ok() && "ASSESSING".equals(r.body().path("status").asString()));
    browser.close();

    // ---- 5. both score in the browser; one criterion spreads beyond the margin of 2 points
    String disputed = criteria.get(4).path("code").asString();
    Map<String, BigDecimal> secondScores = new LinkedHashMap<>();
    Map<String, BigDecimal> thirdScores = new LinkedHashMap<>();
    for (JsonNode c : criteria) {
      String code = c.path("code").asString();
      BigDecimal max = c.path("points").decimalValue();
      secondScores.put(code, max.subtract(BigDecimal.ONE));
      thirdScores.put(code, code.equals(disputed) ? max.subtract(new BigDecimal("5")) : max.subtract(new BigDecimal("0.5")));
    }
    score(second, applicationId, secondScores, first, pdf);
    score(third, applicationId, thirdScores, first, pdf);

    // ---- 6. the county enters the consensus and awards the title
    BigDecimal agreed = criteria.get(4).path("points").decimalValue().subtract(new BigDecimal("2"));
    browser = new Chromium(GATEWAY);
    browser.logIn(countyAdmin);
    browser.open(applicationPage);
    browser.await("consensus");
    WebElement spread = browser.await("spread-" + disputed);
    assertThat(spread.getText()).as("the spread of %s", disputed).contains("4");
    WebElement points = browser.await("consensus-points-" + disputed);
    points.clear();
    points.sendKeys(agreed.toPlainString());
    browser.await("consensus-note-" + disputed).sendKeys("合议：家长志愿者台账不全");
    browser.centreAndClick(browser.await("consensus-save-" + disputed));
    eventually("the consensus stored", () -> client.get(app + "/scoresheet"), r -> r.ok() && consensusOf(r.body(), disputed) != null);
    assertThat(consensusOf(client.get(app + "/scoresheet").body(), disputed)).isEqualByComparingTo(agreed);
    checkPage("county-demo-consensus");
    browser.driver().navigate().refresh();
    browser.centreAndClick(browser.await("outcome-AWARD"));
    browser.await("decision-note").sendKeys("认定为示范学校");
    browser.centreAndClick(browser.await("decide"));
    browser.await("decision-dialog");
    browser.await("decision-confirm").click();
    eventually("the title awarded", () -> client.get(app), r -> r.ok() && "TITLED".equals(r.body().path("status").asString()));
    browser.driver().navigate().refresh();
    assertThat(browser.await("final-state").getText()).as("the application page after the award").isNotBlank();

    // ---- 7. the county and the city show the title for the programme cycle, equal to the API
    String cycle = DemonstrationLifecycleSystemIT.cycleOf(today.plusDays(32));
    String indicator = IndicatorCodes.DEMONSTRATION_SCHOOLS;
    eventually("the reports count the title", () -> client.countyReport(indicator, cycle, COUNTY),
        r -> r.ok() && r.body().path("county").path("numerator").asLong() == 1);
    browser.open("/counties/" + COUNTY + "?period=" + cycle);
    WebElement countyCell = awaitFigure("cell-" + COUNTY + "-" + indicator);
    JsonNode countyScorecard = client.get("/api/reports/periods/" + cycle + "/counties/" + COUNTY + "/scorecard").body();
    BigDecimal expected = countyValue(countyScorecard, indicator);
    assertThat(new BigDecimal(countyCell.getAttribute("data-value"))).isEqualByComparingTo(expected);
    checkPage("county-title-figure");
    browser.close();
    browser = new Chromium(GATEWAY);
    browser.logIn("city-staff");
    browser.open("/city?period=" + cycle);
    WebElement cityCell = awaitFigure("cell-" + COUNTY + "-" + indicator);
    assertThat(new BigDecimal(cityCell.getAttribute("data-value"))).isEqualByComparingTo(expected);
  }

  // ---- steps

  /** The county admin's browser, on the application page: assigns an assessor through the dialog. */
  private void assign(String assessor) {
    browser.centreAndClick(browser.await("assign-open"));
    browser.await("assign-dialog");
    browser.await("assign-assessor").findElement(By.cssSelector("option[value='" + assessor + "']")).click();
    browser.await("assign-submit").click();
    Chromium.waitUntil(assessor + " on the panel", Duration.ofSeconds(30),
        () -> browser.all(browser.testId("assign-dialog")).isEmpty()
            && browser.all(browser.testId("panel-row")).stream().anyMatch(r -> assessor.equals(r.getAttribute("data-assessor"))));
  }

  /** The assessor in their own browser: the declaration form, with a conflict or without. */
  private void declare(String assessor, boolean conflict) {
    closeBrowser();
    browser = new Chromium(GATEWAY);
    browser.logIn(assessor);
    browser.awaitPath("/assessor");
    WebElement row = browser.await("assignment-row");
    assertThat(row.getAttribute("data-due")).isEqualTo("DECLARE");
    row.findElement(browser.testId("assignment-action")).click();
    browser.await("declaration-form");
    if (conflict) {
      browser.await("conflict-RELATIVE").click();
      browser.await("recuse-warning");
      browser.await("statement").sendKeys("本人亲属在该校任教，申请回避。");
    } else {
      browser.await("statement").sendKeys("本人与该校不存在利益冲突，将客观公正地评审。");
    }
    browser.await("confirm").click();
    browser.await("declaration-submit").click();
    if (conflict) {
      // back on the assignments, recused, with nothing due
      browser.awaitPath("/assessor");
      browser.awaitAttribute("assignment-row", "data-due", "NONE", Duration.ofSeconds(30));
      assertThat(browser.await("assignment-row").getText()).contains("已回避");
    } else {
      browser.await("wait");
    }
    closeBrowser();
  }

  /** The assessor in their own browser: the file (with the school's attachment), every score, submit. */
  private void score(String assessor, String applicationId, Map<String, BigDecimal> scores, String attachedTo, Path uploaded)
      throws Exception {
    browser = new Chromium(GATEWAY);
    browser.logIn(assessor);
    browser.open("/assessor/applications/" + applicationId);
    WebElement attachment = browser.await("file-attachments-" + attachedTo).findElement(browser.testIdPrefix("file-attachment-"));
    assertThat(attachment.getText()).contains("家长学校台账");
    String href = attachment.getAttribute("href");
    JsonNode download = browser.fetchBytes(href);
    assertThat(download.path("status").asInt()).as("the attachment for an assigned assessor").isEqualTo(200);
    assertThat(download.path("contentType").asString()).startsWith("application/pdf");
    assertThat(download.path("size").asLong()).isEqualTo(Files.size(uploaded));
    for (Map.Entry<String, BigDecimal> s : scores.entrySet()) {
      WebElement input = browser.await("points-" + s.getKey());
      input.clear();
      input.sendKeys(s.getValue().toPlainString());
      browser.await("comment-" + s.getKey()).sendKeys("现场查看资料");
      browser.centreAndClick(browser.await("save-" + s.getKey()));
      browser.awaitAttribute("criterion-" + s.getKey(), "data-state", "saved", Duration.ofSeconds(15));
    }
    browser.centreAndClick(browser.await("submit-scores"));
    browser.centreAndClick(browser.await("confirm-submit"));
    browser.await("submitted");
    closeBrowser();
  }

  // ---- helpers

  private WebElement awaitProgramme(String programmeId) {
    Chromium.waitUntil("programme " + programmeId + " on the school's page", Duration.ofSeconds(30),
        () -> browser.all(browser.testId("programme")).stream().anyMatch(p -> programmeId.equals(p.getAttribute("data-programme"))));
    return browser.all(browser.testId("programme")).stream().filter(p -> programmeId.equals(p.getAttribute("data-programme")))
        .findFirst().orElseThrow();
  }

  private WebElement awaitCard(String applicationId, String status) {
    Chromium.waitUntil("the card of " + applicationId + " as " + status, Duration.ofSeconds(60), () -> {
      if (browser.all(browser.testId("board-card")).stream().noneMatch(c -> applicationId.equals(c.getAttribute("data-application"))
          && status.equals(c.getAttribute("data-status")))) {
        browser.driver().navigate().refresh();
        GongyuClient.sleep(1000);
        return false;
      }
      return true;
    });
    return browser.all(browser.testId("board-card")).stream().filter(c -> applicationId.equals(c.getAttribute("data-application")))
        .findFirst().orElseThrow();
  }

  private String onlyApplication() {
    JsonNode list = GongyuClient.require(client.get(SCHOOL_DEMO + "/applications"), "the school's applications").body();
    for (JsonNode a : list) {
      if (PROGRAMME.equals(a.path("programmeId").asString())) {
        return a.path("applicationId").asString();
      }
    }
    throw new AssertionError("no application of " + PROGRAMME + " in " + list);
  }

  private WebElement awaitFigure(String testId) {
    Chromium.waitUntil(testId + " with a figure on " + browser.driver().getCurrentUrl(), Duration.ofSeconds(30), () -> {
      List<WebElement> found = browser.all(browser.testId(testId));
      return !found.isEmpty() && !String.valueOf(found.getFirst().getAttribute("data-value")).isEmpty();
    });
    return browser.await(testId);
  }

  private void checkPage(String name) {
    WebAppSystemIT.checkPage(browser, axeSource, name);
  }

  private static BigDecimal consensusOf(JsonNode sheet, String criterion) {
    for (JsonNode line : sheet.path("criteria")) {
      if (criterion.equals(line.path("criterionCode").asString()) && line.path("consensus").isObject()) {
        return line.path("consensus").path("points").decimalValue();
      }
    }
    return null;
  }

  private static BigDecimal countyValue(JsonNode countyScorecard, String code) {
    for (JsonNode entry : countyScorecard.path("indicators")) {
      if (entry.path("indicator").path("code").asString().equals(code)) {
        return entry.path("county").path("value").decimalValue();
      }
    }
    throw new AssertionError(code + " not in the county scorecard " + countyScorecard);
  }

  /** A one-page PDF made with PDFBox, as a school's scan would be. */
  private static Path samplePdf() throws Exception {
    Path file = Files.createTempFile("家长学校台账-", ".pdf");
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out);
      Files.write(file, out.toByteArray());
    }
    return file;
  }

  private static GongyuClient.Reply eventually(String what, java.util.function.Supplier<GongyuClient.Reply> call,
      java.util.function.Predicate<GongyuClient.Reply> done) {
    return GongyuClient.eventually(what, call, done, Duration.ofSeconds(90));
  }
}
