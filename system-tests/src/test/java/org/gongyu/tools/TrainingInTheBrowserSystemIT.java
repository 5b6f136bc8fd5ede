package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * 培训与认证 through the browser (ADR 0025): city staff, logged in through Keycloak's form in
 * Chromium (zh-CN), open an instructor cohort, enrol a teacher of a county of its own (990613),
 * record the attendance and a passing score, complete the cohort and issue the certificate; the
 * page and the API show it valid for three years. Pages are checked with axe-core.
 */
@ExtendWith(SharedPlatform.class)
class TrainingInTheBrowserSystemIT extends BrowserSystemTest {

  static final String GATEWAY = SharedPlatform.GATEWAY;
  static final String CITY = "990100";
  static final String COUNTY = "990613";
  static final GongyuClient client = new GongyuClient(GATEWAY, SharedPlatform.KEYCLOAK, false);
  /** names of this run, so that a rerun on the same platform finds its own cohort and certificate */
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String COHORT = "家庭教育指导师培训班" + RUN;
  static final String TEACHER = "学员" + RUN;
  static final String NUMBER = "JZ-ST-" + RUN;

  @BeforeAll
  static void tools() throws IOException {
    client.putCounty(COUNTY, "培训县");
    client.accounts().tokenAs("tc", "city-staff", CITY, CITY);
  }

  @Test
  void cityStaffRunACohortAndIssueACertificateToTheTeacherWhoPassed() {
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    browser = new Chromium(GATEWAY);
    browser.logIn("tc-city-staff-" + CITY);
    browser.open("/city/training");
    browser.await("nav-city-training");
    browser.await("cohorts");
    WebAppSystemIT.checkPage(browser, axeSource, "city-training");

    // a new instructor cohort, mixed mode, that ended three days ago
    browser.centreAndClick(browser.await("new-cohort"));
    browser.await("f-name").sendKeys(COHORT);
    date("f-starts", today.minusDays(30));
    date("f-ends", today.minusDays(3));
    browser.await("f-sessions").sendKeys("2");
    browser.centreAndClick(browser.await("act-confirm"));
    WebElement detail = browser.await("cohort-detail");
    Chromium.waitUntil("the new cohort in progress", Duration.ofSeconds(30),
        () -> browser.await("cohort-detail").getText().contains(COHORT) && "PLANNED".equals(browser.await("cohort-detail").getAttribute("data-status")));
    assertThat(detail.getText()).contains("家庭教育指导师培训班", "线上线下结合");

    // a teacher of the county's school, her attendance and a passing score
    browser.await("enrol-name").sendKeys(TEACHER);
    browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
        browser.await("enrol-county"), COUNTY);
    browser.await("enrol-school").sendKeys(COUNTY + "0001");
    browser.centreAndClick(browser.await("enrol-submit"));
    participantAction("record-attendance");
    browser.await("f-attended").sendKeys("2");
    browser.centreAndClick(browser.await("act-confirm"));
    Chromium.waitUntil("attendance saved", Duration.ofSeconds(30), () -> participant().getText().contains("2 / 2"));
    participantAction("record-score");
    browser.await("f-score").sendKeys("86.5");
    browser.centreAndClick(browser.await("act-confirm"));
    Chromium.waitUntil("score saved", Duration.ofSeconds(30), () -> participant().getText().contains("86.5（合格）"));
    // audit the cohort's page once the success messages have gone (a toast is not part of the page)
    Chromium.waitUntil("the messages to go", Duration.ofSeconds(15), () -> browser.all(By.cssSelector(".el-message")).isEmpty());
    WebAppSystemIT.checkPage(browser, axeSource, "city-training-cohort");

    // completion, then the certificate with the default term
    browser.centreAndClick(browser.await("complete"));
    browser.centreAndClick(browser.await("act-confirm"));
    Chromium.waitUntil("the cohort completed", Duration.ofSeconds(30),
        () -> "COMPLETED".equals(browser.await("cohort-detail").getAttribute("data-status")));
    participantAction("issue");
    browser.await("f-number").sendKeys(NUMBER);
    browser.centreAndClick(browser.await("act-confirm"));
    Chromium.waitUntil("the certificate in the list", Duration.ofSeconds(30), () -> browser.all(By.cssSelector(
        "[data-testid=\"certificate-row\"][data-number=\"" + NUMBER + "\"][data-status=\"VALID\"]")).size() == 1);
    WebElement row = browser.all(By.cssSelector("[data-testid=\"certificate-row\"][data-number=\"" + NUMBER + "\"]")).getFirst();
    assertThat(row.getText()).contains(TEACHER, "有效", today.plusYears(3).toString());
    assertThat(participant().getText()).contains(NUMBER + "（有效）");

    JsonNode certificate = GongyuClient.require(client.get("/api/city/instructor-certificates/" + NUMBER), "the certificate").body();
    assertThat(certificate.path("status").asString()).isEqualTo("VALID");
    assertThat(certificate.path("holderName").asString()).isEqualTo(TEACHER);
    assertThat(certificate.path("countyId").asString()).isEqualTo(COUNTY);
    assertThat(certificate.path("issuedOn").asString()).isEqualTo(today.toString());
    assertThat(certificate.path("expiresOn").asString()).isEqualTo(today.plusYears(3).toString());
  }

  /** A date input's typing order follows the browser's locale: set the value as the form would get it. */
  private void date(String testId, LocalDate day) {
    browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
        browser.await(testId), day.toString());
  }

  private WebElement participant() {
    Chromium.waitUntil("the participant " + TEACHER, Duration.ofSeconds(30), () -> browser.all(By.cssSelector(
        "[data-testid=\"participant-row\"][data-name=\"" + TEACHER + "\"]")).size() == 1);
    return browser.all(By.cssSelector("[data-testid=\"participant-row\"][data-name=\"" + TEACHER + "\"]")).getFirst();
  }

  private void participantAction(String testId) {
    browser.centreAndClick(participant().findElement(browser.testId(testId)));
  }
}
