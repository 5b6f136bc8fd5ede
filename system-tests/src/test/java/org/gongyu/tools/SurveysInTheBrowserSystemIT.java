package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
 * 问卷调查 through the browser (ADR 0026), each person in their own Chromium, logged in through
 * Keycloak's form, on a county and school of its own (990623, 9906230001): city staff build a
 * questionnaire on 问卷调查 and publish it; the school admin enters 13 anonymous paper
 * questionnaires on 问卷录入 (6 × A, 5 × B, 2 × C), sees the 2 and the 5 withheld in what will be
 * sent (the 2 alone would be the total minus the others) and sends the counts; city staff see the
 * school's A and "*" for B and C, and the API holds no count of 1–4; the county admin builds and
 * publishes a survey of the county's own on 区县问卷 and the school gets it. Pages are checked with axe-core.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurveysInTheBrowserSystemIT extends BrowserSystemTest {

  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String CITY = "990100";
  static final String COUNTY = "990623";
  static final String SCHOOL = "9906230001";
  static final GongyuClient client = new GongyuClient(GATEWAY, SharedPlatform.KEYCLOAK, false);
  /** a title of this run, so that a rerun on the same platform finds its own survey */
  static final String TITLE = "家庭教育问题调研" + UUID.randomUUID().toString().substring(0, 6);

  static String surveyId;

  @BeforeAll
  static void tools() {
    client.putCounty(COUNTY, "问卷县");
    client.putXuequ(COUNTY, COUNTY + "-XQ1", "城关学区");
    client.putSchool(COUNTY, SCHOOL, "问卷县第一小学", "PRIMARY", COUNTY + "-XQ1");
    client.accounts().tokenAs("lc", "school-admin", SCHOOL, CITY);
    client.accounts().tokenAs("lc", "city-staff", CITY, CITY);
    client.accounts().tokenAs("lc", "county-admin", COUNTY, CITY);
  }

  @Test
  @Order(1)
  void cityStaffBuildAQuestionnaireAndPublishIt() {
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    browser = new Chromium(GATEWAY);
    browser.logIn("lc-city-staff-" + CITY);
    browser.open("/city/surveys");
    browser.await("nav-city-surveys");
    browser.await("new-survey");
    WebAppSystemIT.checkPage(browser, axeSource, "city-surveys");
    browser.await("sv-title").sendKeys(TITLE);
    date("sv-opens-on", today.minusDays(1));
    date("sv-closes-on", today.plusDays(30));
    browser.await("sv-q-text-0").sendKeys("您在家庭教育中最困扰的问题");
    browser.await("sv-q-options-0").sendKeys("沉迷手机\n学习动力不足\n亲子沟通");
    browser.centreAndClick(browser.await("sv-create"));
    WebElement row = awaitRow();
    assertThat(row.getAttribute("data-status")).isEqualTo("DRAFT");
    surveyId = row.getAttribute("data-id");
    browser.centreAndClick(row.findElement(browser.testId("publish")));
    Chromium.waitUntil("the survey open", Duration.ofSeconds(30), () -> browser.all(By.cssSelector(
        "[data-testid=\"survey-row\"][data-id=\"" + surveyId + "\"][data-status=\"OPEN\"]")).size() == 1);
    assertThat(awaitRow().getText()).contains("进行中", "问题调研", "家长");
  }

  @Test
  @Order(2)
  void theSchoolAdminEntersPaperQuestionnairesAndSendsTheCountsWithSmallOnesWithheld() {
    assertThat(surveyId).as("published by the first test").isNotNull();
    GongyuClient.eventually("the school tier has the survey",
        () -> client.as("lc-school-admin-" + SCHOOL).get("/api/school/schools/" + SCHOOL + "/surveys/" + surveyId),
        GongyuClient.Reply::ok, Duration.ofSeconds(90));
    browser = new Chromium(GATEWAY);
    browser.logIn("lc-school-admin-" + SCHOOL);
    browser.open("/schools/" + SCHOOL + "/surveys");
    browser.await("nav-school-surveys");
    WebElement row = browser.await("school-survey-row");
    Chromium.waitUntil("this run's survey listed", Duration.ofSeconds(30), () -> !surveyRows().isEmpty());
    browser.centreAndClick(surveyRows().getFirst().findElement(browser.testId("open-survey")));
    browser.await("entry-form");
    WebAppSystemIT.checkPage(browser, axeSource, "school-surveys");
    enter("A", 6, 6);
    enter("B", 5, 11);
    enter("C", 2, 13);
    assertThat(shown("A")).isEqualTo("6");
    assertThat(shown("B")).as("the 5 goes with the 2, or 13 − 6 − 5 would give the 2 away").isEqualTo("*");
    assertThat(shown("C")).isEqualTo("*");
    browser.centreAndClick(browser.await("publish-counts"));
    Chromium.waitUntil("the counts sent", Duration.ofSeconds(30),
        () -> surveyRows().getFirst().getText().contains("已上报"));
    assertThat(row).isNotNull();
  }

  @Test
  @Order(3)
  void cityStaffSeeTheSchoolsCountsWithTheWithheldOnesAsStars() {
    assertThat(surveyId).isNotNull();
    GongyuClient.eventually("the city has the school's counts",
        () -> client.as("lc-city-staff-" + CITY).get("/api/city/surveys/" + surveyId + "/results"),
        r -> r.ok() && r.body().path("schoolsReporting").asLong() == 1, Duration.ofSeconds(90));
    browser = new Chromium(GATEWAY);
    browser.logIn("lc-city-staff-" + CITY);
    browser.open("/city/surveys");
    browser.centreAndClick(awaitRow().findElement(browser.testId("show-results")));
    browser.await("results");
    assertThat(browser.await("results-summary").getText()).contains("1 所", "13 份");
    assertThat(cells("A")).containsExactly("6", "6");
    assertThat(cells("B")).containsExactly("*", "*");
    assertThat(cells("C")).containsExactly("*", "*");
    WebAppSystemIT.checkPage(browser, axeSource, "city-survey-results");

    JsonNode results = GongyuClient.require(client.as("lc-city-staff-" + CITY).get("/api/city/surveys/" + surveyId + "/results"),
        "the results").body();
    for (JsonNode school : results.path("schools")) {
      for (JsonNode q : school.path("questions")) {
        for (JsonNode o : q.path("options")) {
          long n = o.path("count").asLong(0);
          assertThat(n == 0 || n >= 5).as("no count of 1 to 4 reached the city").isTrue();
        }
      }
    }
  }

  @Test
  @Order(4)
  void theCountyAdminBuildsASurveyOfTheCountysOwnAndItsSchoolGetsIt() {
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    String title = "区县亲子沟通调查" + UUID.randomUUID().toString().substring(0, 6);
    browser = new Chromium(GATEWAY);
    browser.logIn("lc-county-admin-" + COUNTY);
    browser.centreAndClick(browser.await("nav-county-surveys"));
    browser.await("new-survey");
    assertThat(browser.await("page-title").getText()).isEqualTo("区县问卷");
    browser.await("sv-title").sendKeys(title);
    date("sv-opens-on", today.minusDays(1));
    date("sv-closes-on", today.plusDays(30));
    browser.await("sv-q-text-0").sendKeys("您与孩子每天交流的时间");
    browser.await("sv-q-options-0").sendKeys("不足10分钟\n10–30分钟\n30分钟以上");
    browser.centreAndClick(browser.await("sv-create"));
    Chromium.waitUntil("the county's draft listed", Duration.ofSeconds(30),
        () -> browser.all(browser.testId("survey-row")).stream().anyMatch(r -> r.getText().contains(title)));
    WebElement row = browser.all(browser.testId("survey-row")).stream().filter(r -> r.getText().contains(title)).findFirst().orElseThrow();
    String id = row.getAttribute("data-id");
    assertThat(row.findElement(browser.testId("owner")).getText()).contains("问卷县");
    WebAppSystemIT.checkPage(browser, axeSource, "county-surveys");
    checkInEnglish("county-surveys");
    row = browser.all(browser.testId("survey-row")).stream().filter(r -> r.getText().contains(title)).findFirst().orElseThrow();
    browser.centreAndClick(row.findElement(browser.testId("publish")));
    Chromium.waitUntil("the county's survey open", Duration.ofSeconds(30), () -> browser.all(By.cssSelector(
        "[data-testid=\"survey-row\"][data-id=\"" + id + "\"][data-status=\"OPEN\"]")).size() == 1);
    if (surveyId != null) {
      // the city's survey reaches the county's school, and the county may not close it
      WebElement citys = browser.all(By.cssSelector("[data-testid=\"survey-row\"][data-id=\"" + surveyId + "\"]")).getFirst();
      assertThat(citys.findElements(browser.testId("close"))).isEmpty();
    }
    GongyuClient.eventually("the school has the county's survey",
        () -> client.as("lc-school-admin-" + SCHOOL).get("/api/school/schools/" + SCHOOL + "/surveys/" + id),
        GongyuClient.Reply::ok, Duration.ofSeconds(90));
  }

  private void enter(String option, int copies, int total) {
    browser.centreAndClick(browser.await("answer-Q1-" + option));
    WebElement n = browser.await("entry-copies");
    n.clear();
    n.sendKeys(String.valueOf(copies));
    browser.centreAndClick(browser.await("entry-save"));
    Chromium.waitUntil(total + " questionnaires entered", Duration.ofSeconds(30),
        () -> surveyRows().getFirst().findElement(browser.testId("responses")).getText().equals(String.valueOf(total)));
  }

  private String shown(String option) {
    return browser.await("count-Q1-" + option).findElement(browser.testId("shown")).getText();
  }

  private List<String> cells(String option) {
    WebElement row = browser.await("cells-Q1-" + option);
    return List.of(row.findElement(browser.testId("total-cell")).getText(), row.findElement(browser.testId("school-cell")).getText());
  }

  private List<WebElement> surveyRows() {
    return browser.all(By.cssSelector("[data-testid=\"school-survey-row\"][data-id=\"" + surveyId + "\"]"));
  }

  private void date(String testId, LocalDate day) {
    // a date input's typing order follows the browser's locale: set the value as the form would get it
    browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
        browser.await(testId), day.toString());
  }

  /** The row of this run's survey, once the page shows it. */
  private WebElement awaitRow() {
    Chromium.waitUntil("survey-row of " + TITLE, Duration.ofSeconds(30),
        () -> browser.all(browser.testId("survey-row")).stream().anyMatch(r -> r.getText().contains(TITLE)));
    return browser.all(browser.testId("survey-row")).stream().filter(r -> r.getText().contains(TITLE)).findFirst().orElseThrow();
  }
}
