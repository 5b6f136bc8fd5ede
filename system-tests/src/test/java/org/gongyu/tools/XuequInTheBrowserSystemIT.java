package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * 学区 as a working tier in the browser (issue 17 item 6, ADR 0027), in Chromium, zh-CN, on the demo
 * city: the realm's 学区 user {@code xuequ-990101-xq1} logs in through Keycloak's form, lands on the
 * scorecard of 东城城区学区 with the 学区's own row and exactly its schools (none of the county's other
 * 学区), the 学区's registration figure the same as district-service's and equal to the sum of its
 * schools' figures on the page; another 学区's page is not found for them. A county admin opens the
 * same 学区 from a heading of the county page. On a county of its own (990693), a 学区 user selects its
 * schools for the county's demonstration programme on the 学区 page and submits the 学区's part of the
 * arrangement table, which the county's table then holds. The pages are checked with axe-core.
 */
@ExtendWith(SharedPlatform.class)
class XuequInTheBrowserSystemIT extends BrowserSystemTest {

  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String COUNTY = "990101";
  static final String XUEQU = "990101-XQ1";
  static final String OTHER = "990101-XQ2";
  static final String CODE = "PLATFORM_REGISTRATION";
  static final GongyuClient client = new GongyuClient(GATEWAY, SharedPlatform.KEYCLOAK, true);

  static String semester;

  @BeforeAll
  static void demoCityAndTools() {
    semester = SharedPlatform.demoCity().semester().id();
  }

