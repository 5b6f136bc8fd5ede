package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * 管理考核 through the browser (ADR 0028), in zh-CN, as city staff logged in through Keycloak's form:
 * a new scheme starts from the template; a total its items' points do not add up to is refused
 * beside the field; issued, it is version 1; computed for the school year, every county of the
 * city is ranked (county 990645 of this test, without figures, with an explained zero on each item)
 * and the page shows what the API computed; the .xlsx downloads. An adjustment (加减分) of 0 is refused
 * beside the field; a deduction of 40 points puts the county last with its final total shown; the PDF
 * downloads. The page is checked with axe-core.
 */
@ExtendWith(SharedPlatform.class)
class AssessmentSchemesInTheBrowserSystemIT extends BrowserSystemTest {

  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String CITY = "990100";
  static final String COUNTY = "990645";
  /** another county without figures: it shares the county's 0 until the deduction puts the county below it */
  static final String NEIGHBOUR = "990686";
  static final GongyuClient client = new GongyuClient(GATEWAY, SharedPlatform.KEYCLOAK, false);
  /** a scheme of this run, so that a rerun on the same platform starts a scheme of its own */
  static final String SCHEME = "SYS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

  @BeforeAll
  static void tools() throws IOException {
    client.putCounty(COUNTY, "考核县");
    client.putCounty(NEIGHBOUR, "考核邻县");
    client.accounts().tokenAs("as", "city-staff", CITY, CITY);
  }

