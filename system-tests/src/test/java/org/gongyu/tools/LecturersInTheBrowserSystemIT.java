package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * 讲师备案 through the browser (ADR 0024), each person in their own Chromium, logged in through
 * Keycloak's form, on a county of its own (990305): the county admin nominates a lecturer on 讲师申报
 * and sees it awaiting review; city staff register it on 讲师备案 with the day of the city's training
 * and the city team, and see it registered and trained; the API says the same; the county sees it
 * registered. Pages are checked with axe-core.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LecturersInTheBrowserSystemIT extends BrowserSystemTest {

  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String CITY = "990100";
  static final String COUNTY = "990305";
  static final GongyuClient client = new GongyuClient(GATEWAY, SharedPlatform.KEYCLOAK, false);
  /** a name of this run, so that a rerun on the same platform finds its own nomination */
  static final String NAME = "讲师" + UUID.randomUUID().toString().substring(0, 6);

  static String lecturerId;

  @BeforeAll
  static void tools() throws IOException {
    client.putCounty(COUNTY, "讲师县");
    client.accounts().tokenAs("lc", "county-admin", COUNTY, CITY);
    client.accounts().tokenAs("lc", "city-staff", CITY, CITY);
  }

  @Test
  @Order(1)
  void aCountyAdminNominatesALecturerAndSeesItAwaitingReview() {
    browser = new Chromium(GATEWAY);
    browser.logIn("lc-county-admin-" + COUNTY);
    browser.open("/counties/" + COUNTY + "/lecturers");
    browser.await("nav-county-lecturers");
    browser.await("nominate-form");
    WebAppSystemIT.checkPage(browser, axeSource, "county-lecturers");
    browser.await("nom-name").sendKeys(NAME);
    browser.await("nom-affiliation").sendKeys("讲师县家庭教育服务中心");
    browser.centreAndClick(browser.await("nom-age-PRIMARY"));
    browser.centreAndClick(browser.await("nom-submit"));
    WebElement row = awaitRow("mine-row");
    assertThat(row.getAttribute("data-status")).isEqualTo("NOMINATED");
    assertThat(row.getText()).contains("待审核");
    lecturerId = row.getAttribute("data-id");
  }

  @Test
  @Order(2)
  void cityStaffRegisterItWithTheTrainingAndTheCityTeam() {
    assertThat(lecturerId).as("nominated by the first test").isNotNull();
    String trainedOn = LocalDate.now(DemoCity.ZONE).minusDays(3).toString();
    browser = new Chromium(GATEWAY);
    browser.logIn("lc-city-staff-" + CITY);
    browser.open("/city/lecturers");
    browser.await("nav-city-lecturers");
    WebElement pending = awaitRow("pending-row");
    WebAppSystemIT.checkPage(browser, axeSource, "city-lecturers");
    browser.centreAndClick(pending.findElement(browser.testId("register")));
    WebElement date = browser.await("act-trained-on");
    // a date input's typing order follows the browser's locale: set the value as the form would get it
    browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", date, trainedOn);
    browser.centreAndClick(browser.await("act-team-CITY_TEAM"));
    browser.centreAndClick(browser.await("act-confirm"));
    Chromium.waitUntil("the registered lecturer in the registry", Duration.ofSeconds(30), () -> browser.all(By.cssSelector(
        "[data-testid=\"registry-row\"][data-id=\"" + lecturerId + "\"][data-status=\"REGISTERED\"]")).size() == 1);
    WebElement row = browser.all(By.cssSelector("[data-testid=\"registry-row\"][data-id=\"" + lecturerId + "\"]")).getFirst();
    assertThat(row.getText()).contains("已备案", "已培训（" + trainedOn + "）", "市讲师团");
    assertThat(browser.all(By.cssSelector("[data-testid=\"pending-row\"][data-id=\"" + lecturerId + "\"]"))).isEmpty();

    JsonNode entry = GongyuClient.require(client.get("/api/city/lecturers/" + lecturerId), "the lecturer").body();
    assertThat(entry.path("status").asString()).isEqualTo("REGISTERED");
    assertThat(entry.path("registeredAndTrained").asBoolean()).isTrue();
    assertThat(entry.path("trainedOn").asString()).isEqualTo(trainedOn);
    List<String> steps = entry.path("trail").valueStream().map(s -> s.path("action").asString()).toList();
    assertThat(steps).containsExactly("NOMINATED", "REGISTERED");
  }

  @Test
  @Order(3)
  void theCountySeesItsNominationRegistered() {
    assertThat(lecturerId).isNotNull();
    browser = new Chromium(GATEWAY);
    browser.logIn("lc-county-admin-" + COUNTY);
    browser.open("/counties/" + COUNTY + "/lecturers");
    WebElement mine = awaitRow("mine-row");
    assertThat(mine.getAttribute("data-status")).isEqualTo("REGISTERED");
    assertThat(browser.all(By.cssSelector("[data-testid=\"registered-row\"][data-id=\"" + lecturerId + "\"]"))).hasSize(1);
  }

  /** The row of this run's lecturer in a table, once the page shows it. */
  private WebElement awaitRow(String testId) {
    Chromium.waitUntil(testId + " of " + NAME, Duration.ofSeconds(30),
        () -> browser.all(browser.testId(testId)).stream().anyMatch(r -> r.getText().contains(NAME)));
    return browser.all(browser.testId(testId)).stream().filter(r -> r.getText().contains(NAME)).findFirst().orElseThrow();
  }
}