  @Test
  void theXuequUserSeesTheirXuequsScorecardAndNothingElseOfTheCounty() {
    String scorecard = "/api/district/counties/" + COUNTY + "/xuequ/" + XUEQU + "/scorecard/" + semester;
    // the figures settle as the demo city's snapshots reach the county tier
    JsonNode api = GongyuClient.eventually("the 学区's registration figure", () -> client.get(scorecard),
        r -> r.status() == 200 && registration(r.body()).path("xuequ").path("schoolsReporting").asInt() > 0,
        Duration.ofSeconds(120)).body();
    List<String> schools = new ArrayList<>();
    api.path("schools").forEach(s -> schools.add(s.path("id").asString()));
    assertThat(schools).isNotEmpty();

    browser = new Chromium(GATEWAY);
    browser.logIn("xuequ-990101-xq1");
    browser.awaitPath("/counties/" + COUNTY + "/xuequ/" + XUEQU);
    Chromium.waitUntil("the 学区's name in the title", Duration.ofSeconds(30),
        () -> browser.await("page-title").getText().equals("东城城区学区 指标总览")); // its id until the scorecard is read
    browser.await("nav-xuequ");
    assertThat(browser.all(browser.testId("nav-county"))).isEmpty();
    assertThat(browser.await("row-" + XUEQU).getText()).contains("学区合计");
    assertThat(browser.await("xuequ-schools").getText()).isEqualTo("本学区学校（" + schools.size() + " 所）");

    // exactly the 学区's schools, none of the other 学区's, and none of them a link (no school pages)
    List<String> rows = new ArrayList<>();
    for (WebElement row : browser.all(browser.testIdPrefix("row-"))) {
      rows.add(row.getAttribute("data-testid").substring("row-".length()));
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(concat(XUEQU, schools));
    assertThat(browser.all(browser.testIdPrefix("unit-link-"))).isEmpty();

    // the 学区's figure on the page is district-service's, and the sum of its schools' on the page
    WebElement cell = awaitFigure("cell-" + XUEQU + "-" + CODE);
    JsonNode figures = registration(api).path("xuequ");
    assertThat(new java.math.BigDecimal(cell.getAttribute("data-value"))).isEqualByComparingTo(figures.path("value").decimalValue());
    long numerator = 0;
    long denominator = 0;
    for (JsonNode s : api.path("schools")) {
      for (JsonNode c : s.path("cells")) {
        if (c.path("code").asString().equals(CODE) && c.path("applies").asBoolean() && !c.path("numerator").isNull()) {
          numerator += c.path("numerator").asLong();
          denominator += c.path("denominator").asLong();
        }
      }
    }
    assertThat(figures.path("numerator").asLong()).isEqualTo(numerator);
    assertThat(figures.path("denominator").asLong()).isEqualTo(denominator);
    WebAppSystemIT.checkPage(browser, axeSource, "xuequ-scorecard");

    // the other 学区 of the county is not theirs: the not-found page, no figures
    browser.open("/counties/" + COUNTY + "/xuequ/" + OTHER + "?period=" + semester);
    browser.await("not-found");
    assertThat(browser.all(browser.testId("scorecard"))).isEmpty();
  }

  @Test
  void aCountyAdminOpensTheXuequFromTheCountyPage() {
    browser = new Chromium(GATEWAY);
    browser.logIn("county-admin-" + COUNTY);
    browser.open("/counties/" + COUNTY + "?period=" + semester);
    WebElement heading = browser.await("xuequ-link-" + XUEQU);
    assertThat(heading.getText()).isEqualTo("东城城区学区");
    browser.centreAndClick(heading);
    browser.awaitPath("/counties/" + COUNTY + "/xuequ/" + XUEQU);
    Chromium.waitUntil("the 学区's name in the title", Duration.ofSeconds(30),
        () -> browser.await("page-title").getText().equals("东城城区学区 指标总览")); // its id until the scorecard is read
    awaitFigure("cell-" + XUEQU + "-" + CODE);
    // county staff go on to a school, and back to the county
    assertThat(browser.all(browser.testIdPrefix("unit-link-"))).isNotEmpty();
    browser.await("crumb-county");
    WebAppSystemIT.checkPage(browser, axeSource, "xuequ-scorecard-county");
  }

  @Test
  void theXuequUserSubmitsItsPartOfTheArrangementTable() {
    String county = "990693";
    String xuequ = county + "-XQ1";
    String demo = "/api/district/counties/" + county + "/demonstration";
    String programme = county + "-ARR";
    client.putCounty(county, "安排县");
    client.putXuequ(county, xuequ, "城关学区");
    client.putSchool(county, "9906930001", "安排县第一小学", "PRIMARY", xuequ);
    client.putSchool(county, "9906930002", "安排县第二小学", "PRIMARY", xuequ);
    GongyuClient.eventually("the county has the city's standard", () -> client.get(demo + "/standards"),
        r -> r.ok() && r.body().toString().contains("DEMO-SCHOOL"), Duration.ofSeconds(90));
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    GongyuClient.require(client.put(demo + "/programmes/" + programme,
        ProgrammeFixture.openToday("安排县示范学校创建", 2, today, "DEMO-SCHOOL")), "programme");
    GongyuClient.require(client.put(demo + "/programmes/" + programme + "/quotas",
        Map.of("quotas", List.of(Map.of("xuequId", xuequ, "quota", 2)))), "quotas");
    client.accounts().tokenAsXuequStaff("lx", county, xuequ, "990100");

    browser = new Chromium(GATEWAY);
    browser.logIn("lx-xuequ-" + county + "-" + xuequ.toLowerCase());
    browser.awaitPath("/counties/" + county + "/xuequ/" + xuequ);
    WebElement form = browser.await("arrangement-" + programme);
    assertThat(form.findElement(browser.testId("arrangement-count")).getText()).isEqualTo("已选 0 所 / 本学区名额 2 所");
    int year = today.getYear() + 1;
    form.findElement(By.cssSelector("[data-testid=\"arr-year-9906930002\"] option[value=\"" + year + "\"]")).click();
    assertThat(form.findElement(browser.testId("arrangement-count")).getText()).isEqualTo("已选 1 所 / 本学区名额 2 所");
    WebAppSystemIT.checkPage(browser, axeSource, "xuequ-arrangement");
    browser.centreAndClick(form.findElement(browser.testId("arrangement-submit")));
    JsonNode table = GongyuClient.eventually("the county's table holds the 学区's part",
        () -> client.get(demo + "/programmes/" + programme + "/arrangement"),
        r -> r.ok() && r.body().toString().contains("9906930002"), Duration.ofSeconds(30)).body();
    JsonNode part = table.path("xuequ").get(0);
    assertThat(part.path("xuequId").asString()).isEqualTo(xuequ);
    assertThat(part.path("schools")).hasSize(1);
    assertThat(part.path("schools").get(0).path("plannedYear").asInt()).isEqualTo(year);
  }

  private static JsonNode registration(JsonNode card) {
    for (JsonNode column : card.path("indicators")) {
      if (column.path("indicator").path("code").asString().equals(CODE)) {
        return column;
      }
    }
    throw new AssertionError(CODE + " is not on the 学区 scorecard: " + card);
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  /** The cell, once it holds a figure (data-value set). */
  private WebElement awaitFigure(String testId) {
    Chromium.waitUntil(testId + " with a figure on " + browser.driver().getCurrentUrl(), Duration.ofSeconds(30), () -> {
      List<WebElement> found = browser.all(browser.testId(testId));
      return !found.isEmpty() && !String.valueOf(found.getFirst().getAttribute("data-value")).isEmpty()
          && !"null".equals(found.getFirst().getAttribute("data-value"));
    });
    return browser.await(testId);
  }
}