  @Test
  void cityStaffIssueASchemeComputeTheCountyAssessmentAndReadEachItemExplained() {
    browser = new Chromium(GATEWAY);
    browser.logIn("as-city-staff-" + CITY);
    browser.open("/city/assessments");
    browser.await("nav-city-assessments");
    assertThat(browser.await("page-title").getText()).isEqualTo("县区管理考核");
    WebAppSystemIT.checkPage(browser, axeSource, "city-assessments");

    browser.centreAndClick(browser.await("new-scheme"));
    type(browser.await("ed-scheme-id"), SCHEME);
    assertThat(browser.all(browser.testId("ed-item"))).hasSize(3);
    type(browser.await("ed-total"), "90");
    browser.centreAndClick(browser.await("ed-issue"));
    WebElement problem = browser.await("ed-total-problem");
    assertThat(problem.getText()).isEqualTo("各考核项分值之和为 100，须等于总分 90");
    type(browser.await("ed-total"), "100");
    browser.centreAndClick(browser.await("ed-issue"));
    Chromium.waitUntil("version 1 issued", Duration.ofSeconds(30), () -> browser.all(browser.testId("editor")).isEmpty()
        && browser.all(browser.testId("scheme-meta")).stream().anyMatch(m -> m.getText().startsWith("第 1 版")));
    assertThat(browser.await("scheme-items").getText()).contains("达到 60.0 % 得满分，40.0 % 及以下不得分，其间按比例得分");

    browser.clickWhenEnabled("compute");
    Chromium.waitUntil("the ranking of the counties", Duration.ofSeconds(30), () -> !browser.all(By.cssSelector(
        "[data-testid=\"ranking-row\"][data-unit=\"" + COUNTY + "\"]")).isEmpty());
    WebElement row = browser.all(By.cssSelector("[data-testid=\"ranking-row\"][data-unit=\"" + COUNTY + "\"]")).getFirst();
    assertThat(row.getText()).contains("考核县");
    WebAppSystemIT.checkPage(browser, axeSource, "city-assessments-ranking");

    JsonNode runs = browser.fetchJson("/api/city/assessments/" + SCHEME + "/runs");
    assertThat(runs.path("status").asInt()).isEqualTo(200);
    long runId = runs.path("body").get(0).path("runId").asLong();
    JsonNode run = browser.fetchJson("/api/city/assessments/" + SCHEME + "/runs/" + runId).path("body");
    JsonNode county = run.path("units").valueStream().filter(u -> u.path("unitId").asString().equals(COUNTY)).findFirst().orElseThrow();
    assertThat(row.findElement(browser.testId("rank")).getText()).isEqualTo(county.path("rank").asString());
    assertThat(row.findElement(browser.testId("total")).getText())
        .isEqualTo(county.path("total").decimalValue().stripTrailingZeros().toPlainString());
    // every figure on the page is the API's, every explanation shown as computed
    for (JsonNode unit : run.path("units")) {
      WebElement detail = browser.all(By.cssSelector("[data-testid=\"unit-detail\"][data-unit=\"" + unit.path("unitId").asString() + "\"]"))
          .getFirst();
      browser.centreAndClick(detail.findElement(By.tagName("summary")));
      for (JsonNode item : unit.path("items")) {
        WebElement line = detail.findElement(By.cssSelector("[data-testid=\"detail-row\"][data-item=\"" + item.path("code").asString() + "\"]"));
        assertThat(line.findElement(browser.testId("explanation")).getText()).isEqualTo(item.path("explanationZh").asString());
        String figure = item.path("figureZh").isNull() ? "无数据" : item.path("figureZh").asString();
        assertThat(line.findElement(browser.testId("figure")).getText()).isEqualTo(figure);
      }
    }
    assertThat(county.path("items").get(0).path("explanationZh").asString()).contains("数据，记 0 分（满分 40 分）");

    String href = browser.await("export").getAttribute("href");
    assertThat(href).endsWith("/api/city/assessments/" + SCHEME + "/runs/" + runId + "/export.xlsx?lang=zh-CN");
    JsonNode file = browser.fetchBytes(href);
    assertThat(file.path("status").asInt()).isEqualTo(200);
    assertThat(file.path("contentType").asString()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(file.path("size").asInt()).isGreaterThan(3000);

    // 加减分: a deduction of 40 points puts the county (0 points, as its neighbour) last; the final total and rank change
    int units = browser.all(browser.testId("ranking-row")).size();
    String before = row.findElement(browser.testId("rank")).getText();
    assertThat(Integer.parseInt(before)).as("tied with %s at 0, not last alone", NEIGHBOUR).isLessThan(units);
    pick(browser.await("adjust-unit"), COUNTY);
    type(browser.await("adjust-points"), "0");
    type(browser.await("adjust-reason"), "年度材料报送逾期");
    browser.centreAndClick(browser.await("adjust-submit"));
    assertThat(browser.await("adjust-problem-points").getText()).isEqualTo("加减分不能为 0");
    type(browser.await("adjust-points"), "-40");
    browser.centreAndClick(browser.await("adjust-submit"));
    Chromium.waitUntil("the county ranked last by its final total", Duration.ofSeconds(30), () -> {
      var rows = browser.all(By.cssSelector("[data-testid=\"ranking-row\"][data-unit=\"" + COUNTY + "\"]"));
      return !rows.isEmpty() && rows.getFirst().findElement(browser.testId("rank")).getText().equals(String.valueOf(units))
          && rows.getFirst().findElement(browser.testId("total")).getText().equals("-40");
    });
    WebElement adjusted = browser.all(By.cssSelector("[data-testid=\"ranking-row\"][data-unit=\"" + COUNTY + "\"]")).getFirst();
    assertThat(adjusted.findElement(browser.testId("computed-total")).getText()).isEqualTo("0");
    assertThat(adjusted.findElement(browser.testId("adjustment-points")).getText()).isEqualTo("-40");
    assertThat(browser.await("adjustments").getText()).contains("考核县").contains("年度材料报送逾期");
    JsonNode after = browser.fetchJson("/api/city/assessments/" + SCHEME + "/runs/" + runId).path("body");
    JsonNode ours = after.path("units").valueStream().filter(u -> u.path("unitId").asString().equals(COUNTY)).findFirst().orElseThrow();
    assertThat(ours.path("rank").asInt()).isEqualTo(units).isNotEqualTo(Integer.parseInt(before));
    assertThat(ours.path("total").decimalValue()).isEqualByComparingTo("-40");
    assertThat(ours.path("adjustments").get(0).path("reason").asString()).isEqualTo("年度材料报送逾期");
    WebAppSystemIT.checkPage(browser, axeSource, "city-assessments-adjusted");

    String pdfHref = browser.await("export-pdf").getAttribute("href");
    assertThat(pdfHref).endsWith("/api/city/assessments/" + SCHEME + "/runs/" + runId + "/export.pdf?lang=zh-CN");
    JsonNode pdf = browser.fetchBytes(pdfHref);
    assertThat(pdf.path("status").asInt()).isEqualTo(200);
    assertThat(pdf.path("contentType").asString()).startsWith("application/pdf");
    assertThat(pdf.path("size").asInt()).isGreaterThan(3000);
  }

  /** Chooses an option of a select as a person would, so that the page's model sees it. */
  private void pick(WebElement select, String value) {
    browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", select, value);
  }

  /** Replaces an input's text as typing would, so that the page's model sees it. */
  private void type(WebElement input, String text) {
    browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", input, text);
  }
}
